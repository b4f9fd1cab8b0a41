import { bigramText, runEndSyllables } from '../../../shared/korean-tokens';
import type { Database, Executor } from '../database';
import { answeredByPostgres, ENGINE_PROBE, type EngineProbe } from './pg-probe';
import { pgIndexText } from './pg-query';
import { rebuildIfStale } from './rebuild';

/** The photo columns the index is made from. */
interface IndexedMedia {
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
  alt: string;
  file_name: string;
}

/** Rewrites a photo's index row from what is stored, in the transaction that wrote it (as search/article-index.ts does for stories). */
export async function reindexMedia(tx: Executor, rowid: number): Promise<void> {
  await tx.run('DELETE FROM media_search WHERE rowid = ?', [rowid]);
  const r = await tx.get<IndexedMedia & EngineProbe>(`SELECT caption, credit, creator, copyright, alt, file_name, ${ENGINE_PROBE} FROM media WHERE rowid = ?`, [
    rowid,
  ]);
  if (!r) return;
  const shape = answeredByPostgres(r) ? (text: string) => pgIndexText(bigramText(text)) : bigramText;
  const other = [r.creator, r.copyright, r.alt, r.file_name].join('\n');
  await tx.run('INSERT INTO media_search (rowid, caption, credit, other, singles) VALUES (?, ?, ?, ?, ?)', [
    rowid,
    shape(r.caption),
    shape(r.credit),
    shape(other),
    runEndSyllables([r.caption, r.credit, other].join('\n')),
  ]);
}

/** Rebuilds the photo index when the tokenizer version changed or it was never recorded (called at start, with the story index). */
export function rebuildMediaSearchIfNeeded(db: Database, batchSize = 2_000): Promise<{ rebuilt: boolean; rows: number }> {
  return rebuildIfStale(db, { index: 'media_search', source: 'media', state: 'media_search_state', reindex: reindexMedia }, batchSize);
}
