import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { placeRendition } from '../../electron/publish/bundle-rendition';
import { makeTempDir, removeTempDirs } from './support/temp';

afterEach(removeTempDirs);

/** A folder on another file system than the temp folder (tmpfs at /dev/shm on Linux), if this machine has one. */
function otherFileSystem(than: string): string | undefined {
  if (!existsSync('/dev/shm') || statSync('/dev/shm').dev === statSync(than).dev) return undefined;
  return mkdtempSync('/dev/shm/byline-rendition-');
}

function libraryFile(dir: string): string {
  const file = path.join(dir, '800.jpg');
  writeFileSync(file, Buffer.from('라이브러리 변환본 바이트'), { mode: 0o444 });
  return file;
}

describe('a bundle rendition', () => {
  it('on the library disk is a hard link: the same bytes, no second copy, and removing the library photo leaves it whole', async () => {
    const library = libraryFile(makeTempDir('byline-library-'));
    const dest = path.join(makeTempDir('byline-bundle-'), '800.jpg');
    expect(await placeRendition(library, dest)).toBe('linked');
    expect(statSync(dest).ino).toBe(statSync(library).ino);
    // Removing the library's photo leaves the bundle's file whole.
    const bytes = readFileSync(library);
    rmSync(library);
    expect(readFileSync(dest).equals(bytes)).toBe(true);
  });

  const other = otherFileSystem(makeTempDir('byline-probe-'));
  it.skipIf(other === undefined)('on another file system (no /dev/shm tmpfs here: skipped) is copied, byte for byte', async () => {
    try {
      const library = libraryFile(makeTempDir('byline-library-'));
      const dest = path.join(other!, '800.jpg');
      expect(await placeRendition(library, dest)).toBe('copied');
      expect(readFileSync(dest).equals(readFileSync(library))).toBe(true);
      expect(statSync(dest).ino === statSync(library).ino && statSync(dest).dev === statSync(library).dev).toBe(false);
    } finally {
      rmSync(other!, { recursive: true, force: true });
    }
  });

  it('that is missing in the library fails with ENOENT, so the export can name the photo, and writes nothing', async () => {
    const dir = makeTempDir('byline-bundle-');
    await expect(placeRendition(path.join(dir, 'gone.jpg'), path.join(dir, 'out.jpg'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(path.join(dir, 'out.jpg'))).toBe(false);
  });
});
