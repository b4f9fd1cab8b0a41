import { randomBytes } from 'node:crypto';
import { lstat, mkdir, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/errors';

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

/** The contract's folder rule (shared/contract-publish.ts): a name, never a path. */
const FOLDER_NAME = /^[\w.-]{1,100}$/;

function outsideExports(folder: string, why: string): AppError {
  return new AppError(
    'VALIDATION',
    `출고 대상의 HTML 묶음 폴더(${folder.slice(0, 100)})가 데이터 폴더의 exports 안이 아니어서 쓰거나 지우지 않았습니다 (${why}). 출고 대상 설정에서 폴더 이름을 다시 저장하세요.`,
  );
}

/**
 * Where a target's bundles go: <exportsDir>/<folder>, checked each time it is used, not only when the
 * target was saved. The stored value may come from a restored or hand-edited database, and the folder
 * on disk may have been replaced by a link: a `..`, a separator or a link leading elsewhere is refused,
 * so neither an export nor a takedown's removal can reach outside exports.
 */
export async function bundleRoot(exportsDir: string, folder: string): Promise<string> {
  if (!FOLDER_NAME.test(folder) || folder === '.' || folder === '..')
    throw outsideExports(folder, '폴더 이름에는 영문, 숫자, 점, 하이픈, 밑줄만 쓸 수 있습니다');
  await mkdir(exportsDir, { recursive: true, mode: 0o700 });
  const base = await realpath(exportsDir);
  const root = path.join(base, folder);
  const info = await lstat(root).catch((err: unknown) => {
    if (code(err) === 'ENOENT') return undefined;
    throw err;
  });
  if (info?.isSymbolicLink()) throw outsideExports(folder, '다른 곳을 가리키는 링크입니다');
  if (info && (await realpath(root)) !== root) throw outsideExports(folder, '다른 곳을 가리킵니다');
  return root;
}
