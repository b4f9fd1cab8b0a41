import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';

/*
 * The data folder holds every story, the sealed CMS passwords' key and photos that may carry GPS: only
 * its owner may read it. The modes given to mkdir and open are cut by the process umask (and Conf,
 * SQLite and VACUUM INTO pick their own), so each place that creates something here also sets its
 * mode explicitly, and folders made by an older Byline are narrowed at start.
 */

export const OWNER_DIR = 0o700;
export const OWNER_FILE = 0o600;

const code = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** Creates `dir` (and missing parents) and makes it the owner's only, whatever it was before. */
export function ownerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_DIR });
  chmodSync(dir, OWNER_DIR);
}

/** Sets an existing file to 0600; a file that is not there is left not there. */
export function ownerOnlyFile(file: string): void {
  try {
    chmodSync(file, OWNER_FILE);
  } catch (err) {
    if (code(err) !== 'ENOENT') throw err;
  }
}

/**
 * Creates `file` empty at 0600 when it is missing, before anyone else (SQLite's 0644) can create it,
 * and sets 0600 on one that exists. SQLite gives its -wal and -shm files the database file's mode.
 */
export function createOwnerOnlyFile(file: string): void {
  closeSync(openSync(file, 'a', OWNER_FILE));
  chmodSync(file, OWNER_FILE);
}

/**
 * Replaces `file` whole, readable by its owner only: a temporary file beside it, fsync, rename. A crash
 * leaves the old file or the new one, never half of either (the host's small settings files).
 */
export function writeOwnerOnlyFileSync(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', OWNER_FILE);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
