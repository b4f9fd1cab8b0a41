import { afterEach, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../electron/db/articles-repo';
import { DatabaseWorkflowStore } from '../../electron/db/workflow-repo';
import type { Backend } from '../../electron/host/bootstrap';
import { ArticleService } from '../../electron/services/articles';
import { WorkflowService } from '../../electron/services/workflow';
import { DEFAULT_META, type Article, type ArticleFields } from '../../shared/article';
import type { CallContext } from '../../shared/call-context';
import type { Method } from '../../shared/contract';
import type { Notification } from '../../shared/contract-notifications';
import type { ReviewComment } from '../../shared/contract-workflow';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import type { Profile } from '../../shared/profiles';
import { startTestBackend } from './support/backend';
import { approvedSeedArticle } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';

/**
 * 알림 through the contract, on the backend as web mode starts it (and, with BYLINE_TEST_ENGINE=postgres,
 * on the PostgreSQL peer, where the table's trigger and the relay carry the event): each fact tells the
 * right person, never the one who acted, and each inbox is its caller's own.
 */

let backend: Backend;

afterEach(async () => {
  await backend.close().catch(() => undefined);
  removeTempDirs();
});

async function start(prefix: string): Promise<void> {
  ({ backend } = await startTestBackend(makeTempDir(prefix)));
}
async function call<T>(method: Method, input: unknown, context?: CallContext): Promise<Result<T>> {
  return (await backend.dispatch(method, input, context)) as Result<T>;
}
async function ok<T>(method: Method, input: unknown, context?: CallContext): Promise<T> {
  const r = await call<T>(method, input, context);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const inbox = (who: Profile, input: object = {}) => ok<{ items: Notification[]; unread: number }>('notifications.list', input, { actorId: who.id });

/** The next `notification.added` for `recipientId` (on PostgreSQL it comes back through NOTIFY, a moment later). */
function announced(recipientId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = backend.events.listen((name, payload) => {
      if (name === 'notification.added' && (payload as { recipientId: string }).recipientId === recipientId) {
        stop();
        resolve();
      }
    });
  });
}

/** The workflow as bootstrap wires it, on the backend's own database and inbox: the publishing service's way in. */
function workflowOnBackend(): WorkflowService {
  const store = new DatabaseWorkflowStore(backend.db);
  const articles = new ArticleService({ repo: new ArticleRepository(backend.db) });
  return new WorkflowService({ store, articles, notices: backend.notifications });
}

const SECTION = 'IT/과학';
const FIELDS: ArticleFields = {
  ...DEFAULT_META,
  headline: '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진',
  deck: '브룩헤이븐 연구소 방문',
  section: SECTION,
  body: editorStateFromParagraphs(['과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문해 양자기술 협력을 논의했다.']),
  bylines: [{ name: '김기자', email: '', title: '기자' }],
  sourceAttribution: '과학기술정보통신부',
};

async function people(): Promise<{ kim: Profile; desk: Profile; chief: Profile }> {
  return {
    kim: await ok<Profile>('profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' }),
    desk: await ok<Profile>('profiles.create', { name: '박데스크', email: '', role: 'desk', sections: [SECTION] }),
    chief: await ok<Profile>('profiles.create', { name: '최국장', email: '', role: 'chief' }),
  };
}

/** Filed by its reporter and taken up by the desk: in review, locked to the desk. */
async function inReview(p: { kim: Profile; desk: Profile }): Promise<Article> {
  const created = await ok<Article>('articles.create', {}, { actorId: p.kim.id });
  const saved = await ok<Article>('articles.save', { id: created.id, baseVersion: created.version, fields: FIELDS }, { actorId: p.kim.id });
  await ok('workflow.submit', { id: saved.id, version: saved.version, note: '' }, { actorId: p.kim.id });
  await ok('workflow.startReview', { id: saved.id }, { actorId: p.desk.id });
  return saved;
}

describe('who is told', () => {
  it('tells the reporter of a return with its reason, live, and nobody of their own moves', async () => {
    await start('byline-notify-return-');
    const p = await people();
    const story = await inReview(p);
    // Filing and taking up the story told nobody: the reporter acted, then the desk, on nobody else's behalf.
    expect((await inbox(p.kim)).items).toEqual([]);
    const heard = announced(p.kim.id);
    await ok('workflow.return', { id: story.id, reason: '출처를 보강하세요' }, { actorId: p.desk.id });
    await heard;
    const mine = await inbox(p.kim);
    expect(mine.unread).toBe(1);
    expect(mine.items).toMatchObject([
      { kind: 'returned', articleId: story.id, headline: FIELDS.headline, text: '출처를 보강하세요', by: { id: p.desk.id, name: '박데스크' }, readAt: null },
    ]);
    expect(await inbox(p.desk)).toEqual({ items: [], unread: 0 });
  });

  it('tells the reporter of the approval, the publication and the correction, newest first', async () => {
    await start('byline-notify-publish-');
    const story = await approvedSeedArticle(backend);
    // A bundle export leaves the state alone; a CMS's acceptance is what publish.run records through this.
    await workflowOnBackend().recordPublication({ id: story.article.id, actorId: story.desk.id, note: '워드프레스: https://news.example.com/1' });
    await ok('workflow.correct', { id: story.article.id, note: '장관 이름 오기 바로잡음' }, { actorId: story.desk.id });
    // The correction going out is not told twice: the 정정 already was.
    await workflowOnBackend().recordPublication({ id: story.article.id, actorId: story.desk.id });
    const mine = await inbox(story.reporter);
    expect(mine.items.map((n) => [n.kind, n.text, n.by.id])).toEqual([
      ['corrected', '장관 이름 오기 바로잡음', story.desk.id],
      ['published', '', story.desk.id],
      ['approved', '', story.desk.id],
    ]);
    expect(mine.unread).toBe(3);
    expect((await inbox(story.desk)).items).toEqual([]);
  });

  it('tells the reporter of a comment on their story, with the comment to open, but not of their own', async () => {
    await start('byline-notify-comment-');
    const p = await people();
    const story = await inReview(p);
    const comment = await ok<ReviewComment>(
      'workflow.comment',
      { id: story.id, version: story.version, body: '둘째 문단\n  수치의 출처는?' },
      { actorId: p.desk.id },
    );
    await ok('workflow.comment', { id: story.id, version: story.version, body: '보도자료 3쪽입니다' }, { actorId: p.kim.id });
    expect((await inbox(p.kim)).items).toMatchObject([{ kind: 'commented', commentId: comment.id, version: story.version, text: '둘째 문단 수치의 출처는?' }]);
    expect((await inbox(p.desk)).items).toEqual([]);
  });

  it('tells the reviewer whose lock the editor-in-chief took', async () => {
    await start('byline-notify-lock-');
    const p = await people();
    const story = await inReview(p);
    await ok('workflow.takeLock', { id: story.id, note: '마감이 급함' }, { actorId: p.chief.id });
    expect((await inbox(p.desk)).items).toMatchObject([{ kind: 'lock_taken', by: { id: p.chief.id, name: '최국장' }, text: '마감이 급함' }]);
    expect((await inbox(p.kim)).items).toEqual([]);
    expect((await inbox(p.chief)).items).toEqual([]);
  });

  it('tells each person a comment or reply @mentions, the reporter once, never the writer, and skips an id that is nobody here', async () => {
    await start('byline-notify-mention-');
    const p = await people();
    const story = await inReview(p);
    const comment = await ok<ReviewComment>('workflow.comment', { id: story.id, version: story.version, body: '@최국장 확인 부탁' }, { actorId: p.desk.id });
    expect(comment.mentions).toEqual([p.chief.id]);
    expect((await inbox(p.chief)).items).toMatchObject([{ kind: 'mentioned', commentId: comment.id, by: { id: p.desk.id }, text: '@최국장 확인 부탁' }]);
    expect((await inbox(p.kim)).items).toMatchObject([{ kind: 'commented', commentId: comment.id }]);

    // A reply naming the reporter tells them once, as the mention; the writer hears nothing of it.
    const reply = await ok<ReviewComment>('workflow.reply', { commentId: comment.id, body: `@${p.kim.name} 출처를 보강하세요` }, { actorId: p.chief.id });
    expect(reply.mentions).toEqual([p.kim.id]);
    expect((await inbox(p.kim)).items).toMatchObject([
      { kind: 'mentioned', commentId: reply.id, by: { id: p.chief.id } },
      { kind: 'commented', commentId: comment.id },
    ]);
    expect((await inbox(p.chief)).items).toHaveLength(1);
    expect((await inbox(p.desk)).items).toEqual([]);

    const nobody = '00000000-0000-4000-8000-000000000000';
    await backend.notifications.mentioned({
      articleId: story.id,
      commentId: comment.id,
      by: { id: p.desk.id, name: p.desk.name },
      recipients: [p.chief.id, p.desk.id, p.chief.id, nobody],
      text: comment.body,
    });
    expect((await inbox(p.chief)).items).toHaveLength(2);
    expect((await inbox(p.desk)).items).toEqual([]);
  });
});

describe('an inbox', () => {
  it('is read one by one or all at once, pages from the newest, and is its caller’s alone', async () => {
    await start('byline-notify-read-');
    const p = await people();
    const stories = [await inReview(p), await inReview(p), await inReview(p)];
    for (const s of stories) await ok('workflow.return', { id: s.id, reason: `반려 ${s.id.slice(0, 4)}` }, { actorId: p.desk.id });
    const all = await inbox(p.kim);
    expect(all.items.map((n) => n.articleId)).toEqual(stories.map((s) => s.id).reverse());
    const [newest, middle, oldest] = all.items as [Notification, Notification, Notification];
    expect((await inbox(p.kim, { limit: 2 })).items.map((n) => n.id)).toEqual([newest.id, middle.id]);
    expect((await inbox(p.kim, { before: middle.id })).items.map((n) => n.id)).toEqual([oldest.id]);

    // Another person's notice is not there to mark, nor to learn of.
    expect(await call('notifications.read', { id: middle.id }, { actorId: p.desk.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ok('notifications.read', { id: middle.id }, { actorId: p.kim.id })).toEqual({ unread: 2 });
    expect((await inbox(p.kim, { unreadOnly: true })).items.map((n) => n.id)).toEqual([newest.id, oldest.id]);
    expect(await ok('notifications.unreadCount', {}, { actorId: p.kim.id })).toEqual({ unread: 2 });
    expect(await call('notifications.read', { id: newest.id, all: true }, { actorId: p.kim.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('notifications.read', {}, { actorId: p.kim.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok('notifications.read', { all: true }, { actorId: p.kim.id })).toEqual({ unread: 0 });
    expect((await inbox(p.kim)).items.every((n) => n.readAt !== null)).toBe(true);

    // Nobody picked, no inbox; naming one in the input is refused by the contract.
    expect(await call('notifications.list', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('notifications.list', { recipientId: p.kim.id }, { actorId: p.desk.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
