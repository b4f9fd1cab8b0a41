import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import type { Article } from '../../shared/article';
import type { SerializedNodeShape } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import type { Result } from '../../shared/errors';
import type { MediaItem } from '../../shared/media';
import type { ImportResult } from '../../shared/press-release';
import { startTestBackend } from './support/backend';
import { RELEASE, RELEASE_PROPOSALS, captionLine, makeHtmlPage, makeHwpx, releasePhoto } from './support/documents';
import { hwpPack, makeHwp, paragraph, pictureParagraph, record, tableParagraph } from './support/hwp-writer';
import { logicalDump, makeTempDir, removeTempDirs } from './support/temp';

/**
 * HWP 5 import through the real dispatch: a release written here in the binary format with every
 * structure the reader follows, a real ministry release (tests/fixtures/hwp/SOURCES.md), and files that
 * are locked, cut short or lying about what they are.
 */

let backend: Backend | undefined;

beforeEach(async () => {
  ({ backend } = await startTestBackend(makeTempDir('byline-import-hwp-')));
});

afterEach(async () => {
  await backend?.close();
  backend = undefined;
  removeTempDirs();
});

async function call<T>(method: string, input: unknown): Promise<Result<T>> {
  return (await backend!.dispatch(method, input)) as Result<T>;
}

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await call<T>(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function nodesOf(article: Article, type: string): SerializedNodeShape[] {
  const out: SerializedNodeShape[] = [];
  const walk = (n: SerializedNodeShape) => {
    if (n.type === type) out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  for (const c of article.body.root.children) walk(c);
  return out;
}

const textOf = (n: SerializedNodeShape): string => (n.text ?? '') + (n.children ?? []).map(textOf).join('');
const strip = (line: string) => line.replace(/^(?:□|ㅇ)\s*/, '');
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/hwp/${name}`, import.meta.url)));
const kinds = (result: ImportResult, kind: string) =>
  result.record.setAside
    .filter((s) => s.kind === kind)
    .map((s) => s.text)
    .join('\n');

describe('an HWP 5 press release becomes a 보도자료 draft as its HWPX twin does', () => {
  it.each([
    ['compressed', 1],
    ['stored', 0],
  ])('%s streams', async (_label, flags) => {
    const result = await ok<ImportResult>('import.document', { fileName: '양자전략_보도자료.hwp', data: new Uint8Array(await makeHwp({ flags })) });
    const { article, record: imported } = result;
    expect(imported.format).toBe('hwp');
    expect(imported.proposals).toEqual(RELEASE_PROPOSALS);
    expect([article.headline, article.deck, article.sourceAttribution, article.embargoAt]).toEqual([
      RELEASE.title,
      RELEASE.subtitle,
      RELEASE.issuer,
      RELEASE.embargoIso,
    ]);

    const paragraphs = nodesOf(article, 'paragraph').map(textOf);
    for (const line of [RELEASE.lead, RELEASE.note, RELEASE.tableIntro, RELEASE.quote]) expect(paragraphs).toContain(strip(line));
    expect(nodesOf(article, 'listitem').map(textOf)).toEqual(RELEASE.items.map(strip));
    for (const row of RELEASE.table) expect(paragraphs).toContain(row.join(' | '));

    const photos = nodesOf(article, 'photo');
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ caption: RELEASE.caption, credit: RELEASE.photoCredit });
    const item = await ok<MediaItem>('media.get', { id: photos[0]!.mediaId });
    expect([item.width, item.height]).toEqual([320, 200]);

    const text = editorStateToText(article.body);
    for (const boiler of ['담당 부서', '044-202-4930', '보도시점', '붙임', RELEASE.subtitle]) expect(text).not.toContain(boiler);
    expect(kinds(result, 'contact')).toContain('사무관 김철수 (044-202-4931)');
    expect(kinds(result, 'page_header')).toContain(RELEASE.pageHeader);
    expect(kinds(result, 'page_footer')).toContain('- 1 -');

    // The same body the HWPX of this release gives, block for block.
    const twin = await ok<ImportResult>('import.document', { fileName: '양자전략_보도자료.hwpx', data: new Uint8Array(await makeHwpx()) });
    expect(editorStateToText(article.body)).toBe(editorStateToText(twin.article.body));
  });

  it('leaves out pictures shown under 2 cm tall (logos, the 공공누리 mark) and keeps a photo whose size is not given', async () => {
    const section = Buffer.concat([
      paragraph(0, RELEASE.title),
      paragraph(0, RELEASE.lead),
      pictureParagraph(0, 1, '', 1.3),
      pictureParagraph(0, 1, captionLine(), 0),
    ]);
    const { article } = await ok<ImportResult>('import.document', { fileName: '보도자료.hwp', data: new Uint8Array(await makeHwp({ section })) });
    const photos = nodesOf(article, 'photo');
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ caption: RELEASE.caption });
  });

  it('reads a letter-spaced masthead in a box as the masthead, not the headline', async () => {
    const { article } = await ok<ImportResult>('import.document', {
      fileName: '보도참고자료.hwp',
      data: new Uint8Array(await makeHwp({ masthead: { text: '보 도 참 고 자 료', box: true } })),
    });
    expect([article.headline, article.deck]).toEqual([RELEASE.title, RELEASE.subtitle]);
    expect(article.sourceAttribution).toBe(RELEASE.issuer);
  });
});

describe('a real ministry release in HWP 5 (농림축산식품부, korea.kr)', () => {
  it('gives headline, deck, 뉴스출처, embargo and body, with the contacts and marks left out', async () => {
    const result = await ok<ImportResult>('import.document', { fileName: '농식품부_펫푸드_보도자료.hwp', data: fixture('농식품부_펫푸드_보도자료.hwp') });
    const { article } = result;
    expect(article.headline).toBe('농식품부, 2027년 펫푸드 수출액 5억불 달성을 위한 지원 본격 추진!');
    expect(article.deck).toBe('한훈 차관 우리와(주) 펫푸드 생산공장 방문, 수출 활성화를 위한 농식품부 계획 공유 및 현장 애로사항 청취 등 소통 기회 마련');
    expect(article.sourceAttribution).toBe('농림축산식품부');
    expect(article.embargoAt).toBe('2024-03-05T08:00:00.000Z');
    const paragraphs = nodesOf(article, 'paragraph').map(textOf);
    expect(paragraphs[0]).toMatch(/^농림축산식품부\(장관 송미령, 이하 농식품부\) 한훈 차관은 3월 5일\(화\) 오후/);
    expect(paragraphs.some((p) => p.includes('1억 5천만 달러로 비약적으로 증가한 것은'))).toBe(true);
    const text = editorStateToText(article.body);
    for (const boiler of ['담당 부서', '044-201-2651', '보도시점', '동정자료']) expect(text).not.toContain(boiler);
    expect(kinds(result, 'contact')).toContain('박찬우');
    // The 정책브리핑 banner and the 공공누리 mark at the end are marks, not photos; the logos in the masthead stay out too.
    expect(nodesOf(article, 'photo')).toHaveLength(0);
  });
});

describe('HWP 5 files that cannot be read are refused in Korean and leave nothing behind', () => {
  const big = (n: number) => paragraph(0, '가'.repeat(n));
  const BAD: Array<[string, string, () => Promise<Buffer> | Buffer, RegExp]> = [
    ['a password-protected file', '보도자료.hwp', () => makeHwp({ flags: 1 | 2 }), /암호/],
    ['a distribution-locked file (배포용 문서)', '보도자료.hwp', () => makeHwp({ flags: 1 | 4 }), /배포용/],
    [
      'a distribution copy with ViewText only',
      '보도자료.hwp',
      () => makeHwp({ omit: ['BodyText/Section0'], extra: { 'ViewText/Section0': Buffer.alloc(512, 7) } }),
      /배포용/,
    ],
    ['a file cut short', '보도자료.hwp', async () => (await makeHwp()).subarray(0, 1_500), /손상/],
    ['a directory whose sector chain loops back on itself', '보도자료.hwp', async () => withLoopingDirectory(await makeHwp()), /손상/],
    [
      'a record running past its stream',
      '보도자료.hwp',
      () => makeHwp({ section: Buffer.concat([big(10), record(0x43, 1, Buffer.alloc(8)).subarray(0, 6)]) }),
      /손상/,
    ],
    ['a section that is not deflate data', '보도자료.hwp', () => makeHwp({ extra: { 'BodyText/Section0': Buffer.alloc(4_096, 0xff) } }), /손상/],
    ['a deflate bomb in a section', '보도자료.hwp', () => makeHwp({ extra: { 'BodyText/Section0': hwpPack(Buffer.alloc(8 * 1024 * 1024)) } }), /너무 커|압축/],
    [
      '200,001 empty paragraphs',
      '보도자료.hwp',
      () => makeHwp({ section: Buffer.concat(Array.from({ length: 200_001 }, () => record(0x42, 0, Buffer.alloc(24)))), flags: 0 }),
      /문단이 너무 많습니다/,
    ],
    ['an OLE file without a FileHeader (an encrypted Office file)', '보도자료.hwp', () => makeHwp({ omit: ['FileHeader'] }), /한글\(HWP 5\) 문서가 아닙니다/],
    ['a zip named .hwp', '보도자료.hwp', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.alloc(200)]), /압축\(zip\)/],
    ['a web page named .hwp (a failed download)', '보도자료.hwp', async () => Buffer.from(makeHtmlPage(await releasePhoto())), /웹 페이지/],
    ['a version 3 FileHeader in an OLE file', '보도자료.hwp', async () => withVersion(await makeHwp(), 0x03000000), /한글 3 형식/],
    [
      'an HWP 3 file (한글 97)',
      '보도자료.hwp',
      () => Buffer.concat([Buffer.from('HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05', 'latin1'), Buffer.alloc(2_000)]),
      /HWP 3/,
    ],
  ];

  it.each(BAD)('%s', async (_label, fileName, make, message) => {
    const data = new Uint8Array(await make());
    const before = await logicalDump(backend!.db);
    const result = await call('import.document', { fileName, data });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(message);
      expect(result.error.message).toMatch(/[가-힣]/);
      expect(result.error.message).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
    }
    expect((await logicalDump(backend!.db)).hash).toBe(before.hash);
    expect((await ok<{ total: number }>('articles.list', {})).total).toBe(0);
  });

  it('keeps a table whose cells claim places far outside it to its bounds', async () => {
    // The second cell says it sits at row and column 65535: the reader drops the cell, not the file.
    const far = (row: number, col: number): [number, number] => (col === 1 ? [0xffff, 0xffff] : [row, col]);
    const section = Buffer.concat([paragraph(0, RELEASE.title), tableParagraph(0, [['가', '나']], far), paragraph(0, RELEASE.lead)]);
    const { article } = await ok<ImportResult>('import.document', { fileName: '보도자료.hwp', data: new Uint8Array(await makeHwp({ section })) });
    expect(editorStateToText(article.body)).toContain('가');
    expect(editorStateToText(article.body)).not.toContain('나');
  });
});

function withVersion(file: Buffer, version: number): Buffer {
  // FileHeader is the first stream cfb writes, so its version field is found by its signature.
  const at = file.indexOf(Buffer.from('HWP Document File', 'latin1'));
  const out = Buffer.from(file);
  out.writeUInt32LE(version, at + 32);
  return out;
}

function withLoopingDirectory(file: Buffer): Buffer {
  // The compound file header names the first directory sector (0x30) and the first FAT sector (0x4C);
  // that FAT entry is made to point back at its own sector.
  const out = Buffer.from(file);
  const dir = out.readUInt32LE(0x30);
  const fat = 512 * (out.readUInt32LE(0x4c) + 1);
  out.writeUInt32LE(dir, fat + 4 * dir);
  return out;
}
