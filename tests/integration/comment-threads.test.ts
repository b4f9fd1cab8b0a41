import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import type { CallContext } from '../../shared/call-context';
import { DEFAULT_META, type Article, type ArticleFields } from '../../shared/article';
import type { Method } from '../../shared/contract';
import type { ArticleWorkflow, ReviewComment } from '../../shared/contract-workflow';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import type { Profile } from '../../shared/profiles';
import { startTestBackend, TEST_ENGINE } from './support/backend';
import { makeTempDir, removeTempDirs } from './support/temp';

/**
 * Comments as conversations through the contract, on the backend as web mode starts it (and, with
 * BYLINE_TEST_ENGINE=postgres, on the PostgreSQL peer): replies join one thread, @이름 is stored as the
 * ids of people who exist, and a thread is resolved and reopened by those who may comment, no one else.
 */

let backend: Backend;

beforeEach(async () => {
  ({ backend } = await startTestBackend(makeTempDir('byline-threads-')));
});

afterEach(async () => {
  await backend.close().catch(() => undefined);
  removeTempDirs();
});

async function call<T>(method: Method, input: unknown, context?: CallContext): Promise<Result<T>> {
  return (await backend.dispatch(method, input, context)) as Result<T>;
}
async function ok<T>(method: Method, input: unknown, context?: CallContext): Promise<T> {
  const r = await call<T>(method, input, context);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
async function refused(method: Method, input: unknown, context?: CallContext): Promise<{ code: string; message: string }> {
  const r = await call(method, input, context);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

const SECTION = 'IT/과학';
const FIELDS: ArticleFields = {
  ...DEFAULT_META,
  headline: '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진',
  deck: '브룩헤이븐 연구소 방문',
  section: SECTION,
  body: editorStateFromParagraphs(['과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문해 양자기술 협력을 논의했다.']),
  bylines: [{ name: '김기자', email: '', title: '기자' }],
};

interface People {
  kim: Profile;
  lee: Profile;
  desk: Profile;
  sports: Profile;
  chief: Profile;
}

async function people(): Promise<People> {
  return {
    kim: await ok<Profile>('profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' }),
    lee: await ok<Profile>('profiles.create', { name: '이기자', email: '', role: 'reporter' }),
    desk: await ok<Profile>('profiles.create', { name: '박데스크', email: '', role: 'desk', sections: [SECTION] }),
    sports: await ok<Profile>('profiles.create', { name: '정데스크', email: '', role: 'desk', sections: ['스포츠'] }),
    chief: await ok<Profile>('profiles.create', { name: '최국장', email: '', role: 'chief' }),
  };
}

async function storyBy(owner: Profile): Promise<Article> {
  const created = await ok<Article>('articles.create', {}, { actorId: owner.id });
  return ok<Article>('articles.save', { id: created.id, baseVersion: created.version, fields: FIELDS }, { actorId: owner.id });
}

const as = (p: Profile): CallContext => ({ actorId: p.id });

describe(`comment threads (${TEST_ENGINE})`, () => {
  it('a reply joins the thread of its comment, a reply to a reply joins the same thread, and the list says which thread each is in', async () => {
    const p = await people();
    const story = await storyBy(p.kim);
    const first = await ok<ReviewComment>('workflow.comment', { id: story.id, version: story.version, body: '@김기자 리드가 깁니다.' }, as(p.desk));
    expect(first).toMatchObject({ parentId: null, mentions: [p.kim.id], reopenedAt: null });

    const reply = await ok<ReviewComment>('workflow.reply', { commentId: first.id, body: '@박데스크님 줄였습니다.' }, as(p.kim));
    expect(reply).toMatchObject({ parentId: first.id, articleId: story.id, anchor: null, version: story.version, author: { id: p.kim.id } });
    expect(reply.mentions).toEqual([p.desk.id]);

    const nested = await ok<ReviewComment>('workflow.reply', { commentId: reply.id, body: '좋습니다.' }, as(p.desk));
    expect(nested.parentId).toBe(first.id);
    expect(nested.mentions).toEqual([]);

    const list = await ok<ReviewComment[]>('workflow.comments', { id: story.id });
    expect(list.map((c) => [c.id, c.parentId])).toEqual([
      [first.id, null],
      [reply.id, first.id],
      [nested.id, first.id],
    ]);
    expect(list.map((c) => c.mentions)).toEqual([[p.kim.id], [p.desk.id], []]);
    // One thread is one open comment for the desk's counts, however many replies it has.
    expect((await ok<ArticleWorkflow>('workflow.status', { id: story.id }, as(p.desk))).openComments).toBe(1);

    expect((await refused('workflow.reply', { commentId: 999_999, body: '확인' }, as(p.kim))).code).toBe('NOT_FOUND');
  });

  it('stores as mentions only people who exist: an unknown @ or an @ inside a word stays text, the longest name wins, namesakes are both named', async () => {
    const p = await people();
    const kimJr = await ok<Profile>('profiles.create', { name: '김기자2', email: '', role: 'reporter' });
    const namesake = await ok<Profile>('profiles.create', { name: '최국장', email: '', role: 'reporter' });
    const story = await storyBy(p.kim);
    const post = (body: string) => ok<ReviewComment>('workflow.comment', { id: story.id, version: story.version, body }, as(p.desk));

    const unknown = await post('@없는사람 확인 바랍니다. 메일은 desk@박데스크 로.');
    expect(unknown.mentions).toEqual([]);
    expect(unknown.body).toBe('@없는사람 확인 바랍니다. 메일은 desk@박데스크 로.');

    expect((await post('@김기자2에게 넘깁니다')).mentions).toEqual([kimJr.id]);
    expect(new Set((await post('@김기자님, (@이기자) 확인')).mentions)).toEqual(new Set([p.kim.id, p.lee.id]));
    expect(new Set((await post('@최국장 보고')).mentions)).toEqual(new Set([p.chief.id, namesake.id]));
    expect((await post('@김기자 @김기자 두 번')).mentions).toEqual([p.kim.id]);
  });

  it('lets the reporter, the section desk and the chief reply, resolve and reopen; others are refused and nothing changes', async () => {
    const p = await people();
    const story = await storyBy(p.kim);
    const first = await ok<ReviewComment>('workflow.comment', { id: story.id, version: story.version, body: '출처를 밝히세요.' }, as(p.desk));
    const reply = await ok<ReviewComment>('workflow.reply', { commentId: first.id, body: '밝혔습니다.' }, as(p.kim));

    for (const other of [p.lee, p.sports]) {
      expect((await refused('workflow.reply', { commentId: first.id, body: '끼어듭니다' }, as(other))).code).toBe('FORBIDDEN');
      expect((await refused('workflow.resolveComment', { commentId: first.id }, as(other))).code).toBe('FORBIDDEN');
    }
    expect((await refused('workflow.reply', { commentId: first.id, body: '누구?' })).code).toBe('VALIDATION');

    // Resolving a reply resolves its thread.
    const resolved = await ok<ReviewComment>('workflow.resolveComment', { commentId: reply.id }, as(p.desk));
    expect(resolved).toMatchObject({ id: first.id, resolvedBy: { id: p.desk.id }, reopenedAt: null });
    expect(resolved.resolvedAt).not.toBeNull();
    expect((await refused('workflow.resolveComment', { commentId: first.id }, as(p.chief))).code).toBe('CONFLICT');
    expect((await ok<ArticleWorkflow>('workflow.status', { id: story.id }, as(p.desk))).openComments).toBe(0);

    for (const other of [p.lee, p.sports]) expect((await refused('workflow.reopenComment', { commentId: first.id }, as(other))).code).toBe('FORBIDDEN');
    const reopened = await ok<ReviewComment>('workflow.reopenComment', { commentId: first.id }, as(p.kim));
    expect(reopened).toMatchObject({ id: first.id, resolvedAt: null, resolvedBy: null, reopenedBy: { id: p.kim.id, name: '김기자' } });
    expect(reopened.reopenedAt).not.toBeNull();
    const again = await refused('workflow.reopenComment', { commentId: first.id }, as(p.kim));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/해결되지 않은 의견/);
    expect((await ok<ArticleWorkflow>('workflow.status', { id: story.id }, as(p.desk))).openComments).toBe(1);

    // Resolved again by the chief: resolving is no longer once only.
    expect((await ok<ReviewComment>('workflow.resolveComment', { commentId: first.id }, as(p.chief))).resolvedBy?.id).toBe(p.chief.id);
    const list = await ok<ReviewComment[]>('workflow.comments', { id: story.id });
    expect(list.map((c) => c.body)).toEqual(['출처를 밝히세요.', '밝혔습니다.']);
  });

  it('keeps a hostile body as text and refuses a blank or 10,000-character one with a Korean message, storing nothing', async () => {
    const p = await people();
    const story = await storyBy(p.kim);
    const first = await ok<ReviewComment>('workflow.comment', { id: story.id, version: story.version, body: '확인' }, as(p.desk));

    const script = '<script>alert(1)</script><img src=x onerror=alert(2)> @박데스크';
    const stored = await ok<ReviewComment>('workflow.reply', { commentId: first.id, body: script }, as(p.kim));
    expect(stored.body).toBe(script);
    expect(stored.mentions).toEqual([p.desk.id]);

    const long = await refused('workflow.reply', { commentId: first.id, body: '가'.repeat(10_000) }, as(p.kim));
    expect(long.code).toBe('VALIDATION');
    expect(long.message).toMatch(/[가-힣]/);
    const blank = await refused('workflow.reply', { commentId: first.id, body: ' \n ' }, as(p.kim));
    expect(blank.code).toBe('VALIDATION');
    expect(blank.message).toMatch(/답글을 입력하세요/);
    // A paste full of @ costs at most MAX_MENTION_TRIES look-ups; an @ past them stays text.
    const many = await ok<ReviewComment>('workflow.reply', { commentId: first.id, body: '@ '.repeat(30) + '@김기자' }, as(p.desk));
    expect(many.mentions).toEqual([]);

    expect((await ok<ReviewComment[]>('workflow.comments', { id: story.id })).length).toBe(3);
  });

  it.skipIf(TEST_ENGINE !== 'postgres')('on the newsroom server, mentions a signed-in account and not a disabled one', async () => {
    const p = await people();
    const story = await storyBy(p.kim);
    const at = new Date().toISOString();
    await backend.db.run("UPDATE profiles SET login = 'lee', disabled_at = ? WHERE id = ?", [at, p.lee.id]);
    await backend.db.run("UPDATE profiles SET login = 'park' WHERE id = ?", [p.desk.id]);
    const c = await ok<ReviewComment>('workflow.comment', { id: story.id, version: story.version, body: '@이기자 @박데스크 확인' }, as(p.kim));
    expect(c.mentions).toEqual([p.desk.id]);
  });
});
