import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/*
 * A folder written whole or not at all: filled under a staging name beside its final place, then
 * renamed into place. Readers (and a person opening the exports folder) see the previous folder or
 * the new one, never half of either.
 */

const code = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** What rename answers when the destination is taken: a non-empty folder on POSIX, any folder on Windows, or a file. */
const TAKEN = new Set(['EEXIST', 'ENOTEMPTY', 'EPERM', 'EACCES', 'ENOTDIR', 'EISDIR']);

const sibling = (root: string, kind: string, name: string) => path.join(root, `.${kind}-${name}-${randomBytes(6).toString('hex')}`);

/** Creates the staging folder; the root is made only when it is missing, which saves a call per bundle. */
async function makeStaging(root: string, name: string): Promise<string> {
  const staging = sibling(root, 'staging', name);
  try {
    await mkdir(staging);
  } catch (err) {
    if (code(err) !== 'ENOENT') throw err;
    await mkdir(root, { recursive: true });
    await mkdir(staging);
  }
  return staging;
}

/**
 * Moves `staging` to `final`. A first export is one rename; an earlier folder is first renamed aside
 * and removed only once the new one is in place, so the story is never without a bundle for longer
 * than between two renames, and a failed swap puts the earlier folder back.
 */
async function swapIn(root: string, name: string, staging: string, final: string): Promise<void> {
  try {
    await rename(staging, final);
    return;
  } catch (err) {
    if (!TAKEN.has(code(err) ?? '')) throw err;
  }
  const old = sibling(root, 'replaced', name);
  let movedAside = true;
  await rename(final, old).catch((err: unknown) => {
    // Removed meanwhile: nothing to keep.
    if (code(err) !== 'ENOENT') throw err;
    movedAside = false;
  });
  try {
    await rename(staging, final);
  } catch (err) {
    if (movedAside) await rename(old, final).catch(() => undefined);
    throw err;
  }
  if (movedAside) await rm(old, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Writes `<root>/<name>/` with `fill`, which is given the staging folder to write into. Whatever
 * `fill` throws, the staging folder is removed and an earlier folder of the same name is left as it was.
 */
export async function replaceFolder(root: string, name: string, fill: (staging: string) => Promise<void>): Promise<string> {
  const final = path.join(root, name);
  const staging = await makeStaging(root, name);
  try {
    await fill(staging);
    await swapIn(root, name, staging, final);
  } catch (err) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
  return final;
}
