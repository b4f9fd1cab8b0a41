import type { ArticleFields } from '../../shared/article';
import { bigramText, runEndSyllables } from '../../shared/korean-tokens';
import type { Database, Executor } from './database';

/** Bump when the shaping of indexed text changes: the index is rebuilt at the next start. */
export const TOKENIZER_VERSION = 1;

export interface IndexedText {
  headline: string;
  deck: string;
  body: string;
  people: string;
  tags: string;
  source: string;
}

export function indexedTextOf(fields: ArticleFields, bodyText: string): IndexedText {
  return {
    headline: fields.headline,
    deck: fields.deck,
    body: bodyText,
    people: fields.bylines.map((b) => `${b.name} ${b.email}`).join(' '),
    tags: fields.tags.join(' '),
    source: fields.sourceAttribution,
  };
}

/** Replaces the index row of one article (call inside the transaction that writes the article). */
export async function writeSearchRow(tx: Executor, rowid: number, text: IndexedText): Promise<void> {
  await tx.run('DELETE FROM article_search WHERE rowid = ?', [rowid]);
  const all = [text.headline, text.deck, text.body, text.people, text.tags, text.source];
  await tx.run('INSERT INTO article_search (rowid, headline, deck, body, people, tags, source, singles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    rowid,
    ...all.map(bigramText),
    runEndSyllables(all.join('\n')),
  ]);
}

interface RebuildRow {
  rowid: number;
  headline: string;
  deck: string;
  body_text: string;
  bylines_json: string;
  tags_json: string;
  source_attribution: string;
}

/**
 * Rebuilds the whole index if it was built by another tokenizer version or never built (a database
 * from before migration 3). Runs at start, in batches, each batch its own transaction.
 */
export async function rebuildSearchIndexIfNeeded(db: Database, batchSize = 2_000): Promise<{ rebuilt: boolean; rows: number }> {
  const state = await db.get<{ tokenizer_version: number }>('SELECT tokenizer_version FROM search_index_state WHERE id = 1');
  if (state?.tokenizer_version === TOKENIZER_VERSION) return { rebuilt: false, rows: 0 };
  await db.exec("INSERT INTO article_search (article_search) VALUES ('delete-all')");
  let last = 0;
  let rows = 0;
  for (;;) {
    const batch = await db.all<RebuildRow>(
      'SELECT rowid, headline, deck, body_text, bylines_json, tags_json, source_attribution FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?',
      [last, batchSize],
    );
    if (batch.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of batch) {
        const bylines = JSON.parse(r.bylines_json) as Array<{ name: string; email: string }>;
        await writeSearchRow(tx, r.rowid, {
          headline: r.headline,
          deck: r.deck,
          body: r.body_text,
          people: bylines.map((b) => `${b.name} ${b.email}`).join(' '),
          tags: (JSON.parse(r.tags_json) as string[]).join(' '),
          source: r.source_attribution,
        });
      }
    });
    rows += batch.length;
    last = batch.at(-1)!.rowid;
  }
  await db.run('INSERT OR REPLACE INTO search_index_state (id, tokenizer_version, built_at) VALUES (1, ?, ?)', [TOKENIZER_VERSION, new Date().toISOString()]);
  return { rebuilt: true, rows };
}
