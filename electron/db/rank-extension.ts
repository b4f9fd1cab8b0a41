import { existsSync } from 'node:fs';
import path from 'node:path';
import type sqlite3 from 'sqlite3';

/*
 * The story search's ranking function (native/byline-rank.c, built by scripts/build-rank-extension.mjs
 * after npm install) loaded into each SQLite connection. Where it is missing (no C compiler when
 * installing, a platform it was not built for), search ranks with FTS5's bm25(): the same order for a
 * word, slower on words in most of the archive. Nothing else depends on it.
 */

export const RANK_EXTENSION_FILE = process.platform === 'win32' ? 'byline-rank.dll' : process.platform === 'darwin' ? 'byline-rank.dylib' : 'byline-rank.so';

/** Set by the Electron glue for a packaged app (the file travels as a resource); the project's build folder otherwise. */
let configured: string | undefined;

export function useRankExtension(file: string): void {
  configured = file;
}

function candidate(): string | undefined {
  const places = [process.env.BYLINE_RANK_EXTENSION, configured, path.resolve('build', 'native', RANK_EXTENSION_FILE)];
  return places.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
}

let warned = false;

/** Loads the ranking function into `raw`; false (said once on the console) when it cannot be. */
export async function loadRankExtension(raw: sqlite3.Database): Promise<boolean> {
  const file = candidate();
  const failed = (why: string) => {
    if (!warned) console.warn(`byline: 검색 순위 확장을 쓰지 않습니다 (${why}). 검색은 FTS5 bm25로 순위를 매깁니다.`);
    warned = true;
    return false;
  };
  if (!file) return failed('build/native에 없습니다. npm install을 다시 실행하세요');
  return new Promise((resolve) => {
    raw.loadExtension(file, (err: Error | null) => resolve(err ? failed(`${file}: ${err.message}`) : true));
  });
}
