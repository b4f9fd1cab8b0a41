import type { PublishAttempt, PublishResult, PublishTarget } from '../../shared/contract-publish';
import { AppError } from '../../shared/errors';
import { readSettings, targetKind, unknownKindMessage, type PublishTargetKind, type TargetSettingsOf } from '../../shared/publish-targets/index';
import type { Database } from './database';

interface TargetRow {
  id: number;
  kind: string;
  name: string;
  settings_json: string;
  secret_sealed: string | null;
  created_at: string;
  updated_at: string;
}

/** A target of one kind with its settings read through that kind's schema and its sealed secret: for the service only. */
export interface StoredTargetOf<K extends PublishTargetKind> {
  id: number;
  kind: K;
  name: string;
  settings: TargetSettingsOf<K>;
  secretSealed: string | null;
  createdAt: string;
  updatedAt: string;
}

export type StoredTarget = { [K in PublishTargetKind]: StoredTargetOf<K> }[PublishTargetKind];

/** A row read through its kind's schema, or why it cannot be (in Korean). */
function readRow(r: TargetRow): { target: StoredTarget } | { problem: string } {
  const spec = targetKind(r.kind);
  if (!spec) return { problem: unknownKindMessage(r.kind) };
  const read = readSettings(spec, r.settings_json);
  if ('problem' in read) return read;
  const target = {
    id: r.id,
    kind: spec.kind,
    name: r.name,
    settings: read.settings,
    secretSealed: r.secret_sealed,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  return { target: target as StoredTarget };
}

/** What the renderer may see of a row: never the secret, and an unreadable row listed with its problem rather than hidden. */
function listed(r: TargetRow): PublishTarget {
  const read = readRow(r);
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    settings: 'target' in read ? read.target.settings : {},
    hasSecret: r.secret_sealed !== null,
    problem: 'problem' in read ? read.problem : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Whether a stored secret still belongs to the target after an edit: same kind, and every setting it was typed for unchanged. */
function secretStays(old: TargetRow, kind: string, settings: Record<string, unknown>): boolean {
  const spec = targetKind(kind);
  if (old.kind !== kind || !spec?.secret) return false;
  const read = readSettings(spec, old.settings_json);
  if ('problem' in read) return false;
  return spec.secret.boundTo.every((key) => read.settings[key] === settings[key]);
}

/** A save that lost this many races in a row is refused rather than retried for ever. */
const UPDATE_TRIES = 8;

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

  /** Every target as the settings panel lists it. */
  async targets(): Promise<PublishTarget[]> {
    return (await this.db.all<TargetRow>('SELECT * FROM publish_targets ORDER BY name, id')).map(listed);
  }

  /** A target ready to use; one this build cannot read is refused in Korean, naming it, rather than used half-read. */
  async target(id: number): Promise<StoredTarget | undefined> {
    const row = await this.db.get<TargetRow>('SELECT * FROM publish_targets WHERE id = ?', [id]);
    if (!row) return undefined;
    const read = readRow(row);
    if ('problem' in read) throw new AppError('VALIDATION', `출고 대상 ‘${row.name.slice(0, 100)}’을(를) 쓸 수 없습니다: ${read.problem}`, { targetId: id });
    return read.target;
  }

  /** The public form of one target, as targets() lists it. */
  async listedTarget(id: number): Promise<PublishTarget | undefined> {
    const row = await this.db.get<TargetRow>('SELECT * FROM publish_targets WHERE id = ?', [id]);
    return row && listed(row);
  }

  async insertTarget(t: {
    kind: PublishTargetKind;
    name: string;
    settings: Record<string, unknown>;
    secretSealed: string | null;
    now: string;
  }): Promise<PublishTarget> {
    const { lastId } = await this.db.run(
      'INSERT INTO publish_targets (kind, name, settings_json, secret_sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      [t.kind, t.name, JSON.stringify(t.settings), t.secretSealed, t.now, t.now],
    );
    return (await this.listedTarget(lastId))!;
  }

  /**
   * Replaces a target's kind, name and settings. `secretSealed` undefined keeps the stored secret, but only
   * while the kind and the settings the secret is bound to (its kind's `secret.boundTo`: the address, the
   * user) stay as they were: a password belongs to the site and account it was typed for, so a target moved
   * to another host or user has it dropped and asks for it again. The row is written only if it is still the
   * row that was judged (compare-and-set), so no concurrent save can slip between the reading and the writing.
   */
  async updateTarget(
    id: number,
    t: { kind: PublishTargetKind; name: string; settings: Record<string, unknown>; secretSealed?: string; now: string },
  ): Promise<PublishTarget | undefined> {
    const json = JSON.stringify(t.settings);
    if (t.secretSealed !== undefined) {
      const { changes } = await this.db.run(
        'UPDATE publish_targets SET kind = ?, name = ?, settings_json = ?, secret_sealed = ?, updated_at = ? WHERE id = ?',
        [t.kind, t.name, json, t.secretSealed, t.now, id],
      );
      return changes === 0 ? undefined : this.listedTarget(id);
    }
    for (let i = 0; i < UPDATE_TRIES; i++) {
      const old = await this.db.get<TargetRow>('SELECT * FROM publish_targets WHERE id = ?', [id]);
      if (!old) return undefined;
      const secret = secretStays(old, t.kind, t.settings) ? old.secret_sealed : null;
      const { changes } = await this.db.run(
        `UPDATE publish_targets SET kind = ?, name = ?, settings_json = ?, secret_sealed = ?, updated_at = ?
         WHERE id = ? AND kind = ? AND settings_json = ? AND coalesce(secret_sealed, '') = ?`,
        [t.kind, t.name, json, secret, t.now, id, old.kind, old.settings_json, old.secret_sealed ?? ''],
      );
      if (changes > 0) return this.listedTarget(id);
    }
    throw new AppError('CONFLICT', '다른 곳에서 이 출고 대상을 계속 고치고 있어 저장하지 못했습니다. 잠시 뒤 다시 저장하세요.');
  }

  /** Who a profile is, as far as publishing asks (role and sections); undefined for an unknown id. */
  async actor(id: string): Promise<{ id: string; name: string; role: 'reporter' | 'desk' | 'chief'; sections: string[] } | undefined> {
    const r = await this.db.get<{ id: string; name: string; role: 'reporter' | 'desk' | 'chief'; sections_json: string }>(
      'SELECT id, name, role, sections_json FROM profiles WHERE id = ?',
      [id],
    );
    return r && { id: r.id, name: r.name, role: r.role, sections: JSON.parse(r.sections_json) as string[] };
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
