import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/article';
import type { ArticleChanged } from '../../shared/contract-events';
import type { QueueItem } from '../../shared/contract-workflow';
import { FIELDS } from './support/dispatch-harness';
import {
  addPerson,
  bearer,
  call,
  cookie,
  ok,
  openEvents,
  post,
  setUpChief,
  signIn,
  startNewsroom,
  whoAmI,
  type Newsroom,
  type Person,
  type ServerEvent,
} from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * Two newsroom server processes on one PostgreSQL schema, as a newsroom runs them behind a load
 * balancer: each here has its own backend, pool and LISTEN connection (in one test process; the bench
 * runs separate ones). Nothing is shared between them but the database.
 */

const SECTION = FIELDS.section;
const BYLINE = [{ name: '김기자', email: '', title: '기자' }];

let schema: string;
let dirA: string;
let a: Newsroom;
let b: Newsroom;
let kim: Person;
let park: Person;
const open: Newsroom[] = [];

async function start(dir: string): Promise<Newsroom> {
  const room = await startNewsroom(dir, schema);
  open.push(room);
  return room;
}

async function stop(room: Newsroom): Promise<void> {
  open.splice(open.indexOf(room), 1);
  await room.close();
}

describe.skipIf(!PG_URL)(`two newsroom servers on one PostgreSQL (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  beforeAll(async () => {
    schema = schemaName();
    await openTestPg(schema);
    dirA = makeTempDir('byline-server-a-');
    a = await start(dirA);
    b = await start(makeTempDir('byline-server-b-'));
    const chief = await setUpChief(a);
    kim = await addPerson(a, chief.actor, { login: 'kim', name: '김기자', role: 'reporter', sections: [SECTION] });
    park = await addPerson(b, chief.actor, { login: 'park', name: '박데스크', role: 'desk', sections: [SECTION] });
  }, 60_000);

  afterAll(async () => {
    for (const room of open.splice(0)) await room.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('an article a 기자 files through A reaches the desk window open on B, which hears of it and finds it in its queue without reloading', async () => {
    const desk = await openEvents(b.origin, bearer(park.token));
    try {
      const created = await ok<Article>(a.origin, 'articles.create', { headline: FIELDS.headline }, bearer(kim.token));
      const saved = await ok<Article>(
        a.origin,
        'articles.save',
        { id: created.id, baseVersion: created.version, fields: { ...FIELDS, bylines: BYLINE } },
        bearer(kim.token),
      );
      await ok(a.origin, 'workflow.submit', { id: saved.id, version: saved.version }, bearer(kim.token));

      // On a shared database every story event comes from its triggers, named after the table: the
      // filing is the history row it appends, as B's own LISTEN connection hears it.
      const filed = (e: ServerEvent) => e.name === 'article.changed' && (e.data as ArticleChanged).articleId === saved.id;
      expect((await desk.next((e) => filed(e) && (e.data as ArticleChanged).cause === 'db.workflow_events')).data).toEqual({
        articleId: saved.id,
        cause: 'db.workflow_events',
      });
      // What the window does on hearing it: read its queue again, from B.
      const queue = await ok<{ items: QueueItem[] }>(b.origin, 'workflow.queue', { queue: 'desk' }, bearer(park.token));
      expect(queue.items.map((i) => [i.id, i.state, i.owner?.name])).toContainEqual([saved.id, 'submitted', '김기자']);
      // And B's desk may take it up: the move A's reporter made is the state B decides on.
      const review = await ok<{ workflow: { state: string; lock: { holder: { name: string } } } }>(
        b.origin,
        'workflow.startReview',
        { id: saved.id },
        bearer(park.token),
      );
      expect([review.workflow.state, review.workflow.lock.holder.name]).toEqual(['in_review', '박데스크']);
    } finally {
      desk.close();
    }
  });

  it('a session made on A speaks for the same person on B, as a workstation’s bearer token and as a browser’s cookie', async () => {
    const onB = await whoAmI(b.origin, bearer(kim.token));
    expect(onB.body.value).toMatchObject({ id: kim.actor.id, login: 'kim', role: 'reporter' });
    const browser = await signIn(a.origin, 'kim', kim.password, 'browser');
    expect((await whoAmI(b.origin, cookie(browser))).body.value).toMatchObject({ id: kim.actor.id });
    const created = await ok<Article>(b.origin, 'articles.create', { headline: '브라우저로 쓴 기사' }, cookie(browser));
    const status = await ok<{ owner: { name: string } }>(a.origin, 'workflow.status', { id: created.id }, bearer(kim.token));
    expect(status.owner.name).toBe('김기자');
    // A made-up session is refused on both alike.
    for (const room of [a, b]) expect((await call(room.origin, 'articles.list', {}, cookie('A'.repeat(43)))).body.error?.code).toBe('UNAUTHORIZED');
  });

  it('sessions outlive the server that made them: A restarts on the same schema and knows them; one signed out on B is refused on A at once', async () => {
    const browser = await signIn(a.origin, 'kim', kim.password, 'browser');
    const before = await ok<{ total: number }>(a.origin, 'articles.list', {}, bearer(kim.token));
    await stop(a);
    a = await start(dirA);

    expect((await whoAmI(a.origin, bearer(kim.token))).body.value).toMatchObject({ id: kim.actor.id });
    expect((await whoAmI(a.origin, cookie(browser))).body.value).toMatchObject({ id: kim.actor.id });
    expect((await ok<{ total: number }>(a.origin, 'articles.list', {}, bearer(park.token))).total).toBe(before.total);

    expect((await post(b.origin, '/auth/sign-out', {}, cookie(browser))).status).toBe(200);
    for (const room of [a, b]) {
      const refused = await call(room.origin, 'articles.list', {}, cookie(browser));
      expect([refused.status, refused.body.error?.code, refused.body.error?.message]).toEqual([401, 'UNAUTHORIZED', '로그아웃되었습니다. 다시 로그인하세요.']);
    }
    // Only that session ended: the same person's workstation token goes on working on both.
    for (const room of [a, b]) expect((await whoAmI(room.origin, bearer(kim.token))).status).toBe(200);
  });
});
