import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Executor } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import type { Backend } from '../../electron/host/bootstrap';
import { fieldsOf, type Article } from '../../shared/article';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import type { Result } from '../../shared/errors';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { startTestBackend, TEST_ENGINE } from '../integration/support/backend';
import { approvedSeedArticle, ok } from '../integration/support/publish-article';
import { logicalDump, makeTempDir, removeTempDirs } from '../integration/support/temp';

/*
 * A backup file is whatever sits in the backups folder. These build hostile ones the way an attacker
 * would, with the sqlite3 package on a real backup, and show that a restore brings back rows only.
 */

let dir: string;
let backend: Backend;

beforeEach(async () => {
  dir = makeTempDir('byline-restore-armed-');
  ({ backend } = await startTestBackend(dir));
});

afterEach(async () => {
  await backend.close();
  removeTempDirs();
});

/** Runs SQL on a file with a plain sqlite3 connection (foreign keys off, as sqlite3 opens by default). */
async function tamper(file: string, sql: string): Promise<void> {
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, (err: Error | null) => (err ? reject(err) : resolve(db)));
  });
  try {
    await new Promise<void>((resolve, reject) => raw.exec(sql, (err: Error | null) => (err ? reject(err) : resolve())));
  } finally {
    await new Promise<void>((resolve) => raw.close(() => resolve()));
  }
}

/** The schema this build's migrations make, from scratch. */
async function migratedSchema(): Promise<Array<{ type: string; name: string; sql: string | null }>> {
  const db = await openDatabase(path.join(makeTempDir('byline-schema-'), 'fresh.sqlite3'));
  try {
    await migrate(db);
    return await schemaOf(db);
  } finally {
    await db.close();
  }
}

const schemaOf = (db: Executor) => db.all<{ type: string; name: string; sql: string | null }>('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name');

const backupPath = (name: string) => path.join(dir, 'backups', name);

async function restore(name: string): Promise<Result<unknown>> {
  return (await backend.dispatch('backup.restore', { name })) as Result<unknown>;
}

const beforeRestoreBackups = () =>
  existsSync(path.join(dir, 'backups')) ? readdirSync(path.join(dir, 'backups')).filter((n) => n.includes('before-restore')) : [];

describe.skipIf(TEST_ENGINE === 'postgres')("a restored backup brings back rows, never the file's schema", () => {
  it('leaves added triggers and views behind, puts dropped guards back, and refuses the export folder it points outside when used', async () => {
    const story = await approvedSeedArticle(backend);
    const PUBLIC = 'https://news.example.com/stories/';
    const target = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '포털 묶음',
      settings: { url: PUBLIC, folder: 'portal' },
    });
    const draft = await ok<Article>(backend, 'articles.create', { headline: '고쳐 쓸 기사' });
    await ok<Article>(backend, 'articles.save', { id: draft.id, baseVersion: draft.version, fields: { ...fieldsOf(draft), deck: '두 번째 판' } });
    const backup = await ok<{ name: string }>(backend, 'backup.create', {});
    await tamper(
      backupPath(backup.name),
      `DROP TRIGGER revisions_append_only_delete;
       DROP TRIGGER publish_attempts_append_only_update;
       CREATE TRIGGER prune_history AFTER INSERT ON revisions
         BEGIN DELETE FROM revisions WHERE article_id = NEW.article_id AND version < NEW.version; END;
       CREATE TRIGGER redirect_cms AFTER INSERT ON revisions
         BEGIN UPDATE publish_targets SET settings_json = json_set(settings_json, '$.url', 'https://evil.example/'); END;
       CREATE VIEW leak AS SELECT * FROM articles;
       UPDATE publish_targets SET settings_json = json_set(settings_json, '$.folder', '../victim');`,
    );

    expect(await restore(backup.name)).toMatchObject({ ok: true });
    expect(await schemaOf(backend.db)).toEqual(await migratedSchema());

    // A save appends a revision: every earlier version stays, and the CMS address is the one the desk saved.
    const versions = async () =>
      (await backend.db.all<{ version: number }>('SELECT version FROM revisions WHERE article_id = ? ORDER BY version', [draft.id])).map((r) => r.version);
    const article = await ok<Article>(backend, 'articles.get', { id: draft.id });
    await ok<Article>(backend, 'articles.save', { id: article.id, baseVersion: article.version, fields: { ...fieldsOf(article), deck: '복원 뒤 고친 부제' } });
    expect(await versions()).toEqual([1, 2, 3]);
    const stored = await backend.db.all<{ settings_json: string }>('SELECT settings_json FROM publish_targets');
    expect(stored.map((r) => (JSON.parse(r.settings_json) as { url: string }).url)).toEqual([PUBLIC]);
    await expect(backend.db.run('DELETE FROM revisions')).rejects.toThrow(/append-only/);

    // The restored folder value is data: its kind's schema refuses it as the target is read, and nothing is written outside.
    const refused = (await backend.dispatch(
      'publish.run',
      {
        articleId: story.article.id,
        targetId: target.id,
      },
      { actorId: story.desk.id },
    )) as Result<PublishAttempt>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/폴더/);
    expect((await ok<PublishTarget[]>(backend, 'publish.targets', {}))[0]!.problem).toMatch(/폴더 이름/);
    expect(existsSync(path.join(dir, 'victim'))).toBe(false);
  });

  it('brings an older backup up to the newest schema: every method answers without a restart', async () => {
    const old = path.join(makeTempDir('byline-old-'), 'old.sqlite3');
    const db = await openDatabase(old);
    await migrate(db, { target: 5 });
    const id = '5f0c2a9e-7b1d-4e3a-9c8f-2d6b4a1e0f37';
    const body = JSON.stringify(editorStateFromParagraphs(['(포탈뉴스통신) 예전 백업의 본문입니다.']));
    await db.run(
      `INSERT INTO articles (id, version, state, headline, section, body_json, body_text, created_at, updated_at)
       VALUES (?, 1, 'draft', '예전 백업의 기사', '사회', ?, '예전 백업의 본문입니다.', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
      [id, body],
    );
    await db.run(
      "INSERT INTO revisions (article_id, version, headline, deck, section, saved_at, body_json) VALUES (?, 1, '예전 백업의 기사', '', '사회', '2025-01-01T00:00:00.000Z', ?)",
      [id, body],
    );
    await db.close();
    mkdirSync(path.join(dir, 'backups'), { recursive: true });
    const name = 'byline-20250101-000000-000.sqlite3';
    copyFileSync(old, backupPath(name));

    expect(await restore(name)).toMatchObject({ ok: true });
    expect(await backend.dispatch('publish.targets', {})).toEqual({ ok: true, value: [] });
    expect(await backend.dispatch('import.get', { articleId: id })).toEqual({ ok: true, value: null });
    expect((await ok<Article>(backend, 'articles.get', { id })).headline).toBe('예전 백업의 기사');
    expect((await ok<{ total: number }>(backend, 'search.query', { text: '예전 백업' })).total).toBe(1);
  });

  it('refuses a SQLite file that is not a Byline database, a forged migration log, a table swapped for a view and rows pointing at nothing, changing nothing', async () => {
    await ok<Article>(backend, 'articles.create', { headline: '그대로 있을 기사' });
    const real = await ok<{ name: string }>(backend, 'backup.create', {});
    const before = await logicalDump(backend.db);
    const forge = async (n: number, sql: string, from?: string) => {
      const name = `byline-20250101-000000-00${n}.sqlite3`;
      if (from) copyFileSync(backupPath(from), backupPath(name));
      await tamper(backupPath(name), sql);
      return name;
    };
    const cases = [
      await forge(1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello');"),
      await forge(
        2,
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT); INSERT INTO schema_migrations VALUES (1, 'something else', '2025-01-01');",
      ),
      await forge(3, 'ALTER TABLE article_imports RENAME TO article_imports_old; CREATE VIEW article_imports AS SELECT * FROM article_imports_old;', real.name),
      await forge(
        4,
        "INSERT INTO revisions (article_id, version, headline, deck, section, saved_at, body_json) VALUES ('no-such-story', 1, '', '', '', '2025-01-01', '{}');",
        real.name,
      ),
    ];
    for (const name of cases) {
      const result = await restore(name);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(!result.ok && result.error.message).toMatch(/바이라인 백업이 아니어서 복원하지 않았습니다.*현재 데이터는 그대로입니다/);
    }
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
    expect(beforeRestoreBackups()).toEqual([]);
  });

  it('opens every connection with the schema untrusted', async () => {
    expect(await backend.db.get('PRAGMA trusted_schema')).toEqual({ trusted_schema: 0 });
    // The outbox and a restore's scratch database open through the same function.
    const other = await openDatabase(path.join(makeTempDir('byline-other-'), 'other.sqlite3'));
    try {
      expect(await other.get('PRAGMA trusted_schema')).toEqual({ trusted_schema: 0 });
    } finally {
      await other.close();
    }
  });
});
