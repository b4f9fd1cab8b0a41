import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { makeTempDir, removeTempDirs } from '../integration/support/temp';

const ARTICLE_ID = '5f0c2a9e-7b1d-4e3a-9c8f-2d6b4a1e0f37';
const NOW = '2026-03-05T01:20:00.000Z';
let db: Database | undefined;

afterEach(async () => {
  await db?.close();
  db = undefined;
  removeTempDirs();
});

describe('migration 10 (Ghost targets)', () => {
  it('lets publish_targets hold ghost targets, keeping every target, its id, and what refers to it', async () => {
    db = await openDatabase(path.join(makeTempDir('byline-ghost-migrate-'), 'byline.sqlite3'));
    await migrate(db, { target: 9 });
    await db.run(
      `INSERT INTO articles (id, version, state, headline, deck, section, body_json, body_text, char_count, created_at, updated_at) VALUES (?, 1, 'published', '제목', '', 'IT/과학', '{}', '본문', 2, ?, ?)`,
      [ARTICLE_ID, NOW, NOW],
    );
    await db.run(
      "INSERT INTO publish_targets (kind, name, url, username, secret_sealed, created_at, updated_at, takedown, correction_prefix) VALUES ('wordpress', '본사', 'https://a', 'desk', 'v1:sealed', ?, ?, 'trash', 1)",
      [NOW, NOW],
    );
    const { lastId: gone } = await db.run(
      "INSERT INTO publish_targets (kind, name, url, folder, created_at, updated_at) VALUES ('html-bundle', '묶음', 'https://b', 'web', ?, ?)",
      [NOW, NOW],
    );
    await db.run("INSERT INTO publish_targets (kind, name, url, folder, created_at, updated_at) VALUES ('html-bundle', '묶음2', 'https://c', 'web2', ?, ?)", [
      NOW,
      NOW,
    ]);
    await db.run('DELETE FROM publish_targets WHERE id = ?', [gone]);
    await db.run(
      "INSERT INTO publish_records (article_id, target_id, idempotency_key, remote_id, remote_url, version, updated_at) VALUES (?, 1, 'k', '7', 'https://a/?p=7', 1, ?)",
      [ARTICLE_ID, NOW],
    );
    await db.run("INSERT INTO publish_media (target_id, media_id, remote_id, remote_url) VALUES (1, 'm', '9', 'https://a/m.jpg')");
    await db.run("INSERT INTO publish_attempts (article_id, target_id, target_name, version, at, result, tries) VALUES (?, 1, '본사', 1, ?, 'published', 1)", [
      ARTICLE_ID,
      NOW,
    ]);
    const before = await db.all('SELECT * FROM publish_targets ORDER BY id');

    expect(await migrate(db, { target: 10 })).toMatchObject({ from: 9 });
    expect(await db.all('SELECT * FROM publish_targets ORDER BY id')).toEqual(before);
    expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
    expect(await db.get<{ n: number }>('SELECT count(*) AS n FROM publish_records WHERE target_id = 1')).toEqual({ n: 1 });
    // The deleted target's id is not given out again.
    const { lastId } = await db.run(
      "INSERT INTO publish_targets (kind, name, url, secret_sealed, created_at, updated_at) VALUES ('ghost', '고스트', 'https://g', 'v1:sealed', ?, ?)",
      [NOW, NOW],
    );
    expect(lastId).toBe(4);
    await expect(
      db.run("INSERT INTO publish_targets (kind, name, url, created_at, updated_at) VALUES ('medium', 'x', 'https://m', ?, ?)", [NOW, NOW]),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db.run("INSERT INTO publish_records (article_id, target_id, idempotency_key, updated_at) VALUES (?, 99, 'k', ?)", [ARTICLE_ID, NOW]),
    ).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.run('DELETE FROM publish_attempts')).rejects.toThrow(/append-only/);
    expect((await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE name LIKE 'publish_targets_v10%'")).length).toBe(0);
  });

  it('applies to a database with no targets at all', async () => {
    db = await openDatabase(path.join(makeTempDir('byline-ghost-migrate-'), 'byline.sqlite3'));
    await migrate(db, { target: 10 });
    const { lastId } = await db.run("INSERT INTO publish_targets (kind, name, url, created_at, updated_at) VALUES ('ghost', '고스트', 'https://g', ?, ?)", [
      NOW,
      NOW,
    ]);
    expect(lastId).toBe(1);
  });
});
