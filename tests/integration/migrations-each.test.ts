import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations/index';
import { signMissing } from '../../electron/db/duplicates/duplicates-repo';
import { PublishRepository } from '../../electron/db/publish-repo';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * Each SQLite migration on its own, as Signal Desktop tests theirs: a fresh database taken to N-1,
 * representative rows written, then N applied; the rows must come through and N's schema be there.
 */

const ARTICLE_ID = '5f0c2a9e-7b1d-4e3a-9c8f-2d6b4a1e0f37';
const AT = '2026-03-01T09:00:00.000Z';

interface Step {
  /** Rows written at N-1, in the schema as it then was. */
  before?: (db: Database) => Promise<void>;
  /** Objects (tables, indexes, triggers) N adds. */
  adds: string[];
  /** What must hold at N. */
  after?: (db: Database) => Promise<void>;
}

async function insertArticle(db: Database): Promise<void> {
  await db.run('INSERT INTO articles (id, version, headline, created_at, updated_at, body_json) VALUES (?, 1, ?, ?, ?, ?)', [
    ARTICLE_ID,
    '양자기술 협력',
    AT,
    AT,
    '{}',
  ]);
}

async function articleKept(db: Database): Promise<void> {
  expect(await db.get('SELECT id, headline, version FROM articles')).toEqual({ id: ARTICLE_ID, headline: '양자기술 협력', version: 1 });
}

async function insertTargetAndAttempt(db: Database): Promise<void> {
  await db.run(
    "INSERT INTO publish_targets (id, kind, name, url, created_at, updated_at) VALUES (7, 'wordpress', '홈페이지', 'https://news.example.com', ?, ?)",
    [AT, AT],
  );
  await db.run(
    "INSERT INTO publish_attempts (id, article_id, target_id, target_name, version, at, result, tries) VALUES (3, ?, 7, '홈페이지', 1, ?, 'published', 1)",
    [ARTICLE_ID, AT],
  );
}

async function attemptKept(db: Database): Promise<void> {
  expect(await db.get('SELECT id, article_id, target_id, result, tries FROM publish_attempts')).toEqual({
    id: 3,
    article_id: ARTICLE_ID,
    target_id: 7,
    result: 'published',
    tries: 1,
  });
}

const STEPS: Record<number, Step> = {
  1: { adds: ['articles', 'revisions', 'revisions_append_only_update', 'revisions_append_only_delete'], after: insertArticle },
  2: { before: insertArticle, adds: ['articles_queue'], after: articleKept },
  3: { before: insertArticle, adds: ['article_search', 'search_index_state', 'articles_section_updated', 'articles_state_updated'], after: articleKept },
  4: {
    before: insertArticle,
    adds: ['media', 'media_usage', 'media_search', 'media_created'],
    after: async (db) => {
      await articleKept(db);
      expect(await db.get('SELECT lead_photo_json FROM articles')).toEqual({ lead_photo_json: null });
    },
  },
  5: { before: insertArticle, adds: ['profiles', 'article_workflow', 'article_locks', 'workflow_events', 'review_comments'], after: articleKept },
  6: { before: insertArticle, adds: ['publish_targets', 'publish_records', 'publish_media', 'publish_attempts'], after: articleKept },
  7: { before: insertArticle, adds: ['article_imports'], after: articleKept },
  8: {
    before: async (db) => {
      await insertArticle(db);
      await insertTargetAndAttempt(db);
    },
    // publish_attempts is rebuilt, its append-only triggers made again on the new table.
    adds: [],
    after: async (db) => {
      await attemptKept(db);
      expect(await db.get('SELECT takedown, correction_prefix FROM publish_targets')).toEqual({ takedown: 'draft', correction_prefix: 0 });
      await db.run("INSERT INTO publish_attempts (article_id, target_id, target_name, version, at, result) VALUES (?, 7, '홈페이지', 1, ?, 'withdrawn')", [
        ARTICLE_ID,
        AT,
      ]);
      await expect(db.run('DELETE FROM publish_attempts')).rejects.toThrow(/append-only/);
    },
  },
  9: { before: insertArticle, adds: ['media_search_state'], after: articleKept },
  10: {
    before: async (db) => {
      await insertArticle(db);
      await insertTargetAndAttempt(db);
      await db.run(
        "INSERT INTO publish_targets (id, kind, name, url, created_at, updated_at) VALUES (9, 'wordpress', '옛 홈페이지', 'https://old.example.com', ?, ?)",
        [AT, AT],
      );
      await db.run('DELETE FROM publish_targets WHERE id = 9');
    },
    adds: [],
    after: async (db) => {
      await attemptKept(db);
      // The deleted target's id is not handed out again: the AUTOINCREMENT counter came through the copy.
      await db.run("INSERT INTO publish_targets (kind, name, url, created_at, updated_at) VALUES ('ghost', '고스트', 'https://ghost.example.com', ?, ?)", [
        AT,
        AT,
      ]);
      expect(await db.all('SELECT id, kind FROM publish_targets ORDER BY id')).toEqual([
        { id: 7, kind: 'wordpress' },
        { id: 10, kind: 'ghost' },
      ]);
      expect(await db.all("SELECT name FROM sqlite_master WHERE name LIKE 'publish_targets_v10%'")).toEqual([]);
    },
  },
  11: {
    before: async (db) => {
      await insertArticle(db);
      await insertTargetAndAttempt(db);
      const row = `INSERT INTO publish_targets (id, kind, name, url, username, folder, secret_sealed, created_at, updated_at, takedown, correction_prefix)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
      await db.run(row, [
        8,
        'wordpress',
        '본사 "사이트"',
        'https://wp.example.com/news',
        'desk',
        '',
        'v1:sealed-wp',
        AT,
        '2026-03-02T00:00:00.000Z',
        'trash',
        1,
      ]);
      await db.run(row, [9, 'ghost', '고스트', 'https://ghost.example.com', '', '', 'v1:sealed-ghost', AT, AT, 'draft', 0]);
      await db.run(row, [11, 'html-bundle', '포털 묶음', 'https://news.example.com/bundles/', '', 'portal', null, AT, AT, 'draft', 1]);
      await db.run(row, [12, 'html-bundle', '지운 묶음', 'https://x.example.com', '', 'gone', null, AT, AT, 'draft', 0]);
      await db.run('DELETE FROM publish_targets WHERE id = 12');
      await db.run(
        "INSERT INTO publish_records (article_id, target_id, idempotency_key, remote_id, remote_url, version, updated_at) VALUES (?, 8, 'k', '41', 'https://wp/41', 1, ?)",
        [ARTICLE_ID, AT],
      );
      await db.run("INSERT INTO publish_media (target_id, media_id, remote_id, remote_url) VALUES (9, 'm1', 'https://g/m1.jpg', 'https://g/m1.jpg')");
    },
    adds: [],
    after: async (db) => {
      await attemptKept(db);
      const rows = await db.all<{
        id: number;
        kind: string;
        name: string;
        settings_json: string;
        secret_sealed: string | null;
        created_at: string;
        updated_at: string;
      }>('SELECT * FROM publish_targets ORDER BY id');
      expect(rows.map((r) => ({ ...r, settings_json: JSON.parse(r.settings_json) as unknown }))).toEqual([
        {
          id: 7,
          kind: 'wordpress',
          name: '홈페이지',
          settings_json: { url: 'https://news.example.com', username: '', takedown: 'draft', correctionPrefix: false },
          secret_sealed: null,
          created_at: AT,
          updated_at: AT,
        },
        {
          id: 8,
          kind: 'wordpress',
          name: '본사 "사이트"',
          settings_json: { url: 'https://wp.example.com/news', username: 'desk', takedown: 'trash', correctionPrefix: true },
          secret_sealed: 'v1:sealed-wp',
          created_at: AT,
          updated_at: '2026-03-02T00:00:00.000Z',
        },
        {
          id: 9,
          kind: 'ghost',
          name: '고스트',
          settings_json: { url: 'https://ghost.example.com', takedown: 'draft', correctionPrefix: false },
          secret_sealed: 'v1:sealed-ghost',
          created_at: AT,
          updated_at: AT,
        },
        {
          id: 11,
          kind: 'html-bundle',
          name: '포털 묶음',
          settings_json: { url: 'https://news.example.com/bundles/', folder: 'portal', correctionPrefix: true },
          secret_sealed: null,
          created_at: AT,
          updated_at: AT,
        },
      ]);
      // Every row reads through its kind's schema as the repository does it; 7 never had the user name a WordPress target needs, and says so.
      const listed = (await new PublishRepository(db).targets()).sort((a, b) => a.id - b.id);
      expect(listed.map((t) => [t.id, t.problem, t.hasSecret])).toEqual([
        [7, expect.stringContaining('username: 워드프레스 사용자 이름을 쓰세요.'), false],
        [8, null, true],
        [9, null, true],
        [11, null, false],
      ]);
      // What referred to the targets still does, and the foreign keys hold.
      expect(await db.get('SELECT target_id, remote_id FROM publish_records')).toEqual({ target_id: 8, remote_id: '41' });
      expect(await db.get('SELECT target_id, media_id FROM publish_media')).toEqual({ target_id: 9, media_id: 'm1' });
      expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
      // No column per setting, no CHECK on kind, and the deleted target's id is not handed out again.
      const columns = (await db.all<{ name: string }>("SELECT name FROM pragma_table_info('publish_targets')")).map((c) => c.name);
      expect(columns).toEqual(['id', 'kind', 'name', 'settings_json', 'secret_sealed', 'created_at', 'updated_at']);
      await db.run("INSERT INTO publish_targets (kind, name, settings_json, created_at, updated_at) VALUES ('medium', '새 종류', '{}', ?, ?)", [AT, AT]);
      expect(await db.get("SELECT id FROM publish_targets WHERE kind = 'medium'")).toEqual({ id: 13 });
      expect(await db.all("SELECT name FROM sqlite_master WHERE name LIKE 'publish_targets_v11%'")).toEqual([]);
    },
  },
  12: {
    before: insertArticle,
    adds: ['article_signatures', 'article_signature_bands', 'article_signature_bands_article'],
    after: async (db) => {
      // The story is there, unsigned; the first start signs it (open-storage.ts), once.
      expect(await db.get('SELECT count(*) AS n FROM articles')).toEqual({ n: 1 });
      expect(await db.get('SELECT count(*) AS n FROM article_signatures')).toEqual({ n: 0 });
      expect(await signMissing(db)).toBe(1);
      expect(await db.get('SELECT count(*) AS n FROM article_signatures')).toEqual({ n: 1 });
      expect(await signMissing(db)).toBe(0);
    },
  },
  13: {
    before: async (db) => {
      await insertArticle(db);
      await db.run("INSERT INTO profiles (id, name, role, created_at, updated_at) VALUES ('kim', '김기자', 'reporter', ?, ?)", [AT, AT]);
      await db.run(
        "INSERT INTO revisions (article_id, version, headline, deck, section, saved_at, body_json) VALUES (?, 1, '양자기술 협력', '', '', ?, '{}')",
        [ARTICLE_ID, AT],
      );
      await db.run(
        "INSERT INTO workflow_events (id, article_id, action, from_state, to_state, actor_id, actor_name, actor_role, at, version) VALUES (4, ?, 'submit', 'draft', 'submitted', 'kim', '김기자', 'reporter', ?, 1)",
        [ARTICLE_ID, AT],
      );
    },
    adds: ['articles_discarded'],
    after: async (db) => {
      await articleKept(db);
      expect(await db.get('SELECT id, action, actor_name FROM workflow_events')).toEqual({ id: 4, action: 'submit', actor_name: '김기자' });
      expect(await db.all("SELECT name FROM sqlite_master WHERE name LIKE 'workflow_events_v13%'")).toEqual([]);
      // 송고 취소 is a value the log takes now; anything else is still refused.
      const event =
        "INSERT INTO workflow_events (article_id, action, from_state, to_state, actor_id, actor_name, actor_role, at, version) VALUES (?, ?, 'submitted', 'draft', 'kim', '김기자', 'reporter', ?, 1)";
      await db.run(event, [ARTICLE_ID, 'recall', AT]);
      await expect(db.run(event, [ARTICLE_ID, 'delete', AT])).rejects.toThrow(/CHECK/);
      // A live story's evidence stays append-only; a discarded one's may be purged.
      await expect(db.run('DELETE FROM revisions WHERE article_id = ?', [ARTICLE_ID])).rejects.toThrow(/append-only/);
      await expect(db.run('DELETE FROM workflow_events WHERE article_id = ?', [ARTICLE_ID])).rejects.toThrow(/append-only/);
      await expect(db.run('UPDATE workflow_events SET note = ? WHERE id = 4', ['고침'])).rejects.toThrow(/append-only/);
      await db.run("UPDATE articles SET discarded_at = ?, discarded_by = 'kim' WHERE id = ?", [AT, ARTICLE_ID]);
      await db.run('DELETE FROM workflow_events WHERE article_id = ?', [ARTICLE_ID]);
      await db.run('DELETE FROM revisions WHERE article_id = ?', [ARTICLE_ID]);
      expect(await db.get('SELECT count(*) AS n FROM revisions')).toEqual({ n: 0 });
      expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
    },
  },
  14: {
    before: async (db) => {
      await insertArticle(db);
      await db.run("INSERT INTO profiles (id, name, role, created_at, updated_at) VALUES ('kim', '김기자', 'reporter', ?, ?)", [AT, AT]);
    },
    adds: ['spelling_words'],
    after: async (db) => {
      await articleKept(db);
      await db.run("INSERT INTO spelling_words (word, added_by, added_at) VALUES ('쿼텍실라', 'kim', ?)", [AT]);
      // One row per word, a word of at most 50 characters, added by someone who exists (or nobody named).
      await expect(db.run("INSERT INTO spelling_words (word, added_by, added_at) VALUES ('쿼텍실라', NULL, ?)", [AT])).rejects.toThrow(/UNIQUE/);
      await expect(db.run('INSERT INTO spelling_words (word, added_by, added_at) VALUES (?, NULL, ?)', ['가'.repeat(51), AT])).rejects.toThrow(/CHECK/);
      await expect(db.run("INSERT INTO spelling_words (word, added_by, added_at) VALUES ('갬베타', 'nobody', ?)", [AT])).rejects.toThrow(/FOREIGN KEY/);
      expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
    },
  },
  15: {
    before: async (db) => {
      await insertArticle(db);
      await db.run("INSERT INTO profiles (id, name, role, created_at, updated_at) VALUES ('kim', '김기자', 'reporter', ?, ?)", [AT, AT]);
      await db.run(
        "INSERT INTO review_comments (id, article_id, author_id, author_name, author_role, version, body, created_at, resolved_at, resolved_by) VALUES (9, ?, 'kim', '김기자', 'reporter', 1, '출처?', ?, ?, 'kim')",
        [ARTICLE_ID, AT, AT],
      );
    },
    adds: ['review_comment_mentions', 'review_comments_parent', 'review_comment_mentions_profile'],
    after: async (db) => {
      expect(await db.get('SELECT id, body, resolved_by, parent_id, reopened_at FROM review_comments')).toEqual({
        id: 9,
        body: '출처?',
        resolved_by: 'kim',
        parent_id: null,
        reopened_at: null,
      });
      // A resolved comment may be reopened now (005 allowed resolving once); its words still never change.
      await db.run("UPDATE review_comments SET resolved_at = NULL, resolved_by = NULL, reopened_at = ?, reopened_by = 'kim' WHERE id = 9", [AT]);
      await expect(db.run("UPDATE review_comments SET body = '고침' WHERE id = 9")).rejects.toThrow(/keep their words/);
      await db.run(
        "INSERT INTO review_comments (id, article_id, author_id, author_name, author_role, version, body, created_at, parent_id) VALUES (10, ?, 'kim', '김기자', 'reporter', 1, '@김기자', ?, 9)",
        [ARTICLE_ID, AT],
      );
      await expect(db.run('UPDATE review_comments SET parent_id = NULL WHERE id = 10')).rejects.toThrow(/keep their words/);
      await db.run("INSERT INTO review_comment_mentions (comment_id, profile_id) VALUES (10, 'kim')");
      await expect(db.run("INSERT INTO review_comment_mentions (comment_id, profile_id) VALUES (10, 'nobody')")).rejects.toThrow(/FOREIGN KEY/);
      // The purge of a discarded story takes its threads and their mentions with it.
      await db.run("UPDATE articles SET discarded_at = ?, discarded_by = 'kim' WHERE id = ?", [AT, ARTICLE_ID]);
      await db.run('DELETE FROM review_comments WHERE article_id = ?', [ARTICLE_ID]);
      expect(await db.get('SELECT count(*) AS n FROM review_comment_mentions')).toEqual({ n: 0 });
      expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
    },
  },
  16: {
    before: async (db) => {
      await insertArticle(db);
      await db.run(
        "INSERT INTO profiles (id, name, role, created_at, updated_at) VALUES ('kim', '김기자', 'reporter', ?, ?), ('park', '박데스크', 'desk', ?, ?)",
        [AT, AT, AT, AT],
      );
    },
    adds: ['notifications', 'notifications_inbox', 'notifications_unread', 'notifications_article'],
    after: async (db) => {
      await articleKept(db);
      const notice =
        "INSERT INTO notifications (recipient_id, kind, article_id, actor_id, actor_name, text, created_at) VALUES ('kim', ?, ?, 'park', '박데스크', '출처 보강', ?)";
      await db.run(notice, ['returned', ARTICLE_ID, AT]);
      await expect(db.run(notice, ['deleted', ARTICLE_ID, AT])).rejects.toThrow(/CHECK/);
      // The purge deletes the story's row; its notices go with it.
      await db.run('DELETE FROM articles WHERE id = ?', [ARTICLE_ID]);
      expect(await db.get('SELECT count(*) AS n FROM notifications')).toEqual({ n: 0 });
    },
  },
};

const open: Database[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
  removeTempDirs();
});

async function objects(db: Database): Promise<Set<string>> {
  return new Set((await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")).map((r) => r.name));
}

describe('each SQLite migration, from the version before it', () => {
  it('has a check for every migration', () => {
    expect(Object.keys(STEPS).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it.each(MIGRATIONS.map((m) => m.version))('migration %i keeps the rows written before it and adds its schema', async (version) => {
    const step = STEPS[version]!;
    const db = await openDatabase(path.join(makeTempDir('byline-migrate-each-'), 'byline.sqlite3'));
    open.push(db);
    // The version before: numbers a parallel branch holds may be missing (013 was written before 012 landed).
    const previous = MIGRATIONS.findLast((m) => m.version < version)?.version ?? 0;
    await migrate(db, { target: previous });
    await step.before?.(db);
    const had = await objects(db);
    expect(await migrate(db, { target: version })).toEqual({ from: previous, to: version });
    const now = await objects(db);
    for (const name of step.adds) {
      expect(had.has(name), `${name} before ${version}`).toBe(false);
      expect(now.has(name), `${name} after ${version}`).toBe(true);
    }
    await step.after?.(db);
  });
});
