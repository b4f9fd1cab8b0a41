import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_META, type Article, type ArticleFields } from '../../shared/article';
import type { OutboxSaveResult, OutboxStatus } from '../../shared/contract-outbox';
import type { ArticleWorkflow } from '../../shared/contract-workflow';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import { addPerson, bearer, call, ok, setUpChief, startNewsroom, type Newsroom, type Person } from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { TcpCut } from './support/tcp-cut';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * The newsroom server's outbox holds everyone's waiting text in one place. Server A loses its cable to
 * PostgreSQL while a 기자's save is in flight (held on the story's row lock, then cut), so the save waits
 * in A's outbox; a 데스크 on server B saves the story meanwhile; when A is back the waiting save is a
 * conflict. Only its author, or someone who may edit the story now, may settle it.
 */

const SECTION = 'IT/과학';
const fields = (paragraph: string): ArticleFields => ({
  headline: '양자기술 협력 방안 발표',
  deck: '',
  section: SECTION,
  body: editorStateFromParagraphs([paragraph]),
  ...DEFAULT_META,
});

let cable: TcpCut;
let a: Newsroom;
let b: Newsroom;
let schema: string;
const people = {} as Record<'kim' | 'lee' | 'park', Person>;

describe.skipIf(!PG_URL)(`settling a waiting conflict on the newsroom server (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  beforeAll(async () => {
    schema = schemaName();
    await openTestPg(schema);
    cable = TcpCut.forUrl(PG_URL!);
    await cable.open();
    b = await startNewsroom(makeTempDir('byline-outbox-b-'), schema);
    a = await startNewsroom(makeTempDir('byline-outbox-a-'), schema, { url: cable.urlFor(PG_URL!) });
    const chief = await setUpChief(b);
    people.kim = await addPerson(b, chief.actor, { login: 'kim', name: '김기자', role: 'reporter', sections: [SECTION] });
    people.lee = await addPerson(b, chief.actor, { login: 'lee', name: '이기자', role: 'reporter', sections: [SECTION] });
    people.park = await addPerson(b, chief.actor, { login: 'park', name: '박데스크', role: 'desk', sections: [SECTION] });
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cable?.close();
    await cleanUpPg();
    removeTempDirs();
  });

  /** A 기자's save on A that the cable's cut catches in flight: it waits in A's outbox. */
  async function saveCaughtByTheCut(story: Article, paragraph: string): Promise<void> {
    const locker = new pg.Client({ connectionString: PG_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`SELECT id FROM ${schema}.articles WHERE id = $1 FOR UPDATE`, [story.id]);
      const save = call(a, 'outbox.save', { id: story.id, baseVersion: story.version, fields: fields(paragraph) }, bearer(people.kim.token));
      // Cut only once A's save waits on the row: then it is in flight, past the session check. (Inside a
      // transaction pg_stat_activity is a snapshot, cleared before each look.)
      const waiting = async () => {
        await locker.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await locker.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query LIKE 'UPDATE articles %'",
        );
        return Number(rows[0]!.n);
      };
      await expect.poll(waiting, { timeout: 10_000 }).toBe(1);
      await cable.cut();
      const kept = await save;
      expect(kept.body, JSON.stringify(kept.body)).toMatchObject({ ok: true, value: { stored: 'local' } });
      await locker.query('ROLLBACK');
    } finally {
      await locker.end();
    }
  }

  it('another writer cannot take or drop a 기자’s waiting text; its author settles it as a copy', async () => {
    const kim = bearer(people.kim.token);
    const created = await ok<Article>(a, 'articles.create', { headline: '양자기술 협력 방안 발표', section: SECTION }, kim);
    const first = await ok<OutboxSaveResult>(a, 'outbox.save', { id: created.id, baseVersion: created.version, fields: fields('서버에 저장된 첫 문단.') }, kim);
    const story = (first as { article: Article }).article;

    await saveCaughtByTheCut(story, '김기자가 연결이 끊긴 채로 쓴 문단.');
    await ok(b, 'articles.save', { id: story.id, baseVersion: story.version, fields: fields('박데스크가 그사이 고친 문단.') }, bearer(people.park.token));
    await cable.mend();
    await expect
      .poll(async () => ((await call(a, 'outbox.status', {}, kim)).body.value as OutboxStatus | undefined)?.conflicts.length, { timeout: 30_000 })
      .toBe(1);
    const articles = async () => Number((await b.backend.db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))!.n);
    const before = await articles();

    // 이기자 may write, but this story is not theirs to edit and the waiting text is not theirs.
    const lee = bearer(people.lee.token);
    for (const input of [
      { articleId: story.id, keep: 'copy' },
      { articleId: story.id, keep: 'mine' },
      { articleId: story.id, keep: 'copy', fields: fields('이기자가 덮어쓰려는 문단.') },
    ]) {
      const r = await call(a, 'outbox.resolve', input, lee);
      expect([r.status, r.body.error?.code], JSON.stringify(input)).toEqual([403, 'FORBIDDEN']);
      expect(r.body.error?.message).toMatch(/다른 사람이 연결이 끊긴 동안 보관한 글입니다/);
    }
    expect(await articles()).toBe(before);
    const still = (await call(a, 'outbox.status', {}, kim)).body.value as OutboxStatus;
    expect(still.conflicts.map((c) => c.articleId)).toEqual([story.id]);

    // 김기자 keeps their text as a copy of their own; the desk's version stays as it is.
    const copy = await ok<Article>(a, 'outbox.resolve', { articleId: story.id, keep: 'copy' }, kim);
    expect(editorStateToText(copy.body)).toBe('김기자가 연결이 끊긴 채로 쓴 문단.');
    expect((await ok<ArticleWorkflow>(b, 'workflow.status', { id: copy.id }, kim)).owner?.name).toBe('김기자');
    expect(editorStateToText((await ok<Article>(b, 'articles.get', { id: story.id }, kim)).body)).toBe('박데스크가 그사이 고친 문단.');
    expect(((await call(a, 'outbox.status', {}, kim)).body.value as OutboxStatus).conflicts).toEqual([]);
  });

  it('a 데스크 who may edit the story may settle the waiting text; still nobody else', async () => {
    const kim = bearer(people.kim.token);
    const created = await ok<Article>(a, 'articles.create', { headline: '양자기술 협력 방안 발표', section: SECTION }, kim);
    const first = await ok<OutboxSaveResult>(a, 'outbox.save', { id: created.id, baseVersion: created.version, fields: fields('둘째 기사의 첫 문단.') }, kim);
    const story = (first as { article: Article }).article;

    await saveCaughtByTheCut(story, '김기자가 둘째 기사에 끊긴 채로 쓴 문단.');
    await ok(b, 'articles.save', { id: story.id, baseVersion: story.version, fields: fields('박데스크가 둘째 기사를 고친 문단.') }, bearer(people.park.token));
    await cable.mend();
    await expect
      .poll(async () => ((await call(a, 'outbox.status', {}, kim)).body.value as OutboxStatus | undefined)?.conflicts.length, { timeout: 30_000 })
      .toBe(1);

    expect((await call(a, 'outbox.resolve', { articleId: story.id, keep: 'mine' }, bearer(people.lee.token))).body.error?.code).toBe('FORBIDDEN');
    const kept = await ok<Article>(a, 'outbox.resolve', { articleId: story.id, keep: 'mine' }, bearer(people.park.token));
    expect(kept.id).toBe(story.id);
    expect(editorStateToText(kept.body)).toBe('김기자가 둘째 기사에 끊긴 채로 쓴 문단.');
  });
});
