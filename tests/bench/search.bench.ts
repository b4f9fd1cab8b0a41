import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArticleRepository, type Derived } from '../../electron/db/articles-repo';
import { openDatabase, type Database } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { rebuildSearchIndexIfNeeded } from '../../electron/db/search/article-index';
import { SearchRepository } from '../../electron/db/search/search-repo';
import { SearchService } from '../../electron/services/search';
import type { ArticleFields } from '../../shared/article';
import { countCharacters } from '../../shared/counting';
import { editorStateToText } from '../../shared/editor-text';
import { SearchQuery } from '../../shared/search';
import { createCorpus } from './archive-corpus';
import { percentile, report } from './report';

const STORIES = Number(process.env.BYLINE_BENCH_STORIES ?? 100_000);
/** A database file to keep (built on the first run, reused after): search work can then be measured in seconds. */
const KEPT_DB = process.env.BYLINE_BENCH_DB;
const BATCH = 1_000;
const RUNS = 60;
const SCAN_RUNS = 8;
/** Comma-separated search kinds to measure (two_syllable, filtered, …), for trying one change quickly; all by default. */
const ONLY = process.env.BYLINE_BENCH_SEARCH_CASES?.split(',').filter(Boolean);

function derive(fields: ArticleFields): Derived {
  const bodyText = editorStateToText(fields.body);
  return { bodyText, characters: countCharacters(bodyText).withSpaces };
}

async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  await work(0);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function fileBytes(db: Database): Promise<number> {
  await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return statSync(db.file).size;
}

/** The same search done the old way: a LIKE scan over every story's text, newest first. */
function likeScan(db: Database, word: string, section?: string) {
  const pattern = `%${word}%`;
  const where = `archived_at IS NULL AND (headline LIKE ? OR deck LIKE ? OR body_text LIKE ?)${section ? ' AND section = ?' : ''}`;
  const params = section ? [pattern, pattern, pattern, section] : [pattern, pattern, pattern];
  return Promise.all([
    db.all(`SELECT id, headline FROM articles WHERE ${where} ORDER BY updated_at DESC LIMIT 20`, params),
    db.get(`SELECT count(*) AS n FROM articles WHERE ${where}`, params),
  ]);
}

/** Korean full-text search and queue paging over a generated archive of 100,000 stories. */
export async function benchSearch(): Promise<void> {
  const dir = KEPT_DB ? undefined : mkdtempSync(path.join(os.tmpdir(), 'byline-bench-search-'));
  const file = KEPT_DB ?? path.join(dir!, 'archive.sqlite3');
  const reuse = KEPT_DB !== undefined && existsSync(KEPT_DB);
  const db = await openDatabase(file);
  try {
    await migrate(db);
    const repo = new ArticleRepository(db);
    const corpus = createCorpus(20251226);
    if (!reuse) await build(db, repo, corpus);
    await rebuildSearchIndexIfNeeded(db);
    const stories = (await db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))!.n;
    report({ bench: 'search', metric: 'stories', value: stories, unit: 'count' });
    await measure(db, repo, corpus);
  } finally {
    await db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function build(db: Database, repo: ArticleRepository, corpus: ReturnType<typeof createCorpus>): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < STORIES; i += BATCH) {
    const batch = [];
    for (let j = i; j < Math.min(STORIES, i + BATCH); j += 1) {
      const s = corpus.story(j);
      batch.push({ id: crypto.randomUUID(), fields: s.fields, derived: derive(s.fields), state: s.state, createdAt: s.createdAt });
    }
    await repo.insertMany(batch);
  }
  report({ bench: 'search', metric: 'import_100k', value: Math.round((performance.now() - started) / 100) / 10, unit: 's' });
  await db.exec("INSERT INTO article_search (article_search) VALUES ('delete-all'); DELETE FROM search_index_state;");
  const rebuildStart = performance.now();
  await rebuildSearchIndexIfNeeded(db);
  report({ bench: 'search', metric: 'index_build', value: Math.round((performance.now() - rebuildStart) / 100) / 10, unit: 's' });
  await db.exec("INSERT INTO article_search (article_search) VALUES ('optimize')");
  report({ bench: 'search', metric: 'db_size', value: Math.round((await fileBytes(db)) / 1024 / 1024), unit: 'MB' });
}

async function measure(db: Database, repo: ArticleRepository, corpus: ReturnType<typeof createCorpus>): Promise<void> {
  const service = new SearchService(new SearchRepository(db));
  const v = corpus.vocabulary;
  const search = (text: string, extra: object = {}) => service.search(SearchQuery.parse({ text, limit: 20, ...extra }));
  const cases: Array<[string, (i: number) => Promise<unknown>, (i: number) => Promise<unknown>]> = [
    ['two_syllable', (i) => search(v.twoSyllable[i % v.twoSyllable.length]!), (i) => likeScan(db, v.twoSyllable[i % v.twoSyllable.length]!)],
    ['four_syllable', (i) => search(v.fourSyllable[i % v.fourSyllable.length]!), (i) => likeScan(db, v.fourSyllable[i % v.fourSyllable.length]!)],
    ['phrase', (i) => search(`"${v.phrases[i % v.phrases.length]!}"`), (i) => likeScan(db, v.phrases[i % v.phrases.length]!)],
    ['common_word', (i) => search(v.common[i % v.common.length]!), (i) => likeScan(db, v.common[i % v.common.length]!)],
    [
      'filtered',
      (i) => search(v.twoSyllable[i % v.twoSyllable.length]!, { section: 'IT/과학' }),
      (i) => likeScan(db, v.twoSyllable[i % v.twoSyllable.length]!, 'IT/과학'),
    ],
  ];
  for (const [name, fts, scan] of cases) {
    if (ONLY && !ONLY.includes(name)) continue;
    const ftsSamples = await timed(RUNS, fts);
    const scanSamples = await timed(SCAN_RUNS, scan);
    const p95 = percentile(ftsSamples, 95);
    const scanP95 = percentile(scanSamples, 95);
    report({ bench: 'search', metric: `${name}_p50`, value: percentile(ftsSamples, 50), unit: 'ms', baseline: percentile(scanSamples, 50) });
    report({ bench: 'search', metric: `${name}_p95`, value: p95, unit: 'ms', target: 20, baseline: scanP95 });
    report({ bench: 'search', metric: `${name}_speedup_vs_scan`, value: Math.round(scanP95 / p95), unit: 'x', target: 50 });
  }

  const pageSamples = await timed(RUNS, (i) => repo.list({ includeArchived: false, limit: 100, offset: (i % 10) * 100 }));
  report({ bench: 'search', metric: 'queue_page_p95', value: percentile(pageSamples, 95), unit: 'ms', target: 10 });
}
