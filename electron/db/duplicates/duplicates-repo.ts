import { bandsOf, signatureFromBytes, signatureOf, signatureToBytes, SIGNER_VERSION } from './minhash';
import type { Database, Executor } from '../database';

/** A stored story that shares at least one band with the one checked, with its signature. */
export interface Candidate {
  rowid: number;
  signature: Uint32Array;
}

/** What a finding shows of a story: enough to name it and open it. */
export interface DescribedStory {
  rowid: number;
  id: string;
  headline: string;
  state: string;
  createdAt: string;
  updatedAt: string;
  ownerName: string | null;
  bylines: Array<{ name: string }>;
  imported: boolean;
}

interface DescribedRow {
  rowid: number;
  id: string;
  headline: string;
  state: string;
  created_at: string;
  updated_at: string;
  owner_name: string | null;
  bylines_json: string;
  imported: number;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Band rows for many stories in one statement each hundred stories: a save or a batch is a few round trips, not 32 per story. */
async function insertBands(tx: Executor, signed: ReadonlyArray<{ rowid: number; sig: Uint32Array }>): Promise<void> {
  for (let i = 0; i < signed.length; i += 100) {
    const rows = signed.slice(i, i + 100).flatMap(({ rowid, sig }) => bandsOf(sig).map((band) => [band, rowid]));
    await tx.run(
      `INSERT INTO article_signature_bands (band_hash, article_rowid) VALUES ${rows.map(() => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
      rows.flat(),
    );
  }
}

/**
 * Signs one story from what is stored, in the transaction that saved it (call after the write). A body
 * whose signature did not change (most saves change a word, which rarely moves a bin's minimum) writes
 * nothing.
 */
export async function signArticle(tx: Executor, rowid: number): Promise<void> {
  const row = await tx.get<{ body_text: string; minhash: Uint8Array | null; signer_version: number | null }>(
    `SELECT a.body_text, s.minhash, s.signer_version FROM articles a LEFT JOIN article_signatures s ON s.article_rowid = a.rowid WHERE a.rowid = ?`,
    [rowid],
  );
  if (!row) return;
  const sig = signatureOf(row.body_text);
  const bytes = sig && signatureToBytes(sig);
  if (row.signer_version === SIGNER_VERSION && (bytes === null ? row.minhash === null : row.minhash !== null && bytes.equals(Buffer.from(row.minhash)))) return;
  await tx.run(
    `INSERT INTO article_signatures (article_rowid, signer_version, minhash) VALUES (?, ?, ?)
     ON CONFLICT (article_rowid) DO UPDATE SET signer_version = excluded.signer_version, minhash = excluded.minhash`,
    [rowid, SIGNER_VERSION, bytes],
  );
  // A story signed for the first time has no bands to remove.
  if (row.signer_version !== null) await tx.run('DELETE FROM article_signature_bands WHERE article_rowid = ?', [rowid]);
  if (sig) await insertBands(tx, [{ rowid, sig }]);
}

/**
 * Signs every story that has no signature, or one from another signer version, in batches, each its own
 * transaction (a save between batches signs its own story). The archive a newsroom already has is signed
 * this way at the first start after migration 012, and a restored backup's stories likewise (restores copy
 * no derived rows). A row is written only if it is still missing or old when the batch writes it, so a
 * save that signed the story meanwhile is never overwritten with the text read before it.
 */
export async function signMissing(db: Database, batchSize = 500): Promise<number> {
  let last = 0;
  let signed = 0;
  for (;;) {
    const batch = await db.all<{ rowid: number; body_text: string }>(
      `SELECT a.rowid, a.body_text FROM articles a LEFT JOIN article_signatures s ON s.article_rowid = a.rowid
       WHERE a.rowid > ? AND (s.article_rowid IS NULL OR s.signer_version <> ?) ORDER BY a.rowid LIMIT ?`,
      [last, SIGNER_VERSION, batchSize],
    );
    if (batch.length === 0) return signed;
    const signatures = new Map(batch.map((r) => [Number(r.rowid), signatureOf(r.body_text)]));
    await db.transaction(async (tx) => {
      const ids = [...signatures.keys()];
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100);
        const written = await tx.all<{ article_rowid: number }>(
          `INSERT INTO article_signatures (article_rowid, signer_version, minhash) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
           ON CONFLICT (article_rowid) DO UPDATE SET signer_version = excluded.signer_version, minhash = excluded.minhash
           WHERE article_signatures.signer_version <> excluded.signer_version
           RETURNING article_rowid`,
          chunk.flatMap((rowid) => {
            const sig = signatures.get(rowid)!;
            return [rowid, SIGNER_VERSION, sig && signatureToBytes(sig)];
          }),
        );
        const mine = written.map((w) => Number(w.article_rowid));
        if (mine.length === 0) continue;
        // Bands of an older signer's signature go; a story signed for the first time has none.
        await tx.run(`DELETE FROM article_signature_bands WHERE article_rowid IN (${placeholders(mine.length)})`, mine);
        await insertBands(
          tx,
          mine.flatMap((rowid) => {
            const sig = signatures.get(rowid);
            return sig ? [{ rowid, sig }] : [];
          }),
        );
      }
    });
    signed += batch.length;
    last = batch.at(-1)!.rowid;
  }
}

/** SQL for the duplicate check: band lookups, signatures and what a finding shows. */
export class DuplicatesRepository {
  constructor(private readonly db: Database) {}

  /** The story's rowid and stored body, or undefined if there is no such story. */
  story(id: string): Promise<{ rowid: number; body_text: string; minhash: Uint8Array | null; signer_version: number | null } | undefined> {
    return this.db.get(
      `SELECT a.rowid, a.body_text, s.minhash, s.signer_version FROM articles a LEFT JOIN article_signatures s ON s.article_rowid = a.rowid WHERE a.id = ?`,
      [id],
    );
  }

  /**
   * Stories sharing at least one band with `sig`, most shared bands first, at most `limit`: a near-duplicate
   * shares many bands, a story on the same beat that shares one by chance comes last and is cut first.
   */
  async candidates(sig: Uint32Array, exceptRowid: number, limit: number): Promise<Candidate[]> {
    const bands = bandsOf(sig);
    const hits = await this.db.all<{ article_rowid: number }>(
      `SELECT article_rowid FROM article_signature_bands WHERE band_hash IN (${placeholders(bands.length)}) AND article_rowid <> ?
       GROUP BY article_rowid ORDER BY count(*) DESC, article_rowid DESC LIMIT ?`,
      [...bands, exceptRowid, limit],
    );
    if (hits.length === 0) return [];
    const rows = await this.db.all<{ article_rowid: number; minhash: Uint8Array | null }>(
      `SELECT article_rowid, minhash FROM article_signatures WHERE article_rowid IN (${placeholders(hits.length)}) AND signer_version = ?`,
      [...hits.map((h) => h.article_rowid), SIGNER_VERSION],
    );
    return rows.flatMap((r) => {
      const signature = signatureFromBytes(r.minhash);
      return signature ? [{ rowid: Number(r.article_rowid), signature }] : [];
    });
  }

  /** Headline, reporter, times and whether each came from an imported document, for the stories found. */
  async describe(rowids: readonly number[]): Promise<DescribedStory[]> {
    if (rowids.length === 0) return [];
    const rows = await this.db.all<DescribedRow>(
      `SELECT a.rowid, a.id, a.headline, a.state, a.created_at, a.updated_at, a.bylines_json, p.name AS owner_name,
              CASE WHEN i.article_id IS NULL THEN 0 ELSE 1 END AS imported
       FROM articles a
       LEFT JOIN article_workflow w ON w.article_id = a.id
       LEFT JOIN profiles p ON p.id = w.owner_id
       LEFT JOIN article_imports i ON i.article_id = a.id
       WHERE a.rowid IN (${placeholders(rowids.length)})`,
      [...rowids],
    );
    return rows.map((r) => ({
      rowid: Number(r.rowid),
      id: r.id,
      headline: r.headline,
      state: r.state,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      ownerName: r.owner_name,
      bylines: JSON.parse(r.bylines_json) as Array<{ name: string }>,
      imported: r.imported === 1,
    }));
  }
}
