import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { RANK_EXTENSION_FILE } from '../../electron/db/search/rank-extension';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * The ranking extension is native code loaded into every database connection. It is looked for where
 * the app itself lives, never under the working directory: a folder the app happens to be started
 * from (a download folder, a shared drive) must not be able to plant a library the app then loads.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const TSX = path.join(root, 'node_modules', '.bin', 'tsx');
const PROBE = path.join(here, 'support', 'rank-probe.ts');
const BUILT = path.join(root, 'build', 'native', RANK_EXTENSION_FILE);

/** A folder holding build/native/<the extension's file name>, which is not a library at all. */
function plantedFolder(): string {
  const cwd = makeTempDir('byline-rank-cwd-');
  mkdirSync(path.join(cwd, 'build', 'native'), { recursive: true });
  writeFileSync(path.join(cwd, 'build', 'native', RANK_EXTENSION_FILE), 'planted: not a shared library');
  return cwd;
}

async function probe(cwd: string, configured: string | undefined, env: Record<string, string> = {}): Promise<{ loaded: boolean; stderr: string }> {
  const { BYLINE_RANK_EXTENSION: _unset, ...base } = process.env;
  const { stdout, stderr } = await promisify(execFile)(TSX, [PROBE, ...(configured ? [configured] : [])], { cwd, env: { ...base, ...env }, timeout: 60_000 });
  return { ...(JSON.parse(stdout.trim().split('\n').at(-1)!) as { loaded: boolean }), stderr };
}

afterEach(() => removeTempDirs());

describe('the ranking extension is found from the app, never from the working directory', { timeout: 90_000 }, () => {
  it('with the configured file missing, a same-named file under the working directory is never loaded', async () => {
    const cwd = plantedFolder();
    const got = await probe(cwd, path.join(makeTempDir('byline-rank-gone-'), 'gone', RANK_EXTENSION_FILE));
    expect(got.stderr).not.toContain(cwd);
    // The app's own build is used instead, where npm install could build it.
    expect(got.loaded).toBe(existsSync(BUILT));
  });

  it('a relative BYLINE_RANK_EXTENSION is not read against the working directory', async () => {
    const cwd = plantedFolder();
    const got = await probe(cwd, undefined, { BYLINE_RANK_EXTENSION: path.join('build', 'native', RANK_EXTENSION_FILE) });
    expect(got.stderr).not.toContain(cwd);
    expect(got.stderr).not.toContain('planted');
    expect(got.loaded).toBe(existsSync(BUILT));
    // Said, not silently ignored: whoever set it learns why their file is not the one used.
    expect(got.stderr).toContain('BYLINE_RANK_EXTENSION은 절대 경로여야 해서 무시합니다');
  });
});
