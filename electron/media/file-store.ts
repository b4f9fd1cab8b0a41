import { randomBytes } from 'node:crypto';
import { access, chmod, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { MediaId, type ImageFormat, type RenditionFormat, type RenditionWidth } from '../../shared/media';
import { storageFailure } from '../db/storage-error';
import { OWNER_DIR } from '../db/owner-only';
import { realInside } from './inside-root';

export interface StoredFile {
  name: string;
  data: Uint8Array;
}

const STAGING = '.staging';

const EXTENSION: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' };

export function originalName(format: ImageFormat): string {
  return `original.${EXTENSION[format]}`;
}

export function renditionName(width: RenditionWidth, format: RenditionFormat): string {
  return `${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`;
}

/** Read-only once written: a photo's files never change, and exported bundles link to them (publish/bundle-rendition.ts). */
const READ_ONLY = 0o444;
/** An original may carry GPS and is never linked into a bundle or served: its owner alone reads it. */
const ORIGINAL_MODE = 0o400;

async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  const mode = path.basename(file).startsWith('original.') ? ORIGINAL_MODE : READ_ONLY;
  const handle = await open(file, 'wx', mode);
  try {
    // The umask may have narrowed the mode given to open; what a file may be is decided here.
    await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Photo files under <data>/media/<sha256>/: the original as imported and its renditions. A photo's
 * folder appears whole or not at all: its files are written and synced in a staging folder that is then
 * renamed into place, so a crash, a full disk or a refused file never leaves half a photo behind.
 * Same bytes, same name: storing a photo twice finds the first copy.
 */
export class MediaFileStore {
  constructor(readonly root: string) {}

  /** The folder of a photo; the id is checked, so no caller can make this a path outside the store. */
  dirOf(id: string): string {
    if (!MediaId.safeParse(id).success) throw new Error(`not a media id: ${id.slice(0, 80)}`);
    return path.join(this.root, id);
  }

  fileOf(id: string, name: string): string {
    return path.join(this.dirOf(id), name);
  }

  /** True when every named file of the photo is there, inside the store. */
  async has(id: string, names: readonly string[]): Promise<boolean> {
    try {
      const found = await Promise.all(names.map(async (n) => (await realInside(this.root, this.fileOf(id, n))) !== undefined));
      return found.every(Boolean);
    } catch {
      return false;
    }
  }

  /** A photo's file; refused when its folder or file leads out of the store (a link put there by hand). */
  async read(id: string, name: string): Promise<Buffer> {
    const file = this.fileOf(id, name);
    const real = await realInside(this.root, file);
    if (!real) {
      await access(file);
      throw new AppError('FORBIDDEN', `사진 ${id.slice(0, 12)}…의 파일이 데이터 폴더의 사진 보관함 밖을 가리켜 읽지 않았습니다.`);
    }
    return readFile(real);
  }

  /**
   * Puts a photo's files in place at once. 'existing' when the photo's folder was already there (the
   * same file imported twice at the same moment, or by the other Byline on this data folder): the
   * files written now are dropped and the ones there are kept, being the same bytes.
   */
  async commit(id: string, files: readonly StoredFile[]): Promise<'stored' | 'existing'> {
    const target = this.dirOf(id);
    const staging = path.join(this.root, STAGING, `${id}-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(staging, { recursive: true, mode: OWNER_DIR });
      await chmod(staging, OWNER_DIR);
      await Promise.all(files.map((f) => writeDurably(path.join(staging, f.name), f.data)));
      await syncDir(staging);
      try {
        await rename(staging, target);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM') {
          if (
            await this.has(
              id,
              files.map((f) => f.name),
            )
          )
            return 'existing';
          // A folder left incomplete by hand (or a crash on another file system) is replaced.
          await rm(target, { recursive: true, force: true });
          await rename(staging, target);
        } else throw err;
      }
      await syncDir(this.root);
      return 'stored';
    } catch (err) {
      throw storageFailure(err) ?? err;
    } finally {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** Removes a photo's folder (a photo whose database row could not be written). */
  async remove(id: string): Promise<void> {
    await rm(this.dirOf(id), { recursive: true, force: true });
  }

  /** Photo folders present on disk, each with its age, for the start-up sweep. */
  async list(): Promise<Array<{ id: string; modifiedMs: number }>> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    const out: Array<{ id: string; modifiedMs: number }> = [];
    for (const name of names) {
      if (!MediaId.safeParse(name).success) continue;
      const info = await stat(path.join(this.root, name)).catch(() => undefined);
      if (info?.isDirectory()) out.push({ id: name, modifiedMs: info.mtimeMs });
    }
    return out;
  }

  /**
   * Deletes staging folders older than `olderThanMs` (left by a crash mid-import). Younger ones may be
   * an import under way in the other Byline process on this data folder, and are left alone.
   */
  async sweepStaging(olderThanMs: number, now = Date.now()): Promise<number> {
    const dir = path.join(this.root, STAGING);
    let removed = 0;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const info = await stat(path.join(dir, name)).catch(() => undefined);
      if (info && now - info.mtimeMs > olderThanMs) {
        await rm(path.join(dir, name), { recursive: true, force: true });
        removed += 1;
      }
    }
    return removed;
  }
}
