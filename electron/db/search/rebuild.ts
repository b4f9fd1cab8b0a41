import type { Database, Executor } from '../database';

/**
 * Bump when the shaping of indexed text (shared/korean-tokens.ts) or the facet tokens change: every
 * index built from it (stories, photos) is rebuilt at the next start, since old rows would no longer
 * match queries shaped the new way. 3: the owner facet (내 기사).
 */
export const TOKENIZER_VERSION = 3;

export interface RebuildTarget {
  /** The contentless FTS5 table. */
  index: string;
  /** The table whose rows it indexes, walked by rowid. */
  source: string;
  /** A single-row table (id = 1) saying which tokenizer version built the index. */
  state: string;
  /** Rewrites one row's index entry from what is stored. */
  reindex: (tx: Executor, rowid: number) => Promise<void>;
}

/**
 * Rebuilds an index if it was built by another tokenizer version or never built, in batches, each
 * batch its own transaction (a save may run between them and index its own row). The version is
 * recorded only when every row is done, so an interrupted rebuild starts over at the next start.
 */
export async function rebuildIfStale(db: Database, target: RebuildTarget, batchSize: number): Promise<{ rebuilt: boolean; rows: number }> {
  const state = await db.get<{ tokenizer_version: number }>(`SELECT tokenizer_version FROM ${target.state} WHERE id = 1`);
  if (state?.tokenizer_version === TOKENIZER_VERSION) return { rebuilt: false, rows: 0 };
  // A contentless FTS5 table is emptied by its 'delete-all' command; PostgreSQL's index is a plain table.
  await db.exec(db.engine === 'postgres' ? `DELETE FROM ${target.index}` : `INSERT INTO ${target.index} (${target.index}) VALUES ('delete-all')`);
  let last = 0;
  let rows = 0;
  for (;;) {
    const batch = await db.all<{ rowid: number }>(`SELECT rowid FROM ${target.source} WHERE rowid > ? ORDER BY rowid LIMIT ?`, [last, batchSize]);
    if (batch.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of batch) await target.reindex(tx, r.rowid);
    });
    rows += batch.length;
    last = batch.at(-1)!.rowid;
  }
  // Every row was rewritten: VACUUM moves the GIN index's pending entries into the index proper (a search
  // reads the pending list whole) and ANALYZE gives the planner the new index's lexeme counts.
  if (db.engine === 'postgres') await db.exec(`VACUUM (ANALYZE) ${target.index}`);
  await db.run(
    `INSERT INTO ${target.state} (id, tokenizer_version, built_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET tokenizer_version = excluded.tokenizer_version, built_at = excluded.built_at`,
    [TOKENIZER_VERSION, new Date().toISOString()],
  );
  return { rebuilt: true, rows };
}
