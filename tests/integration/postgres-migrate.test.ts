import { afterEach, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../electron/db/articles-repo';
import { StorageError } from '../../electron/db/storage-error';
import { migratePg } from '../../electron/db/postgres/migrate';
import { PG_MIGRATIONS } from '../../electron/db/migrations/index';
import { DEFAULT_META, type ArticleFields } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { bigramText } from '../../shared/korean-tokens';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';

const NOW = '2026-03-02T09:00:00.000Z';

function fields(headline: string, paragraphs: string[]): ArticleFields {
  return { headline, deck: '', section: 'IT/과학', body: editorStateFromParagraphs(paragraphs), ...DEFAULT_META };
}

describe.skipIf(!PG_URL)(`PostgreSQL schema and migrations (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  afterEach(cleanUpPg);

  it('applies each migration exactly once when five workstations start at once', async () => {
    const schema = schemaName();
    const workstations = await Promise.all(Array.from({ length: 5 }, () => openTestPg(schema)));
    const results = await Promise.all(workstations.map((db) => migratePg(db)));
    const applied = results.flatMap((r) => r.applied).sort((x, y) => x - y);
    expect(applied).toEqual(PG_MIGRATIONS.map((m) => m.version));
    expect(results.every((r) => r.to === PG_MIGRATIONS.at(-1)!.version)).toBe(true);
    const recorded = await workstations[0]!.all<{ version: number; n: number }>(
      'SELECT version, count(*) AS n FROM schema_migrations GROUP BY version ORDER BY version',
    );
    expect(recorded).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version, n: 1 })));
    // A later start finds nothing to do.
    expect((await migratePg(workstations[1]!)).applied).toEqual([]);
  });

  it('refuses a schema written by a newer Byline and changes nothing', async () => {
    const db = await openTestPg(undefined, { migrated: true });
    await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [99, 'from the future', NOW]);
    const err = await migratePg(db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).reason).toBe('TOO_NEW');
  });

  it('keeps revisions, workflow events and publish attempts append-only, TRUNCATE included', async () => {
    const db = await openTestPg(undefined, { migrated: true });
    await db.exec(`
      INSERT INTO articles (id, version, created_at, updated_at, body_json) VALUES ('a1', 1, '${NOW}', '${NOW}', '{}');
      INSERT INTO profiles (id, name, role, created_at, updated_at) VALUES ('p1', '홍길동', 'desk', '${NOW}', '${NOW}');
      INSERT INTO revisions (article_id, version, headline, deck, section, saved_at, body_json) VALUES ('a1', 1, '', '', '', '${NOW}', '{}');`);
    const { lastId } = await db.run(
      'INSERT INTO workflow_events (article_id, action, from_state, to_state, actor_id, actor_name, actor_role, at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ['a1', 'submit', 'draft', 'submitted', 'p1', '홍길동', 'desk', NOW, 1],
    );
    expect(lastId).toBeGreaterThan(0);
    await expect(db.run("UPDATE revisions SET headline = 'x'")).rejects.toThrow('revisions are append-only');
    await expect(db.run('DELETE FROM revisions')).rejects.toThrow('revisions are append-only');
    await expect(db.exec('TRUNCATE revisions')).rejects.toThrow('revisions are append-only');
    await expect(db.run('UPDATE workflow_events SET note = ? WHERE id = ?', ['고침', lastId])).rejects.toThrow('workflow events are append-only');
    await expect(db.run('DELETE FROM workflow_events WHERE id = ?', [lastId])).rejects.toThrow('workflow events are append-only');
    await expect(db.exec('TRUNCATE publish_attempts')).rejects.toThrow('publish attempts are append-only');
    expect(await db.get('SELECT count(*) AS n FROM workflow_events')).toEqual({ n: 1 });
  });

  it('lets a review comment be resolved and reopened (015) and never reworded', async () => {
    const db = await openTestPg(undefined, { migrated: true });
    await db.exec(`
      INSERT INTO articles (id, version, created_at, updated_at, body_json) VALUES ('a1', 1, '${NOW}', '${NOW}', '{}');
      INSERT INTO profiles (id, name, role, created_at, updated_at) VALUES ('p1', '김데스크', 'desk', '${NOW}', '${NOW}');`);
    const { lastId: id } = await db.run(
      'INSERT INTO review_comments (article_id, author_id, author_name, author_role, version, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ['a1', 'p1', '김데스크', 'desk', 1, '제목을 줄이세요', NOW],
    );
    await expect(db.run('UPDATE review_comments SET body = ? WHERE id = ?', ['다른 말', id])).rejects.toThrow(/keep their words/);
    expect((await db.run('UPDATE review_comments SET resolved_at = ?, resolved_by = ? WHERE id = ?', [NOW, 'p1', id])).changes).toBe(1);
    // Since 015 a thread can be opened again; the service's compare-and-set keeps a resolve from landing twice.
    const reopen = 'UPDATE review_comments SET resolved_at = NULL, resolved_by = NULL, reopened_at = ?, reopened_by = ? WHERE id = ?';
    expect((await db.run(reopen, [NOW, 'p1', id])).changes).toBe(1);
    await expect(db.run('UPDATE review_comments SET parent_id = ? WHERE id = ?', [id, id])).rejects.toThrow(/keep their words/);
  });

  it('widened the attempt log to takedowns in place (008)', async () => {
    const db = await openTestPg(undefined, { migrated: true });
    const { lastId: target } = await db.run(
      "INSERT INTO publish_targets (kind, name, settings_json, created_at, updated_at) VALUES ('wordpress', '본사', '{}', ?, ?)",
      [NOW, NOW],
    );
    await db.exec(`INSERT INTO articles (id, version, created_at, updated_at, body_json) VALUES ('a1', 1, '${NOW}', '${NOW}', '{}')`);
    const attempt = (result: string) =>
      db.run('INSERT INTO publish_attempts (article_id, target_id, target_name, version, at, result) VALUES (?, ?, ?, ?, ?, ?)', [
        'a1',
        target,
        '본사',
        1,
        NOW,
        result,
      ]);
    await expect(attempt('withdrawn')).resolves.toMatchObject({ changes: 1 });
    await expect(attempt('deleted')).rejects.toMatchObject({ code: '23514' });
  });

  it('answers a two-syllable Korean query from the bigram tsvector, through the GIN index', async () => {
    const db = await openTestPg(undefined, { migrated: true });
    await db.run('INSERT INTO article_search (rowid, headline, body, facets) VALUES (?, ?, ?, ?)', [
      1,
      bigramText('배경훈 장관은 양자기술 협력'),
      bigramText('부장관님과 IBM 연구진'),
      'fstx6472616674',
    ]);
    await db.run('INSERT INTO article_search (rowid, headline, body) VALUES (?, ?, ?)', [2, bigramText('반도체 수출 동향'), '']);
    const match = (q: string) => db.all<{ rowid: number }>("SELECT rowid FROM article_search WHERE doc @@ to_tsquery('simple', ?) ORDER BY rowid", [q]);
    expect(await match('장관')).toEqual([{ rowid: 1 }]);
    expect(await match("'양자' <-> '자기' <-> '기술'")).toEqual([{ rowid: 1 }]);
    expect(await match('수출 & 동향')).toEqual([{ rowid: 2 }]);
    expect(await match('ibm & fstx6472616674')).toEqual([{ rowid: 1 }]);
    // Tokens only: the shaped text is not kept, as FTS5's contentless table keeps none.
    expect(await db.get('SELECT headline, body FROM article_search WHERE rowid = 1')).toEqual({ headline: null, body: null });
    // Two rows would be scanned whole; with scans priced out, the plan shows the GIN index can answer it.
    const plan = await db.transaction(async (tx) => {
      await tx.exec('SET LOCAL enable_seqscan = off');
      return tx.all<{ 'QUERY PLAN': string }>("EXPLAIN SELECT rowid FROM article_search WHERE doc @@ to_tsquery('simple', '장관')");
    });
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toContain('article_search_doc');
  });

  it('runs the articles repository unchanged: insert, save, and a stale save from another workstation', async () => {
    const schema = schemaName();
    const a = await openTestPg(schema, { migrated: true });
    const b = await openTestPg(schema);
    const repoA = new ArticleRepository(a);
    const repoB = new ArticleRepository(b);
    const derived = { bodyText: '본문', characters: 2 };
    const created = await repoA.insert({ id: 'story-1', fields: fields('첫 제목', ['본문']), derived, now: NOW });
    expect(created.version).toBe(1);
    const saved = await repoA.saveIfVersion({ id: 'story-1', baseVersion: 1, fields: fields('고친 제목', ['본문']), derived, now: NOW });
    expect(saved).toMatchObject({ status: 'ok', article: { version: 2, headline: '고친 제목' } });
    const stale = await repoB.saveIfVersion({ id: 'story-1', baseVersion: 1, fields: fields('늦은 제목', ['본문']), derived, now: NOW });
    expect(stale).toEqual({ status: 'stale', currentVersion: 2 });
    expect((await repoB.revisions('story-1')).map((r) => r.version)).toEqual([2, 1]);
  });
});
