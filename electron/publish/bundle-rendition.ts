import { constants } from 'node:fs';
import { copyFile, link } from 'node:fs/promises';

/*
 * A bundle's photo files are hard links to the library's renditions where the disk allows. The
 * library never changes a file once written: a photo's folder is named for the original's SHA-256
 * and filled whole in a staging folder (media/file-store.ts), and its renditions are created
 * read-only. So a link is as good as a copy for the bundle, costs no disk space (exporting an archive
 * of 100,000 stories with photos would otherwise duplicate the library per target) and is made about
 * six times faster than a copy. Removing the library's photo leaves the bundle's file whole, and a
 * tool that replaces a file (writes a new one and renames it, as editors and rsync do) only unlinks
 * the bundle's name. What a link cannot survive is writing into the file in place, which the
 * read-only mode refuses to anyone but an administrator.
 */

/** Errors of a disk or a place where a link cannot be made: another file system, FAT, a filesystem without links, too many links. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EACCES']);

/** Puts the library rendition `source` at `dest` in a bundle: a hard link, else a copy (copy-on-write where the disk can). */
export async function placeRendition(source: string, dest: string): Promise<'linked' | 'copied'> {
  try {
    await link(source, dest);
    return 'linked';
  } catch (err) {
    if (!NO_LINK.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
  }
  await copyFile(source, dest, constants.COPYFILE_FICLONE);
  return 'copied';
}
