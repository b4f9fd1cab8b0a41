import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { MediaId } from '../../shared/media';
import { OWNER_DIR } from '../db/owner-only';

/**
 * Photos in backups. A photo's files never change once stored (its folder is named by the SHA-256 of
 * the original), so every backup can share one pool of photo folders beside the database copies: a
 * backup adds the folders the pool lacks, and a restore puts back any folder the restored stories need
 * that the library has lost. Files are copied (a reflink where the file system offers one), never hard-
 * linked, so damage to a library file cannot reach its backup.
 */
export class MediaBackupPool {
  constructor(
    private readonly mediaDir: string,
    private readonly poolDir: string,
  ) {}

  /** Copies into the pool every photo folder it does not hold yet; returns how many were added. */
  async save(): Promise<number> {
    await mkdir(this.poolDir, { recursive: true, mode: OWNER_DIR });
    await chmod(this.poolDir, OWNER_DIR);
    const have = new Set(await photoFolders(this.poolDir));
    let added = 0;
    for (const id of await photoFolders(this.mediaDir)) {
      if (have.has(id)) continue;
      await copyFolder(path.join(this.mediaDir, id), this.poolDir, id);
      added += 1;
    }
    return added;
  }

  /** Puts back, from the pool, the photo folders among `ids` that the library lacks; returns how many. */
  async restore(ids: readonly string[]): Promise<number> {
    const present = new Set(await photoFolders(this.mediaDir));
    const pooled = new Set(await photoFolders(this.poolDir));
    let restored = 0;
    for (const id of ids) {
      if (present.has(id) || !pooled.has(id)) continue;
      await copyFolder(path.join(this.poolDir, id), this.mediaDir, id);
      restored += 1;
    }
    return restored;
  }
}

async function photoFolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && MediaId.safeParse(e.name).success).map((e) => e.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Copies a folder under a temporary name and renames it whole, so a full disk leaves no half folder. */
async function copyFolder(source: string, targetRoot: string, id: string): Promise<void> {
  const partial = path.join(targetRoot, `.${id}.partial`);
  await rm(partial, { recursive: true, force: true });
  try {
    // The pool holds every photo of every backup, originals with their GPS among them: the owner's only.
    await mkdir(partial, { recursive: true, mode: OWNER_DIR });
    await chmod(partial, OWNER_DIR);
    for (const entry of await readdir(source, { withFileTypes: true })) {
      if (entry.isFile()) await copyFile(path.join(source, entry.name), path.join(partial, entry.name), constants.COPYFILE_FICLONE);
    }
    await rename(partial, path.join(targetRoot, id));
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}
