import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MediaRepository } from '../../electron/db/media-repo';
import type { Backend } from '../../electron/host/bootstrap';
import { MediaFileStore } from '../../electron/media/file-store';
import { MediaService } from '../../electron/services/media';
import type { Result } from '../../shared/errors';
import { MAX_PHOTO_BYTES, RENDITION_WIDTHS, type MediaItem } from '../../shared/media';
import { startTestBackend } from './support/backend';
import { IPTC, iptcSegment, makeImage, newsPhoto, noise, pngBomb, truncated, withSegments, xmpPacket, type TestFormat } from './support/images';
import { logicalDump, makeTempDir, removeTempDirs } from './support/temp';

/**
 * The photo library's import through the real dispatch, services, sqlite database and data folder:
 * what is stored where, what the renditions are, what the file's own metadata fills in, and that a bad
 * file is refused in Korean with nothing left behind.
 */

const CAPTION = '배경훈 과학기술정보통신부 장관이 브룩헤이븐 국립연구소에서 양자컴퓨터를 살펴보고 있다';
const CREDIT = '포탈뉴스통신';
const SEOUL = { latitude: 37.5665, longitude: 126.978 };

let dataDir: string;
let backend: Backend;

beforeEach(async () => {
  dataDir = makeTempDir('byline-media-');
  ({ backend } = await startTestBackend(dataDir));
});

afterEach(async () => {
  await backend.close().catch(() => undefined);
  removeTempDirs();
});

const mediaDir = () => path.join(dataDir, 'media');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function call<T>(method: string, input: unknown): Promise<Result<T>> {
  return (await backend.dispatch(method, input)) as Result<T>;
}
async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await call<T>(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
const importPhoto = (fileName: string, data: Uint8Array) => ok<{ item: MediaItem; reused: boolean }>('media.import', { fileName, data: new Uint8Array(data) });

/** Everything under the media folder, as relative paths. */
function mediaFiles(): string[] {
  const root = mediaDir();
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}

function agencyPhoto(seed = 1): Promise<Buffer> {
  return newsPhoto({
    width: 2400,
    height: 1600,
    seed,
    orientation: 6,
    gps: SEOUL,
    taken: { at: '2026:01:15 10:30:00', offset: '+09:00' },
    iptc: [
      [IPTC.caption, CAPTION],
      [IPTC.credit, CREDIT],
      [IPTC.byline, '홍길동'],
      [IPTC.copyright, '© 포탈뉴스통신. 무단 전재 및 재배포 금지'],
    ],
    xmp: xmpPacket({ caption: 'XMP 설명은 IPTC보다 뒤에 읽는다', creator: '김기자' }),
  });
}

describe('importing photos', () => {
  it.each<[TestFormat, number, number]>([
    ['jpeg', 2000, 1333],
    ['png', 1000, 700],
    ['webp', 1700, 900],
    ['avif', 640, 480],
  ])('stores a %s once under its SHA-256 with six renditions at the right widths', async (format, width, height) => {
    const bytes = await makeImage(format, { width, height, seed: width });
    const { item, reused } = await importPhoto(`사진.${format}`, bytes);
    expect(reused).toBe(false);
    expect(item).toMatchObject({ id: sha256(bytes), format, width, height, bytes: bytes.length, fileName: `사진.${format}`, hasGps: false });

    const folder = path.join(mediaDir(), item.id);
    const ext = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' }[format];
    expect(readdirSync(folder).sort()).toEqual(['1600.jpg', '1600.webp', '320.jpg', '320.webp', '800.jpg', '800.webp', `original.${ext}`].sort());
    expect(sha256(readFileSync(path.join(folder, `original.${ext}`)))).toBe(item.id);

    expect(item.renditions).toHaveLength(6);
    for (const r of item.renditions) {
      const nominal = Number(/\/(\d+)\.(webp|jpg)$/.exec(r.path)![1]);
      expect(RENDITION_WIDTHS).toContain(nominal);
      const expectedWidth = Math.min(nominal, width);
      const file = readFileSync(path.join(folder, path.basename(r.path)));
      const meta = await sharp(file).metadata();
      expect([r.path, meta.format, meta.width, meta.height, r.bytes]).toEqual([r.path, r.format, expectedWidth, r.height, file.length]);
      expect(r.width).toBe(expectedWidth);
      expect(Math.abs(r.height - (height * expectedWidth) / width)).toBeLessThanOrEqual(1);
      expect(r.path).toBe(`/media/${item.id}/${nominal}.${r.format === 'jpeg' ? 'jpg' : 'webp'}`);
    }
  });

  it('pre-fills caption, credit, creator, copyright and date from IPTC, XMP and EXIF, and applies the orientation', async () => {
    const bytes = await agencyPhoto();
    const { item } = await importPhoto('DSC_0042.JPG', bytes);
    expect(item).toMatchObject({
      caption: CAPTION,
      credit: CREDIT,
      creator: '홍길동',
      copyright: '© 포탈뉴스통신. 무단 전재 및 재배포 금지',
      alt: '',
      takenAt: '2026-01-15T01:30:00.000Z',
      hasGps: true,
      // Stored 2400×1600 with orientation 6: the photo is portrait.
      width: 1600,
      height: 2400,
    });
    const largest = item.renditions.find((r) => r.path.endsWith('/1600.jpg'))!;
    expect([largest.width, largest.height]).toEqual([1600, 2400]);
    const small = item.renditions.find((r) => r.path.endsWith('/320.webp'))!;
    expect([small.width, small.height]).toEqual([320, 480]);
  });

  it('writes no EXIF, GPS, XMP or IPTC into any rendition, though the original keeps them', async () => {
    const { item } = await importPhoto('현장.jpg', await agencyPhoto());
    const folder = path.join(mediaDir(), item.id);
    for (const name of readdirSync(folder).filter((n) => !n.startsWith('original'))) {
      const file = readFileSync(path.join(folder, name));
      const meta = await sharp(file).metadata();
      expect([name, meta.exif, meta.xmp, meta.iptc, meta.orientation]).toEqual([name, undefined, undefined, undefined, undefined]);
      expect([name, await exifr.gps(file).catch(() => undefined)]).toEqual([name, undefined]);
      expect(file.includes(Buffer.from('SN-0042'))).toBe(false);
    }
    const original = readFileSync(path.join(folder, 'original.jpg'));
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(SEOUL.latitude, 3) });
  });

  it('reads XMP when the file has no IPTC, and EUC-KR IPTC written by older Korean desk systems', async () => {
    const xmpOnly = await newsPhoto({
      width: 900,
      height: 600,
      seed: 11,
      xmp: xmpPacket({ caption: '제주 유채꽃 들판', credit: '제주도청 제공', creator: '김기자', dateCreated: '2026-03-01T09:00:00+09:00' }),
    });
    expect((await importPhoto('jeju.jpg', xmpOnly)).item).toMatchObject({
      caption: '제주 유채꽃 들판',
      credit: '제주도청 제공',
      creator: '김기자',
      takenAt: '2026-03-01T00:00:00.000Z',
    });

    const eucKr = (text: string) => Buffer.from(new Uint8Array(new TextEncoderEucKr().encode(text)));
    const plain = await makeImage('jpeg', { width: 900, height: 600, seed: 12 });
    const legacy = withSegments(
      plain,
      iptcSegment(
        [
          [IPTC.caption, '국회 본회의장 전경'],
          [IPTC.credit, '국회사진기자단'],
        ],
        eucKr,
        false,
      ),
    );
    expect((await importPhoto('legacy.jpg', legacy)).item).toMatchObject({ caption: '국회 본회의장 전경', credit: '국회사진기자단' });
  });

  it('imports the same bytes once: the second import reuses the stored photo and its edited texts', async () => {
    const bytes = await agencyPhoto(2);
    const first = await importPhoto('a.jpg', bytes);
    await ok('media.update', { id: first.item.id, caption: '데스크가 고친 설명', alt: '양자컴퓨터 앞의 장관' });
    const again = await importPhoto('다른 이름.jpg', bytes);
    expect(again.reused).toBe(true);
    expect(again.item).toMatchObject({ id: first.item.id, fileName: 'a.jpg', caption: '데스크가 고친 설명', alt: '양자컴퓨터 앞의 장관' });
    expect(readdirSync(mediaDir()).filter((n) => /^[0-9a-f]{64}$/.test(n))).toEqual([first.item.id]);
    expect((await backend.db.get<{ n: number }>('SELECT count(*) AS n FROM media'))!.n).toBe(1);
  });

  it('imports the same file twice at once into one photo', async () => {
    const bytes = await makeImage('jpeg', { width: 1800, height: 1200, seed: 99 });
    const [a, b] = await Promise.all([importPhoto('a.jpg', bytes), importPhoto('b.jpg', bytes)]);
    expect(a.item.id).toBe(b.item.id);
    expect([a.reused, b.reused].sort()).toEqual([false, true]);
    expect(mediaFiles().filter((f) => f.startsWith('.staging'))).toEqual([]);
    expect((await backend.db.get<{ n: number }>('SELECT count(*) AS n FROM media'))!.n).toBe(1);
  });

  it('puts back renditions that went missing from disk when the photo is imported again', async () => {
    const bytes = await makeImage('png', { width: 900, height: 600, seed: 5 });
    const { item } = await importPhoto('a.png', bytes);
    const file = path.join(mediaDir(), item.id, '800.webp');
    rmSync(file);
    const again = await importPhoto('a.png', bytes);
    expect(again.reused).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});

describe('refusing bad files', () => {
  const cases: Array<[string, () => Promise<{ fileName: string; data: Uint8Array }>, RegExp]> = [
    ['random bytes', async () => ({ fileName: 'photo.jpg', data: noise(50_000) }), /사진 파일이 아닙니다/],
    [
      'a text file named .jpg',
      async () => ({ fileName: '보도자료.jpg', data: Buffer.from('[보도자료] 과학기술정보통신부\n보도시점: 즉시', 'utf8') }),
      /사진 파일이 아닙니다/,
    ],
    ['a GIF', async () => ({ fileName: 'anim.gif', data: Buffer.concat([Buffer.from('GIF89a', 'latin1'), noise(100)]) }), /GIF 파일입니다/],
    [
      'a truncated JPEG',
      async () => ({ fileName: '잘린사진.jpg', data: truncated(await makeImage('jpeg', { width: 1600, height: 1200, seed: 3 })) }),
      /손상되었거나 끝까지 읽을 수 없는/,
    ],
    ['a truncated PNG', async () => ({ fileName: 'cut.png', data: truncated(await makeImage('png', { width: 600, height: 400, seed: 3 })) }), /손상되었거나/],
    ['a PNG bomb declaring 40000×40000 pixels', async () => ({ fileName: 'bomb.png', data: pngBomb() }), /화소 수가 너무 많습니다.*압축 폭탄/],
    [
      'a JPEG header with garbage after it',
      async () => ({ fileName: 'x.jpg', data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), noise(5_000)]) }),
      /손상되었거나/,
    ],
    [
      'a file name with a slash',
      async () => ({ fileName: '../../etc/passwd.jpg', data: await makeImage('jpeg', { width: 64, height: 64, seed: 1 }) }),
      /경로 구분자/,
    ],
    [
      'a file name with a backslash',
      async () => ({ fileName: '..\\..\\사진.jpg', data: await makeImage('jpeg', { width: 64, height: 64, seed: 1 }) }),
      /경로 구분자/,
    ],
    ['an empty file', async () => ({ fileName: 'empty.jpg', data: new Uint8Array(0) }), /빈 파일/],
    ['a 200 MB file', async () => ({ fileName: 'huge.jpg', data: new Uint8Array(200 * 1024 * 1024) }), /너무 큽니다.*100 MB/],
  ];

  it.each(cases)('refuses %s with a Korean VALIDATION message and leaves nothing behind', async (_label, make, message) => {
    const input = await make();
    const before = await logicalDump(backend.db);
    const result = await call('media.import', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/[가-힣]/);
    expect(result.error.message).toMatch(message);
    expect(result.error.message).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|Vips/);
    expect(mediaFiles()).toEqual([]);
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
  });

  it('refuses the same files when a batch job calls the service directly, past the contract', async () => {
    const service = new MediaService({ repo: new MediaRepository(backend.db), files: new MediaFileStore(mediaDir()) });
    for (const [label, make, message] of cases) {
      const input = await make();
      const outcome = await service.import(input).then(
        () => 'imported',
        (err: Error & { code?: string }) => `${err.code}: ${err.message}`,
      );
      expect([label, outcome]).toEqual([label, expect.stringMatching(new RegExp(`^VALIDATION: .*${message.source}`))]);
    }
    expect(mediaFiles()).toEqual([]);
    expect(MAX_PHOTO_BYTES).toBe(100 * 1024 * 1024);
  });
});

describe('the library', () => {
  it('finds photos by a two-syllable Korean word in the caption, by credit, and lists all for an empty query', async () => {
    const minister = (await importPhoto('a.jpg', await agencyPhoto(3))).item;
    const jeju = (
      await importPhoto(
        'b.jpg',
        await newsPhoto({
          width: 800,
          height: 600,
          seed: 4,
          iptc: [
            [IPTC.caption, '제주 유채꽃 들판을 찾은 관광객들'],
            [IPTC.credit, '제주도청 제공'],
          ],
        }),
      )
    ).item;
    const search = (query: string) => ok<{ items: MediaItem[]; total: number }>('media.search', { query });
    expect((await search('양자')).items.map((i) => i.id)).toEqual([minister.id]);
    expect((await search('장관')).items.map((i) => i.id)).toEqual([minister.id]);
    expect((await search('유채')).items.map((i) => i.id)).toEqual([jeju.id]);
    expect((await search('관광객')).items.map((i) => i.id)).toEqual([jeju.id]);
    expect((await search('제주도청')).items.map((i) => i.id)).toEqual([jeju.id]);
    expect((await search('포탈뉴스통신')).items.map((i) => i.id)).toEqual([minister.id]);
    expect((await search('홍길동')).items.map((i) => i.id)).toEqual([minister.id]);
    expect(await search('국회')).toEqual({ items: [], total: 0 });
    const all = await search('');
    expect(all.total).toBe(2);
    expect(all.items.map((i) => i.id).sort()).toEqual([minister.id, jeju.id].sort());
    expect((await ok<{ items: MediaItem[] }>('media.search', { query: '', limit: 1, offset: 1 })).items).toHaveLength(1);
  });

  it('searches the edited caption after media.update, not the one the file carried', async () => {
    const { item } = await importPhoto('a.jpg', await agencyPhoto(5));
    const updated = await ok<MediaItem>('media.update', { id: item.id, caption: '국회 본회의장에서 표결하는 의원들', credit: '국회사진기자단' });
    expect(updated).toMatchObject({ caption: '국회 본회의장에서 표결하는 의원들', credit: '국회사진기자단', creator: '홍길동' });
    expect(updated.updatedAt >= item.updatedAt).toBe(true);
    expect((await ok<{ items: MediaItem[] }>('media.search', { query: '표결' })).items.map((i) => i.id)).toEqual([item.id]);
    expect((await ok<{ total: number }>('media.search', { query: '양자' })).total).toBe(0);
    expect(await ok<MediaItem>('media.get', { id: item.id })).toEqual(updated);
  });

  it('answers NOT_FOUND for a photo that is not in the library', async () => {
    const id = 'a'.repeat(64);
    expect(await call('media.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('media.update', { id, caption: '설명' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('start-up sweep', () => {
  it('removes old staging folders and photo folders without a row, and keeps recent ones', async () => {
    const { item } = await importPhoto('kept.jpg', await makeImage('jpeg', { width: 400, height: 300, seed: 8 }));
    await backend.close();
    const old = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
    const staleStaging = path.join(mediaDir(), '.staging', `${'b'.repeat(64)}-1-aaaa`);
    const freshStaging = path.join(mediaDir(), '.staging', `${'c'.repeat(64)}-1-bbbb`);
    const orphan = path.join(mediaDir(), 'd'.repeat(64));
    const freshOrphan = path.join(mediaDir(), 'e'.repeat(64));
    for (const dir of [staleStaging, freshStaging, orphan, freshOrphan]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'original.jpg'), 'x');
    }
    for (const dir of [staleStaging, orphan, path.join(mediaDir(), item.id)]) utimesSync(dir, old, old);
    ({ backend } = await startTestBackend(dataDir));
    expect(existsSync(staleStaging)).toBe(false);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(freshStaging)).toBe(true);
    expect(existsSync(freshOrphan)).toBe(true);
    expect(existsSync(path.join(mediaDir(), item.id, 'original.jpg'))).toBe(true);
    expect((await ok<MediaItem>('media.get', { id: item.id })).id).toBe(item.id);
  });
});

/** EUC-KR bytes for a few test strings, through the platform's decoder run backwards (Node has no EUC-KR encoder). */
class TextEncoderEucKr {
  private static table: Map<string, number[]> | undefined;

  encode(text: string): number[] {
    const table = TextEncoderEucKr.build();
    return [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f])));
  }

  private static build(): Map<string, number[]> {
    if (this.table) return this.table;
    const decoder = new TextDecoder('euc-kr');
    const table = new Map<string, number[]>();
    for (let lead = 0xb0; lead <= 0xc8; lead += 1) {
      for (let trail = 0xa1; trail <= 0xfe; trail += 1) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
    }
    this.table = table;
    return table;
  }
}
