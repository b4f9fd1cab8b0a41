import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type sqlite3 from 'sqlite3';

/*
 * The story search's ranking function (native/byline-rank.c, built by scripts/build-rank-extension.mjs
 * after npm install) loaded into each SQLite connection. Where it is missing (no C compiler when
 * installing, a platform it was not built for), search ranks with FTS5's bm25(): the same order for a
 * word, slower on words in most of the archive. Nothing else depends on it.
 */

export const RANK_EXTENSION_FILE = process.platform === 'win32' ? 'byline-rank.dll' : process.platform === 'darwin' ? 'byline-rank.dylib' : 'byline-rank.so';

/** Set by the hosts: the Electron glue (a resource when packaged), the web command (the project's build folder). */
let configured: string | undefined;

export function useRankExtension(file: string): void {
  configured = file;
}

/**
 * build/native in the app's own root (the nearest folder holding package.json above this file under
 * electron/db/search/, or above the main bundle under .vite/build/), never under the working directory:
 * a folder the app is started from must not be able to plant native code it then loads. Undefined where
 * the bundle has no module address.
 */
function besideTheApp(): string | undefined {
  try {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    while (!existsSync(path.join(dir, 'package.json'))) {
      const up = path.dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
    return path.join(dir, 'build', 'native', RANK_EXTENSION_FILE);
  } catch {
    return undefined;
  }
}

function candidate(): string | undefined {
  // A relative path would be read against the working directory: only absolute ones count.
  const places = [process.env.BYLINE_RANK_EXTENSION, configured, besideTheApp()];
  return places.find((p): p is string => p !== undefined && path.isAbsolute(p) && existsSync(p));
}

let warned = false;
let warnedRelative = false;

/** Loads the ranking function into `raw`; false (said once on the console) when it cannot be. */
export async function loadRankExtension(raw: sqlite3.Database): Promise<boolean> {
  const file = candidate();
  const failed = (why: string) => {
    if (!warned) console.warn(`byline: 검색 순위 확장을 쓰지 않습니다 (${why}). 검색은 FTS5 bm25로 순위를 매깁니다.`);
    warned = true;
    return false;
  };
  const env = process.env.BYLINE_RANK_EXTENSION;
  if (env && !path.isAbsolute(env) && !warnedRelative) {
    console.warn(`byline: BYLINE_RANK_EXTENSION은 절대 경로여야 해서 무시합니다: ${env}`);
    warnedRelative = true;
  }
  if (!file) return failed('build/native에 없습니다. npm install을 다시 실행하세요');
  return new Promise((resolve) => {
    raw.loadExtension(file, (err: Error | null) => resolve(err ? failed(`${file}: ${err.message}`) : true));
  });
}
