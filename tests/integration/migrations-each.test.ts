import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations/index';
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
    await migrate(db, { target: version - 1 });
    await step.before?.(db);
    const had = await objects(db);
    expect(await migrate(db, { target: version })).toEqual({ from: version - 1, to: version });
    const now = await objects(db);
    for (const name of step.adds) {
      expect(had.has(name), `${name} before ${version}`).toBe(false);
      expect(now.has(name), `${name} after ${version}`).toBe(true);
    }
    await step.after?.(db);
  });
});
