// Builds native/byline-rank.c (the story search's ranking function, see that file) into
// build/native/, against the SQLite that the sqlite3 package bundles: its headers come from the same
// source tarball the package compiles, so the extension always matches the library that loads it.
// Runs after `npm install`. Without a C compiler it says so and stops: search then ranks with FTS5's
// bm25(), the same order, only slower on common words.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build', 'native');
const file = process.platform === 'win32' ? 'byline-rank.dll' : process.platform === 'darwin' ? 'byline-rank.dylib' : 'byline-rank.so';

function skip(why) {
  console.warn(`byline: 검색 순위 확장을 빌드하지 않았습니다 (${why}). 검색은 FTS5 bm25로 순위를 매깁니다.`);
  process.exit(0);
}

const deps = path.join(root, 'node_modules', 'sqlite3', 'deps');
const tarball = existsSync(deps) ? readdirSync(deps).find((n) => /^sqlite-autoconf-\d+\.tar\.gz$/.test(n)) : undefined;
if (!tarball) skip('sqlite3 패키지의 SQLite 소스가 없습니다');
const compiler = process.env.CC ?? 'cc';
try {
  execFileSync(compiler, ['--version'], { stdio: 'ignore' });
} catch {
  skip(`C 컴파일러 ${compiler}가 없습니다`);
}

const src = path.join(out, 'sqlite-src');
rmSync(src, { recursive: true, force: true });
mkdirSync(src, { recursive: true });
const dir = tarball.replace(/\.tar\.gz$/, '');
execFileSync('tar', [
  '-xzf',
  path.join(deps, tarball),
  '-C',
  src,
  '--strip-components=1',
  ...['sqlite3.c', 'sqlite3.h', 'sqlite3ext.h'].map((n) => `${dir}/${n}`),
]);
// FTS5's extension API is declared inside the amalgamation only; cut its header out of it.
const amalgamation = readFileSync(path.join(src, 'sqlite3.c'), 'utf8');
const begin = amalgamation.indexOf('/******** Begin file fts5.h *********/');
const end = amalgamation.indexOf('/******** End of fts5.h *********/');
if (begin < 0 || end < begin) skip('SQLite 소스에서 fts5.h를 찾지 못했습니다');
writeFileSync(path.join(src, 'fts5.h'), amalgamation.slice(begin, end));
rmSync(path.join(src, 'sqlite3.c'));

const shared = process.platform === 'darwin' ? ['-dynamiclib'] : ['-shared', '-fPIC'];
try {
  execFileSync(compiler, ['-O2', '-Wall', ...shared, '-I', src, path.join(root, 'native', 'byline-rank.c'), '-o', path.join(out, file), '-lm'], {
    stdio: 'inherit',
  });
} catch (err) {
  skip(`컴파일 실패: ${err.message}`);
} finally {
  rmSync(src, { recursive: true, force: true });
}
console.log(`byline: 검색 순위 확장 ${path.relative(root, path.join(out, file))}`);
