import { afterEach, describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/db/postgres/migrate';
import { PublishRepository } from '../../electron/db/publish-repo';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL } from './support/pg';

/*
 * Migration 011 on PostgreSQL, from a database at 010 with a target of each kind and rows that refer to
 * them: each target's settings become its kind's JSON document, its id, secret and times stay, what
 * refers to it still does, and kind takes any value (no CHECK): a new kind needs no migration.
 */

const AT = '2026-03-01T09:00:00.000Z';
const LATER = '2026-03-02T00:00:00.000Z';

describe.skipIf(!PG_URL)(`PostgreSQL migration 011: publish target settings as one document (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  afterEach(cleanUpPg);

  it('keeps every target of every kind, its id, secret and times, and what refers to it', async () => {
    const db = await openTestPg();
    await migratePg(db, { target: 10 });
    const row = `INSERT INTO publish_targets (id, kind, name, url, username, folder, secret_sealed, created_at, updated_at, takedown, correction_prefix)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    await db.run(row, [8, 'wordpress', '본사 "사이트"', 'https://wp.example.com/news', 'desk', '', 'v1:sealed-wp', AT, LATER, 'trash', 1]);
    await db.run(row, [9, 'ghost', '고스트', 'https://ghost.example.com', '', '', 'v1:sealed-ghost', AT, AT, 'draft', 0]);
    await db.run(row, [11, 'html-bundle', '포털 묶음', 'https://news.example.com/bundles/', '', 'portal', null, AT, AT, 'draft', 1]);
    await db.exec(`INSERT INTO articles (id, version, created_at, updated_at, body_json) VALUES ('a1', 1, '${AT}', '${AT}', '{}')`);
    await db.run(
      "INSERT INTO publish_records (article_id, target_id, idempotency_key, remote_id, remote_url, version, updated_at) VALUES ('a1', 8, 'k', '41', 'https://wp/41', 1, ?)",
      [AT],
    );
    await db.run("INSERT INTO publish_media (target_id, media_id, remote_id, remote_url) VALUES (9, 'm1', 'u', 'u')");
    await db.run(
      "INSERT INTO publish_attempts (article_id, target_id, target_name, version, at, result, tries) VALUES ('a1', 11, '포털 묶음', 1, ?, 'exported', 1)",
      [AT],
    );

    expect((await migratePg(db, { target: 11 })).applied).toEqual([11]);

    const rows = await db.all<{
      id: number;
      kind: string;
      name: string;
      settings_json: string;
      secret_sealed: string | null;
      created_at: string;
      updated_at: string;
    }>('SELECT id, kind, name, settings_json, secret_sealed, created_at, updated_at FROM publish_targets ORDER BY id');
    expect(rows.map((r) => ({ ...r, id: Number(r.id), settings_json: JSON.parse(r.settings_json) as unknown }))).toEqual([
      {
        id: 8,
        kind: 'wordpress',
        name: '본사 "사이트"',
        settings_json: { url: 'https://wp.example.com/news', username: 'desk', takedown: 'trash', correctionPrefix: true },
        secret_sealed: 'v1:sealed-wp',
        created_at: AT,
        updated_at: LATER,
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
    const listed = (await new PublishRepository(db).targets()).sort((a, b) => a.id - b.id);
    expect(listed.map((t) => [t.id, t.problem, t.hasSecret])).toEqual([
      [8, null, true],
      [9, null, true],
      [11, null, false],
    ]);
    expect(await db.get('SELECT count(*)::int AS n FROM publish_records WHERE target_id = 8')).toEqual({ n: 1 });
    expect(await db.get('SELECT count(*)::int AS n FROM publish_media WHERE target_id = 9')).toEqual({ n: 1 });
    expect(await db.get('SELECT count(*)::int AS n FROM publish_attempts WHERE target_id = 11')).toEqual({ n: 1 });

    const columns = await db.all<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'publish_targets' ORDER BY column_name",
    );
    expect(columns.map((c) => c.column_name)).toEqual(['created_at', 'id', 'kind', 'name', 'secret_sealed', 'settings_json', 'updated_at']);
    await expect(
      db.run("INSERT INTO publish_targets (kind, name, settings_json, created_at, updated_at) VALUES ('medium', '새 종류', '{}', ?, ?)", [AT, AT]),
    ).resolves.toMatchObject({ changes: 1 });
    await expect(
      db.run("INSERT INTO publish_targets (kind, name, created_at, updated_at) VALUES ('medium', '설정 없음', ?, ?)", [AT, AT]),
    ).rejects.toMatchObject({ code: '23502' });
  });
});
