import { ArticleRepository, type Derived } from '../../electron/db/articles-repo';
import { DuplicatesRepository, signMissing } from '../../electron/db/duplicates/duplicates-repo';
import { DuplicateService } from '../../electron/services/duplicates';
import type { ArticleFields } from '../../shared/article';
import { countCharacters } from '../../shared/counting';
import { editorStateToText } from '../../shared/editor-text';
import { duplicateCases } from '../fixtures/near-duplicates';
import { createCorpus } from './archive-corpus';
import { percentile, report, type Figure } from './report';
import { benchEngine, openPgArchive, openSqliteArchive, type BenchArchive, type BenchEngine } from './search-archive';

/** The search bench's archive (same generator, same seed): BYLINE_BENCH_DB keeps and reuses it, as there. */
const STORIES = Number(process.env.BYLINE_BENCH_STORIES ?? 100_000);
const KEPT_DB = process.env.BYLINE_BENCH_DB;
const CORPUS_SEED = 20251226;
const BATCH = 1_000;
/** Near-duplicates checked (each of the kinds in turn), and as many unrelated stories on the same beats. */
const CASES = Number(process.env.BYLINE_BENCH_DUPLICATE_CASES) || 200;

function derive(fields: ArticleFields): Derived {
  const bodyText = editorStateToText(fields.body);
  return { bodyText, characters: countCharacters(bodyText).withSpaces };
}

let engine: BenchEngine = 'sqlite';
const say = (figure: Omit<Figure, 'bench' | 'engine'>) => report({ bench: 'duplicates', engine, ...figure });
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/**
 * The duplicate check (issue 23) against a generated archive of 100,000 stories, on SQLite or
 * (BYLINE_BENCH_ENGINE=postgres) the PostgreSQL peer: how long signing the archive takes at the first start
 * after migration 012, how long one check takes, and its precision and recall on generated near-duplicates
 * (tests/fixtures/near-duplicates.ts) filed by a colleague, beside as many unrelated stories on the same beats.
 */
export async function benchDuplicates(): Promise<void> {
  const chosen = benchEngine();
  const archive = typeof chosen === 'object' ? chosen : chosen === 'postgres' ? await openPgArchive(KEPT_DB) : await openSqliteArchive(KEPT_DB);
  if ('skipped' in archive) {
    console.warn(`duplicates bench skipped: ${archive.skipped}`);
    return;
  }
  engine = archive.engine;
  try {
    const repo = new ArticleRepository(archive.db);
    // The check reads no search index: what a kept search-bench archive has, or lacks, does not matter here.
    if (!archive.reuse) await build(archive, repo);
    await measure(archive, repo);
  } finally {
    await archive.close();
  }
}

async function build(archive: BenchArchive, repo: ArticleRepository): Promise<void> {
  const corpus = createCorpus(CORPUS_SEED);
  const started = performance.now();
  for (let i = 0; i < STORIES; i += BATCH) {
    const batch = [];
    for (let j = i; j < Math.min(STORIES, i + BATCH); j += 1) {
      const s = corpus.story(j);
      batch.push({ id: crypto.randomUUID(), fields: s.fields, derived: derive(s.fields), state: s.state, createdAt: s.createdAt });
    }
    await repo.insertMany(batch);
  }
  say({ metric: 'import_100k', value: seconds(started), unit: 's', note: 'stories saved with their search row and signature' });
}

async function measure(archive: BenchArchive, repo: ArticleRepository): Promise<void> {
  const { db } = archive;
  // What the first start after migration 012 does to an archive that has no signatures yet.
  await db.exec('DELETE FROM article_signature_bands; DELETE FROM article_signatures;');
  const backfill = performance.now();
  const signed = await signMissing(db);
  say({ metric: 'sign_archive', value: seconds(backfill), unit: 's', note: `${signed} stories signed at start (signMissing)` });
  say({ metric: 'stories', value: (await db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))!.n, unit: 'count' });

  // Originals spread over the archive; their variants and the unrelated stories are filed now, by a colleague.
  const { cases, unrelated } = duplicateCases(CORPUS_SEED, CASES, 0, Math.min(STORIES, CASES * 400));
  const originalIds = new Map<number, string>();
  const corpus = createCorpus(CORPUS_SEED);
  const step = Math.max(1, Math.floor(Math.min(STORIES, CASES * 400) / CASES));
  // The originals' ids, found by their rowid order: the archive was inserted in corpus order.
  for (let k = 0; k < cases.length; k += 1) {
    const row = await db.get<{ id: string }>('SELECT id FROM articles ORDER BY rowid LIMIT 1 OFFSET ?', [k * step]);
    if (row && corpus.story(k * step).fields.headline === cases[k]!.original.fields.headline) originalIds.set(k, row.id);
  }
  const filed = async (fields: ArticleFields) => {
    const id = crypto.randomUUID();
    await repo.insertMany([{ id, fields, derived: derive(fields), state: 'draft', createdAt: new Date().toISOString() }]);
    return id;
  };
  const variants = [];
  for (const c of cases) variants.push(await filed(c.variant));
  const others = [];
  for (const u of unrelated) others.push(await filed(u.fields));

  const service = new DuplicateService(new DuplicatesRepository(db));
  await service.check(variants[0]!);
  const samples: number[] = [];
  let truePositives = 0;
  let reported = 0;
  const timedCheck = async (id: string) => {
    const started = performance.now();
    const found = await service.check(id);
    samples.push(performance.now() - started);
    reported += found.matches.length;
    return found;
  };
  for (const [k, id] of variants.entries()) {
    const found = await timedCheck(id);
    if (found.matches.some((m) => m.articleId === originalIds.get(k))) truePositives += 1;
  }
  for (const id of others) await timedCheck(id);
  say({ metric: 'check_p50', value: percentile(samples, 50), unit: 'ms' });
  say({ metric: 'check_p95', value: percentile(samples, 95), unit: 'ms', target: 50 });
  say({ metric: 'precision', value: Math.round((truePositives / Math.max(1, reported)) * 1000) / 1000, unit: 'ratio', target: 0.95 });
  say({
    metric: 'recall',
    value: Math.round((truePositives / cases.length) * 1000) / 1000,
    unit: 'ratio',
    target: 0.9,
    note: `${cases.length} near-duplicates (same, light edits, reordered, new headline, written from), ${unrelated.length} unrelated on the same beats; ${originalIds.size} originals located`,
  });
}
