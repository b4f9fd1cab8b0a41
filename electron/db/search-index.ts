import { bigramText, runEndSyllables } from '../../shared/korean-tokens';
import type { Database, Executor } from './database';

/** Bump when the shaping of indexed text changes: the index is rebuilt at the next start. */
export const TOKENIZER_VERSION = 2;

interface IndexedRow {
  headline: string;
  deck: string;
  section: string;
  state: string;
  archived_at: string | null;
  bylines_json: string;
  tags_json: string;
  source_attribution: string;
  body_text: string;
}

/**
 * Filter values as single ASCII tokens (hex of the UTF-8 value), so that section, state, archive,
 * tag and author filters are index lookups intersected with the words, not a join per match.
 */
export function facetToken(kind: 'sec' | 'st' | 'arch' | 'tag' | 'au', value: string): string {
  return `f${kind}x${Buffer.from(value, 'utf8').toString('hex')}`;
}

function facets(r: IndexedRow): string {
  const bylines = JSON.parse(r.bylines_json) as Array<{ name: string }>;
  const tags = JSON.parse(r.tags_json) as string[];
  return [
    facetToken('sec', r.section),
    facetToken('st', r.state),
    facetToken('arch', r.archived_at ? '1' : '0'),
    ...tags.map((t) => facetToken('tag', t)),
    ...bylines.map((b) => facetToken('au', b.name)),
  ].join(' ');
}

/**
 * Rewrites the index row of one article from what is stored (call inside the transaction that
 * wrote it, after the write). Reads only the row it indexes.
 */
export async function reindexArticle(tx: Executor, rowid: number): Promise<void> {
  await tx.run('DELETE FROM article_search WHERE rowid = ?', [rowid]);
  const r = await tx.get<IndexedRow>(
    'SELECT headline, deck, section, state, archived_at, bylines_json, tags_json, source_attribution, body_text FROM articles WHERE rowid = ?',
    [rowid],
  );
  if (!r) return;
  const people = (JSON.parse(r.bylines_json) as Array<{ name: string; email: string }>).map((b) => `${b.name} ${b.email}`).join(' ');
  const tags = (JSON.parse(r.tags_json) as string[]).join(' ');
  const all = [r.headline, r.deck, r.body_text, people, tags, r.source_attribution];
  await tx.run('INSERT INTO article_search (rowid, headline, deck, body, people, tags, source, singles, facets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    rowid,
    ...all.map(bigramText),
    runEndSyllables(all.join('\n')),
    facets(r),
  ]);
}

/**
 * Rebuilds the whole index if it was built by another tokenizer version or never built. Runs at
 * start, in batches, each batch its own transaction.
 */
export async function rebuildSearchIndexIfNeeded(db: Database, batchSize = 2_000): Promise<{ rebuilt: boolean; rows: number }> {
  const state = await db.get<{ tokenizer_version: number }>('SELECT tokenizer_version FROM search_index_state WHERE id = 1');
  if (state?.tokenizer_version === TOKENIZER_VERSION) return { rebuilt: false, rows: 0 };
  await db.exec("INSERT INTO article_search (article_search) VALUES ('delete-all')");
  let last = 0;
  let rows = 0;
  for (;;) {
    const batch = await db.all<{ rowid: number }>('SELECT rowid FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?', [last, batchSize]);
    if (batch.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of batch) await reindexArticle(tx, r.rowid);
    });
    rows += batch.length;
    last = batch.at(-1)!.rowid;
  }
  await db.run('INSERT OR REPLACE INTO search_index_state (id, tokenizer_version, built_at) VALUES (1, ?, ?)', [TOKENIZER_VERSION, new Date().toISOString()]);
  return { rebuilt: true, rows };
}
