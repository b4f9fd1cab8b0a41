import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Real small and read-only file systems for disk-fault tests: a size-limited tmpfs, remounted read-only
 * when needed. These tests run as root (here and in CI), and root passes every permission check, so a
 * chmod'ed folder would prove nothing: a read-only mount refuses even root (EROFS).
 */

/** Whether this process may mount (root with CAP_SYS_ADMIN, outside a locked-down container). */
export function canMount(): boolean {
  const probe = mkdtempSync(path.join(os.tmpdir(), 'byline-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

export interface SmallDisk {
  /** The mount point; put the data folder inside it. */
  dir: string;
  readOnly(): void;
  readWrite(): void;
  /** Writes a filler file until the disk answers ENOSPC; returns the bytes written. */
  fill(): number;
  /** Deletes the filler. */
  free(): void;
  remove(): void;
}

export function mountSmallDisk(sizeBytes: number): SmallDisk {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0755`, 'tmpfs', dir]);
  const filler = path.join(dir, 'filler.bin');
  const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, dir]);
  return {
    dir,
    readOnly: () => remount('ro'),
    readWrite: () => remount('rw'),
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(16 * 1024, 0x5a);
      let written = 0;
      try {
        for (;;) written += writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        closeSync(fd);
      }
      // tmpfs hands out whole pages; the last partial chunk may still fit a few bytes at a time.
      const tail = openSync(filler, 'a');
      try {
        for (;;) written += writeSync(tail, Buffer.alloc(512, 0x5a));
      } catch {
        /* full to the last page */
      } finally {
        closeSync(tail);
      }
      return written;
    },
    free: () => unlinkSync(filler),
    remove() {
      try {
        execFileSync('umount', [dir], { stdio: 'ignore' });
      } catch {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A folder inside the small disk, made before anything else is written there. */
export function dataDirOn(disk: SmallDisk): string {
  const dir = path.join(disk.dir, 'data');
  mkdirSync(dir, { recursive: true });
  return dir;
}
