import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { parseSearchQuery, matchExpression } from '../../shared/korean-tokens';
import { MAX_PHOTO_BYTES, RENDITION_FORMATS, RENDITION_WIDTHS, type ImageFormat, type MediaItem, type MediaUsage } from '../../shared/media';
import { StorageError } from '../db/storage-error';
import type { MediaPatch, MediaRepository, StoredRendition } from '../db/media-repo';
import { exportJpeg } from '../media/export';
import { MediaFileStore, originalName, renditionName } from '../media/file-store';
import { probeImage, renderRenditions } from '../media/renditions';
import type { SharedOriginals } from '../media/shared-media-store';
import { describeOther, sniffImageFormat } from '../media/sniff';
import { untrustedWork } from '../workers/untrusted';

export interface MediaServiceDeps {
  repo: MediaRepository;
  files: MediaFileStore;
  now?: () => Date;
  /** settings.media.keepGpsOnExport, read at each export so a change applies at once. */
  keepGpsOnExport?: () => boolean | Promise<boolean>;
  /**
   * The newsroom's shared originals (PostgreSQL mode): every import stores its original there, and a
   * photo whose folder this machine lacks is fetched and its renditions made again (`materialise`).
   * Absent on a single machine (SQLite), where the media folder is the only copy.
   */
  shared?: SharedOriginals;
}

/** Leftovers younger than this may belong to an import under way in the other Byline on this data folder. */
const SWEEP_AFTER_MS = 60 * 60 * 1000;

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `사진을 찾을 수 없습니다 (${id.slice(0, 12)}…). 사진 보관함에서 지워졌거나 이 컴퓨터에 없는 사진입니다.`);
}

/** The files a stored photo has: its original and every rendition. */
function fileNames(format: ImageFormat): string[] {
  return [originalName(format), ...RENDITION_WIDTHS.flatMap((w) => RENDITION_FORMATS.map((f) => renditionName(w, f)))];
}

/** The contract checks these too; a batch job calling the service directly gets the same answers. */
function checkInput(fileName: string, data: Uint8Array): void {
  if (/[/\\\0]/.test(fileName) || fileName === '.' || fileName === '..' || fileName.trim() === '') {
    throw new AppError('VALIDATION', '파일 이름에 경로 구분자를 쓸 수 없습니다. 파일 이름만 보내세요.');
  }
  if (data.byteLength === 0) throw new AppError('VALIDATION', `'${fileName}'은(는) 빈 파일입니다.`);
  if (data.byteLength > MAX_PHOTO_BYTES) {
    throw new AppError(
      'VALIDATION',
      `'${fileName}' 파일이 너무 큽니다 (${Math.round(data.byteLength / 1024 / 1024)} MB, 최대 ${MAX_PHOTO_BYTES / 1024 / 1024} MB).`,
    );
  }
}

/**
 * The photo library: import (content-addressed, renditions made once), look up, search by caption and
 * credit, edit the library's texts, and which stories use a photo. Plain Node: the hosts pass in the
 * repository and the file store.
 */
export class MediaService {
  private readonly now: () => Date;
  /** Photos being fetched from the shared store, so concurrent requests for one photo share the fetch. */
  private readonly materialising = new Map<string, Promise<void>>();

  constructor(private readonly deps: MediaServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Stores a photo once: the same bytes imported again return the stored photo (`reused`), with the
   * library's edited caption and credit. A file that is not a JPEG, PNG, WebP or AVIF photo, or that is
   * damaged, truncated or a decompression bomb, is refused before anything is written; the files go in
   * place whole before the row is written, and are taken back if the row cannot be.
   */
  async import(input: { fileName: string; data: Uint8Array }): Promise<{ item: MediaItem; reused: boolean }> {
    const { fileName, data } = input;
    checkInput(fileName, data);
    const format = sniffImageFormat(data);
    if (!format) {
      const other = describeOther(data);
      throw new AppError(
        'VALIDATION',
        other
          ? `'${fileName}'은(는) ${other} 파일입니다. JPEG, PNG, WebP, AVIF 사진만 가져올 수 있습니다.`
          : `'${fileName}'은(는) 사진 파일이 아닙니다. JPEG, PNG, WebP, AVIF 사진만 가져올 수 있습니다.`,
      );
    }
    const id = createHash('sha256').update(data).digest('hex');
    const existing = await this.deps.repo.get(id);
    if (existing && (await this.deps.files.has(id, fileNames(existing.format)))) {
      // Idempotent, and only a lookup when the server has it: the same file imported again on this machine.
      await this.deps.shared?.put(id, format, data);
      return { item: existing, reused: true };
    }

    const facts = await probeImage(data, format, fileName);
    // exifr's parse is JavaScript: in a worker (workers/untrusted.ts); sharp already decodes off the event loop.
    const [embedded, rendered] = await Promise.all([untrustedWork().readPhotoMetadata(data, fileName), renderRenditions(data, fileName)]);
    const stored = await this.deps.files.commit(id, [
      { name: originalName(format), data },
      ...rendered.map((r) => ({ name: renditionName(r.width, r.format), data: r.data })),
    ]);
    const renditions: StoredRendition[] = rendered.map((r) => ({
      width: r.width,
      format: r.format,
      pixelWidth: r.pixelWidth,
      pixelHeight: r.pixelHeight,
      bytes: r.data.byteLength,
    }));
    try {
      // Before the row: a photo another workstation can see must have an original it can fetch.
      await this.deps.shared?.put(id, format, data);
      const { item, inserted } = await this.deps.repo.insert({
        id,
        fileName,
        format,
        bytes: data.byteLength,
        width: facts.width,
        height: facts.height,
        caption: embedded.caption,
        credit: embedded.credit,
        creator: embedded.creator,
        copyright: embedded.copyright,
        takenAt: embedded.takenAt,
        gps: embedded.gps,
        renditions,
        embedded: { ...embedded, gps: undefined, orientation: facts.orientation },
        now: this.now().toISOString(),
      });
      return { item, reused: !inserted };
    } catch (err) {
      // Files without a row would be a photo nobody can see; a row another process wrote meanwhile keeps them.
      if (stored === 'stored' && !(await this.deps.repo.get(id).catch(() => undefined))) await this.deps.files.remove(id).catch(() => undefined);
      throw err;
    }
  }

  async get(id: string): Promise<MediaItem> {
    const item = await this.deps.repo.get(id);
    if (!item) throw notFound(id);
    return item;
  }

  /** Words in captions and credits (two-syllable Korean words from the index); an empty query lists the newest. */
  async search(input: { query: string; limit: number; offset: number }): Promise<{ items: MediaItem[]; total: number }> {
    const terms = parseSearchQuery(input.query);
    return this.deps.repo.search(terms.length > 0 ? matchExpression(terms) : undefined, input.limit, input.offset);
  }

  async update(input: { id: string } & MediaPatch): Promise<MediaItem> {
    const { id, ...patch } = input;
    const item = await this.deps.repo.update(id, patch, this.now().toISOString());
    if (!item) throw notFound(id);
    return item;
  }

  /** Which stories show the photo, whether or not it is in this machine's library. */
  usage(id: string): Promise<MediaUsage[]> {
    return this.deps.repo.usage(id);
  }

  /**
   * The photo as it leaves Byline for a CMS or an export: upright JPEG with the library's texts, without
   * the original's EXIF; its GPS position only if settings keep it.
   */
  async exportPhoto(id: string, options: { maxWidth?: number } = {}): Promise<Buffer> {
    const item = await this.materialise(id);
    const original = await this.deps.files.read(id, originalName(item.format)).catch(() => {
      throw new AppError('NOT_FOUND', `사진 '${item.fileName}'의 원본 파일이 데이터 폴더에 없습니다. 사진을 다시 가져오세요.`);
    });
    return exportJpeg(original, {
      fields: { caption: item.caption, credit: item.credit, creator: item.creator, copyright: item.copyright },
      gps: await this.deps.repo.gps(id),
      keepGps: (await this.deps.keepGpsOnExport?.()) ?? false,
      maxWidth: options.maxWidth,
    });
  }

  /**
   * The photo, with its files in this machine's media folder: call before reading them (renditions
   * served to the editor, exports, bundles). With a shared store, a photo imported on another
   * workstation is fetched once, checked against its id, and its renditions made here as an import
   * makes them; its folder appears whole or not at all. Without one, this is `get` and nothing more.
   */
  async materialise(id: string): Promise<MediaItem> {
    const item = await this.get(id);
    const shared = this.deps.shared;
    if (!shared || (await this.deps.files.has(id, fileNames(item.format)))) return item;
    // One fetch per photo however many renditions the editor asks for at once.
    let pending = this.materialising.get(id);
    if (!pending) {
      pending = this.fetchShared(shared, item).finally(() => this.materialising.delete(id));
      this.materialising.set(id, pending);
    }
    await pending;
    return item;
  }

  private async fetchShared(shared: SharedOriginals, item: MediaItem): Promise<void> {
    const original = await shared.fetch(item.id);
    if (!original) {
      throw new AppError(
        'NOT_FOUND',
        `사진 '${item.fileName}'의 원본이 공유 서버에 없습니다. 이 사진을 처음 가져온 컴퓨터에서 다시 가져오면 모든 컴퓨터에서 쓸 수 있습니다.`,
      );
    }
    const damaged = () =>
      new StorageError(
        'CORRUPT',
        `공유 서버에 저장된 사진 '${item.fileName}'의 원본이 손상되었습니다 (${item.id.slice(0, 12)}…). 이 컴퓨터에는 아무것도 저장하지 않았습니다. 원본 파일을 다시 가져오고 서버 관리자에게 알리세요.`,
      );
    const data = original.data;
    if (createHash('sha256').update(data).digest('hex') !== item.id || original.format !== item.format || sniffImageFormat(data) !== item.format)
      throw damaged();
    const rendered = await renderRenditions(data, item.fileName).catch(() => {
      throw damaged();
    });
    await this.deps.files.commit(item.id, [
      { name: originalName(item.format), data },
      ...rendered.map((r) => ({ name: renditionName(r.width, r.format), data: r.data })),
    ]);
  }

  /**
   * At start: staging folders left by a crash mid-import, and photo folders whose row was never written
   * (a crash between the two), once they are old enough not to be an import under way elsewhere.
   */
  async sweep(now = Date.now()): Promise<{ staging: number; orphans: number }> {
    const staging = await this.deps.files.sweepStaging(SWEEP_AFTER_MS, now);
    const old = (await this.deps.files.list()).filter((d) => now - d.modifiedMs > SWEEP_AFTER_MS);
    const known = await this.deps.repo.existing(old.map((d) => d.id));
    const orphans = old.filter((d) => !known.has(d.id));
    for (const d of orphans) await this.deps.files.remove(d.id);
    return { staging, orphans: orphans.length };
  }
}
