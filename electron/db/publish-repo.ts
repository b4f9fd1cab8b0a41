import type { PublishAttempt, PublishResult, PublishTakedown, PublishTarget, PublishTargetKind } from '../../shared/contract-publish';
import type { Database } from './database';

interface TargetRow {
  id: number;
  kind: PublishTargetKind;
  name: string;
  url: string;
  username: string;
  folder: string;
  secret_sealed: string | null;
  takedown: PublishTakedown;
  correction_prefix: number;
  created_at: string;
  updated_at: string;
}

/** A target with its sealed secret: for the service only, never sent to the renderer as it is. */
export interface StoredTarget extends PublishTarget {
  secretSealed: string | null;
}

function toTarget(r: TargetRow): StoredTarget {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    url: r.url,
    username: r.username,
    folder: r.folder,
    hasPassword: r.secret_sealed !== null,
    secretSealed: r.secret_sealed,
    takedown: r.takedown,
    correctionPrefix: r.correction_prefix === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface PublishRecord {
  articleId: string;
  targetId: number;
  idempotencyKey: string;
  remoteId: string | null;
  remoteUrl: string | null;
  version: number | null;
}

interface AttemptRow {
  id: number;
  article_id: string;
  target_id: number;
  target_name: string;
  version: number;
  at: string;
  result: PublishResult;
  remote_id: string | null;
  remote_url: string | null;
  error: string | null;
  tries: number;
}

function toAttempt(r: AttemptRow): PublishAttempt {
  return {
    id: r.id,
    articleId: r.article_id,
    targetId: r.target_id,
    targetName: r.target_name,
    version: r.version,
    at: r.at,
    result: r.result,
    remoteId: r.remote_id,
    remoteUrl: r.remote_url,
    error: r.error,
    tries: r.tries,
  };
}

export type NewAttempt = Omit<PublishAttempt, 'id'>;

/**
 * The first key reserved for a story on a target stays: a retry must look for the post under the key its
 * first request sent. Upserts are written as ON CONFLICT, which SQLite (3.24+) and PostgreSQL both run;
 * SQLite's INSERT OR IGNORE / OR REPLACE are not SQL PostgreSQL knows.
 */
const RESERVE_KEY = `INSERT INTO publish_records (article_id, target_id, idempotency_key, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (article_id, target_id) DO NOTHING`;

/** SQL for publishing: targets, what each story became on each target, uploaded photos, and the attempt log. */
export class PublishRepository {
  constructor(private readonly db: Database) {}

  async targets(): Promise<StoredTarget[]> {
    return (await this.db.all<TargetRow>('SELECT * FROM publish_targets ORDER BY name, id')).map(toTarget);
  }

  async target(id: number): Promise<StoredTarget | undefined> {
    const row = await this.db.get<TargetRow>('SELECT * FROM publish_targets WHERE id = ?', [id]);
    return row && toTarget(row);
  }

  async insertTarget(t: {
    kind: PublishTargetKind;
    name: string;
    url: string;
    username: string;
    folder: string;
    secretSealed: string | null;
    takedown?: PublishTakedown;
    correctionPrefix?: boolean;
    now: string;
  }): Promise<StoredTarget> {
    const { lastId } = await this.db.run(
      'INSERT INTO publish_targets (kind, name, url, username, folder, secret_sealed, takedown, correction_prefix, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [t.kind, t.name, t.url, t.username, t.folder, t.secretSealed, t.takedown ?? 'draft', t.correctionPrefix ? 1 : 0, t.now, t.now],
    );
    return (await this.target(lastId))!;
  }

  /** The takedown and correction-title choices; undefined keeps the stored one. */
  async setTargetChoices(id: number, c: { takedown?: PublishTakedown; correctionPrefix?: boolean }): Promise<void> {
    if (c.takedown !== undefined) await this.db.run('UPDATE publish_targets SET takedown = ? WHERE id = ?', [c.takedown, id]);
    if (c.correctionPrefix !== undefined) await this.db.run('UPDATE publish_targets SET correction_prefix = ? WHERE id = ?', [c.correctionPrefix ? 1 : 0, id]);
  }

  /** Who a profile is, as far as publishing asks (role and sections); undefined for an unknown id. */
  async actor(id: string): Promise<{ id: string; name: string; role: 'reporter' | 'desk' | 'chief'; sections: string[] } | undefined> {
    const r = await this.db.get<{ id: string; name: string; role: 'reporter' | 'desk' | 'chief'; sections_json: string }>(
      'SELECT id, name, role, sections_json FROM profiles WHERE id = ?',
      [id],
    );
    return r && { id: r.id, name: r.name, role: r.role, sections: JSON.parse(r.sections_json) as string[] };
  }

  /**
   * `secretSealed` undefined keeps the stored secret, but only while the kind, address and user name stay
   * as they were: a password belongs to the site and account it was typed for, so a target moved to
   * another host or user has it dropped and asks for it again (as 저장소 does for PostgreSQL). Compared in
   * the statement itself, against the row it replaces, so no concurrent save can slip between.
   */
  async updateTarget(
    id: number,
    t: { kind: PublishTargetKind; name: string; url: string; username: string; folder: string; secretSealed?: string; now: string },
  ): Promise<StoredTarget | undefined> {
    const secret =
      t.secretSealed === undefined
        ? (['CASE WHEN kind = ? AND url = ? AND username = ? THEN secret_sealed ELSE NULL END', [t.kind, t.url, t.username]] as const)
        : (['?', [t.secretSealed]] as const);
    const { changes } = await this.db.run(
      `UPDATE publish_targets SET secret_sealed = ${secret[0]}, kind = ?, name = ?, url = ?, username = ?, folder = ?, updated_at = ? WHERE id = ?`,
      [...secret[1], t.kind, t.name, t.url, t.username, t.folder, t.now, id],
    );
    return changes === 0 ? undefined : this.target(id);
  }

  async record(articleId: string, targetId: number): Promise<PublishRecord | undefined> {
    const r = await this.db.get<{
      article_id: string;
      target_id: number;
      idempotency_key: string;
      remote_id: string | null;
      remote_url: string | null;
      version: number | null;
    }>('SELECT * FROM publish_records WHERE article_id = ? AND target_id = ?', [articleId, targetId]);
    return (
      r && {
        articleId: r.article_id,
        targetId: r.target_id,
        idempotencyKey: r.idempotency_key,
        remoteId: r.remote_id,
        remoteUrl: r.remote_url,
        version: r.version,
      }
    );
  }

  /** Written before the first create request, so that a retry after a lost answer looks for the same key. */
  async reserveKey(articleId: string, targetId: number, key: string, now: string): Promise<PublishRecord> {
    await this.db.run(RESERVE_KEY, [articleId, targetId, key, now]);
    return (await this.record(articleId, targetId))!;
  }

  async setRemote(articleId: string, targetId: number, remote: { remoteId: string; remoteUrl: string; version: number }, now: string): Promise<void> {
    await this.db.run('UPDATE publish_records SET remote_id = ?, remote_url = ?, version = ?, updated_at = ? WHERE article_id = ? AND target_id = ?', [
      remote.remoteId,
      remote.remoteUrl,
      remote.version,
      now,
      articleId,
      targetId,
    ]);
  }

  async media(targetId: number, mediaId: string): Promise<{ remoteId: string; remoteUrl: string } | undefined> {
    const r = await this.db.get<{ remote_id: string; remote_url: string }>(
      'SELECT remote_id, remote_url FROM publish_media WHERE target_id = ? AND media_id = ?',
      [targetId, mediaId],
    );
    return r && { remoteId: r.remote_id, remoteUrl: r.remote_url };
  }

  async setMedia(targetId: number, mediaId: string, remote: { remoteId: string; remoteUrl: string }): Promise<void> {
    await this.db.run(
      `INSERT INTO publish_media (target_id, media_id, remote_id, remote_url) VALUES (?, ?, ?, ?)
       ON CONFLICT (target_id, media_id) DO UPDATE SET remote_id = excluded.remote_id, remote_url = excluded.remote_url`,
      [targetId, mediaId, remote.remoteId, remote.remoteUrl],
    );
  }

  async forgetMedia(targetId: number, mediaId: string): Promise<void> {
    await this.db.run('DELETE FROM publish_media WHERE target_id = ? AND media_id = ?', [targetId, mediaId]);
  }

  /**
   * A finished attempt in one transaction: the remote id and URL (when the target took the story) and
   * the log row, so the record and the log never disagree and a run costs one durable write.
   */
  async finish(a: NewAttempt, remote: { key: string; remoteId: string; remoteUrl: string } | undefined): Promise<PublishAttempt> {
    return this.db.transaction(async (tx) => {
      if (remote) {
        await tx.run(RESERVE_KEY, [a.articleId, a.targetId, remote.key, a.at]);
        await tx.run('UPDATE publish_records SET remote_id = ?, remote_url = ?, version = ?, updated_at = ? WHERE article_id = ? AND target_id = ?', [
          remote.remoteId,
          remote.remoteUrl,
          a.version,
          a.at,
          a.articleId,
          a.targetId,
        ]);
      }
      const { lastId } = await tx.run(
        'INSERT INTO publish_attempts (article_id, target_id, target_name, version, at, result, remote_id, remote_url, error, tries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [a.articleId, a.targetId, a.targetName, a.version, a.at, a.result, a.remoteId, a.remoteUrl, a.error, a.tries],
      );
      return { ...a, id: lastId };
    });
  }

  async attempts(articleId: string): Promise<PublishAttempt[]> {
    return (await this.db.all<AttemptRow>('SELECT * FROM publish_attempts WHERE article_id = ? ORDER BY id DESC LIMIT 500', [articleId])).map(toAttempt);
  }
}
