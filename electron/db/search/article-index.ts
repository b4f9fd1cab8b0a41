import { bigramText, runEndSyllables } from '../../../shared/korean-tokens';
import type { Database, Executor } from '../database';
import { rebuildMediaSearchIfNeeded } from './media-index';
import { withSearchRebuildLock } from '../postgres/search-rebuild-lock';
import { answeredByPostgres, ENGINE_PROBE, type EngineProbe } from './pg-probe';
import { pgIndexText } from './pg-query';
import { rebuildIfStale } from './rebuild';

export { TOKENIZER_VERSION } from './rebuild';

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
  owner_id: string | null;
  discarded_at: string | null;
}

/**
 * Filter values as single ASCII tokens (hex of the UTF-8 value), so that section, state, archive,
 * tag and author filters are index lookups intersected with the words, not a join per match.
 */
export function facetToken(kind: 'sec' | 'st' | 'arch' | 'tag' | 'au' | 'own', value: string): string {
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
    ...(r.owner_id ? [facetToken('own', r.owner_id)] : []),
  ].join(' ');
}

/**
 * Rewrites the index row of one article from what is stored (call inside the transaction that
 * wrote it, after the write). Reads only the row it indexes.
 */
export async function reindexArticle(tx: Executor, rowid: number): Promise<void> {
  await tx.run('DELETE FROM article_search WHERE rowid = ?', [rowid]);
  const r = await tx.get<IndexedRow & EngineProbe>(
    `SELECT headline, deck, section, state, archived_at, discarded_at, bylines_json, tags_json, source_attribution, body_text,
            (SELECT w.owner_id FROM article_workflow w WHERE w.article_id = articles.id) AS owner_id, ${ENGINE_PROBE} FROM articles WHERE rowid = ?`,
    [rowid],
  );
  // A story in the 휴지통 has no index row: search never finds it, and restoring it indexes it again.
  if (!r || r.discarded_at) return;
  const shape = answeredByPostgres(r) ? (text: string) => pgIndexText(bigramText(text)) : bigramText;
  const people = (JSON.parse(r.bylines_json) as Array<{ name: string; email: string }>).map((b) => `${b.name} ${b.email}`).join(' ');
  const tags = (JSON.parse(r.tags_json) as string[]).join(' ');
  const all = [r.headline, r.deck, r.body_text, people, tags, r.source_attribution];
  await tx.run('INSERT INTO article_search (rowid, headline, deck, body, people, tags, source, singles, facets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    rowid,
    ...all.map(shape),
    runEndSyllables(all.join('\n')),
    facets(r),
  ]);
}

/**
 * Rebuilds the story index if it was built by another tokenizer version or never built, then the
 * photo index likewise: both hold text shaped by shared/korean-tokens.ts, so one version governs
 * both, and start-up calls only this. Says what it did for each. On a shared PostgreSQL the
 * workstations starting at once take turns: the first rebuilds, the others find it current.
 */
export async function rebuildSearchIndexIfNeeded(
  db: Database,
  batchSize = 2_000,
): Promise<{ rebuilt: boolean; rows: number; media: { rebuilt: boolean; rows: number } }> {
  return withSearchRebuildLock(db, async () => {
    const articles = await rebuildIfStale(db, { index: 'article_search', source: 'articles', state: 'search_index_state', reindex: reindexArticle }, batchSize);
    const media = await rebuildMediaSearchIfNeeded(db, batchSize);
    return { ...articles, media };
  });
}
