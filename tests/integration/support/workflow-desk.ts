import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { ArticleRepository } from '../../../electron/db/articles-repo';
import { openDatabase, type Database } from '../../../electron/db/database';
import { migrate } from '../../../electron/db/migrate';
import { ProfileRepository } from '../../../electron/db/profiles-repo';
import { SearchRepository } from '../../../electron/db/search/search-repo';
import { DatabaseWorkflowStore } from '../../../electron/db/workflow-repo';
import { ArticleService } from '../../../electron/services/articles';
import { ProfileService } from '../../../electron/services/profiles';
import { SearchService } from '../../../electron/services/search';
import { WorkflowService } from '../../../electron/services/workflow';
import { DEFAULT_META, type Article, type ArticleFields } from '../../../shared/article';
import { editorStateFromParagraphs } from '../../../shared/editor-state';
import { AppError } from '../../../shared/errors';
import type { Profile } from '../../../shared/profiles';
import { makeTempDir, removeTempDirs } from './temp';

/**
 * The desk's workflow on a real sqlite3 file, shared by workflow.test.ts and workflow-queues.test.ts:
 * services wired as electron/host/bootstrap.ts wires them, with a clock the tests move (embargoes and
 * queue order depend on time). The exports are live bindings, set afresh before each test.
 */

export const SECTION = 'IT/과학';
export const HEADLINE = '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진';
export const LEAD = '과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문해 브룩헤이븐 국립연구소와 양자기술 협력을 논의했다.';
export const PHOTO_ID = 'a'.repeat(64);

export let db: Database;
export let articles: ArticleService;
export let workflow: WorkflowService;
export let profiles: ProfileService;
export let search: SearchService;
export let clockMs: number;
export let reporter: Profile;
export let reporter2: Profile;
export let desk: Profile;
export let sportsDesk: Profile;
export let chief: Profile;

/** A clock that moves one second per reading, and jumps when a test says so. */
const clock = () => new Date((clockMs += 1_000));

export async function failure(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err;
  }
  throw new Error('expected an AppError');
}

export function complete(overrides: Partial<ArticleFields> = {}): ArticleFields {
  return {
    headline: HEADLINE,
    deck: '미국 에너지부 산하 브룩헤이븐 국립연구소 방문',
    section: SECTION,
    body: editorStateFromParagraphs([LEAD, '배 장관은 “양자 분야에서 한미 협력을 더 넓히겠다”고 말했다.']),
    ...DEFAULT_META,
    bylines: [{ name: '김기자', email: 'kim@example.com', title: '기자' }],
    ...overrides,
  };
}

/** A story by `owner`, saved complete (or with `overrides`), as version 2. */
export async function story(owner: Profile = reporter, overrides: Partial<ArticleFields> = {}): Promise<Article> {
  const created = await workflow.createArticle({ actorId: owner.id });
  return articles.save({ id: created.id, baseVersion: created.version, fields: complete(overrides), actorId: owner.id });
}

export async function submitted(owner: Profile = reporter, overrides: Partial<ArticleFields> = {}): Promise<Article> {
  const a = await story(owner, overrides);
  return (await workflow.submit({ id: a.id, actorId: owner.id, version: a.version, note: '' })).article;
}

export async function inReview(owner: Profile = reporter, reviewer: Profile = desk): Promise<Article> {
  const a = await submitted(owner);
  return (await workflow.startReview({ id: a.id, actorId: reviewer.id })).article;
}

export async function published(): Promise<Article> {
  const a = await inReview();
  await workflow.approve({ id: a.id, actorId: desk.id, version: a.version, note: '' });
  return (await workflow.recordPublication({ id: a.id, actorId: desk.id })).article;
}

export const events = async (id: string) => (await workflow.history(id)).map((e) => `${e.action}:${e.from}→${e.to}:${e.actor.name}`);
export const count = async (sql: string, params: string[] = []) => (await db.get<{ n: number }>(sql, params))!.n;

/** Registers the fresh database, services and profiles each test starts with (call at the top of a test file). */
export function useWorkflowDesk(): void {
  beforeEach(async () => {
    clockMs = Date.UTC(2026, 2, 5, 0, 0, 0);
    db = await openDatabase(path.join(makeTempDir('byline-workflow-'), 'byline.sqlite3'));
    await migrate(db);
    const store = new DatabaseWorkflowStore(db);
    articles = new ArticleService({
      repo: new ArticleRepository(db),
      now: clock,
      editGuard: (actorId, write) => (tx, id) => workflow.checkEdit(store.within(tx), id, actorId, write),
      ownerWriter: (ownerId) => (tx, id) => store.within(tx).updateWorkflow(id, { ownerId }),
    });
    workflow = new WorkflowService({ store, articles, now: clock });
    profiles = new ProfileService(new ProfileRepository(db), { now: clock });
    search = new SearchService(new SearchRepository(db));
    reporter = await profiles.create({ name: '김기자', email: 'kim@example.com', role: 'reporter', sections: [SECTION] });
    reporter2 = await profiles.create({ name: '이기자', email: '', role: 'reporter', sections: [] });
    desk = await profiles.create({ name: '박데스크', email: 'park@example.com', role: 'desk', sections: [SECTION, '경제'] });
    sportsDesk = await profiles.create({ name: '정데스크', email: '', role: 'desk', sections: ['스포츠'] });
    chief = await profiles.create({ name: '최국장', email: '', role: 'chief', sections: [] });
  });

  afterEach(async () => {
    await db.close();
    removeTempDirs();
  });
}

/** Moves the tests' clock (an embargo to pass, a queue to reorder). */
export function advanceClock(ms: number): void {
  clockMs += ms;
}
