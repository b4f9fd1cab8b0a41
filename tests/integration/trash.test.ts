import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import type { CallContext } from '../../shared/call-context';
import { DEFAULT_META, fieldsOf, type Article, type ArticleFields, type ArticleSummary } from '../../shared/article';
import type { Method } from '../../shared/contract';
import type { PublishTarget } from '../../shared/contract-publish';
import type { TrashItem } from '../../shared/contract-trash';
import type { ArticleWorkflow, QueueCounts, QueueItem, WorkflowEvent } from '../../shared/contract-workflow';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import type { MediaItem, PhotoRef } from '../../shared/media';
import type { Profile } from '../../shared/profiles';
import type { SearchResult } from '../../shared/search';
import { startTestBackend } from './support/backend';
import { makeImage } from './support/images';
import { approvedSeedArticle } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';

/**
 * 송고 취소, the 휴지통 and 사본 만들기 through the contract, on the backend as web mode starts it (and, with
 * BYLINE_TEST_ENGINE=postgres, on the PostgreSQL peer): who may, in which state, what the queues, search
 * and history then show, and the purge 30 days on, with the clock moved rather than waited for.
 */

let backend: Backend;
let dataDir: string;
const DAY = 24 * 60 * 60 * 1000;

async function start(now?: () => Date): Promise<void> {
  ({ backend } = await startTestBackend(dataDir, undefined, now ? { now } : {}));
}

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
  chief: Profile;
}

async function people(): Promise<People> {
  return {
    kim: await ok<Profile>('profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' }),
    lee: await ok<Profile>('profiles.create', { name: '이기자', email: '', role: 'reporter' }),
    desk: await ok<Profile>('profiles.create', { name: '박데스크', email: '', role: 'desk', sections: [SECTION] }),
    chief: await ok<Profile>('profiles.create', { name: '최국장', email: '', role: 'chief' }),
  };
}

async function draftBy(owner: Profile, fields: Partial<ArticleFields> = {}): Promise<Article> {
  const created = await ok<Article>('articles.create', {}, { actorId: owner.id });
  return ok<Article>('articles.save', { id: created.id, baseVersion: created.version, fields: { ...FIELDS, ...fields } }, { actorId: owner.id });
}

async function photo(seed: number): Promise<PhotoRef> {
  const data = new Uint8Array(await makeImage('jpeg', { width: 640, height: 480, seed }));
  const { item } = await ok<{ item: MediaItem }>('media.import', { fileName: `${seed}.jpg`, data });
  return { mediaId: item.id, caption: `사진 ${seed}`, credit: '포탈뉴스통신', alt: '' };
}

const mine = async (who: Profile) => (await ok<{ items: QueueItem[] }>('workflow.queue', { queue: 'mine' }, { actorId: who.id })).items.map((i) => i.id);
const found = async (text: string) => (await ok<SearchResult>('search.query', { text })).items.map((i) => i.id);
const listed = async () => (await ok<{ items: ArticleSummary[] }>('articles.list', { includeArchived: true })).items.map((i) => i.id);
const trash = (who?: Profile) => ok<{ items: TrashItem[]; total: number }>('trash.list', {}, who ? { actorId: who.id } : undefined);
const history = async (id: string) => (await ok<WorkflowEvent[]>('workflow.history', { id })).map((e) => [e.action, e.actor.name, e.from, e.to]);

describe('송고 취소 (recall)', () => {
  it('takes a filed story no desk has taken up back to draft, in the history and out of the desk queue', async () => {
    dataDir = makeTempDir('byline-trash-recall-');
    await start();
    const p = await people();
    const story = await draftBy(p.kim);
    await ok('workflow.submit', { id: story.id, version: story.version }, { actorId: p.kim.id });
    expect((await ok<QueueCounts>('workflow.counts', {}, { actorId: p.desk.id })).desk).toBe(1);

    // Only its reporter: another reporter and the section's desk are refused, in Korean.
    expect(await call('workflow.recall', { id: story.id }, { actorId: p.lee.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '다른 기자의 기사는 송고 취소할 수 없습니다.' },
    });
    expect(await call('workflow.recall', { id: story.id }, { actorId: p.desk.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('workflow.recall', { id: story.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const status = await ok<ArticleWorkflow>('workflow.status', { id: story.id }, { actorId: p.kim.id });
    expect(status.allowed).toContain('recall');
    const recalled = await ok<{ article: Article; workflow: ArticleWorkflow }>('workflow.recall', { id: story.id }, { actorId: p.kim.id });
    expect(recalled.article.state).toBe('draft');
    expect(recalled.workflow).toMatchObject({ state: 'draft', editable: true });
    expect(recalled.workflow.allowed).toContain('submit');
    expect((await ok<QueueCounts>('workflow.counts', {}, { actorId: p.desk.id })).desk).toBe(0);
    expect(await history(story.id)).toEqual([
      ['submit', '김기자', 'draft', 'submitted'],
      ['recall', '김기자', 'submitted', 'draft'],
    ]);
    // The reporter writes on and files again.
    const fixed = await ok<Article>(
      'articles.save',
      { id: story.id, baseVersion: story.version, fields: { ...FIELDS, deck: '고친 부제' } },
      { actorId: p.kim.id },
    );
    await ok('workflow.submit', { id: story.id, version: fixed.version }, { actorId: p.kim.id });
  });

  it('is refused once a desk has started the review, and for a draft that was never filed', async () => {
    dataDir = makeTempDir('byline-trash-recall-late-');
    await start();
    const p = await people();
    const story = await draftBy(p.kim);
    expect(await call('workflow.recall', { id: story.id }, { actorId: p.kim.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok('workflow.submit', { id: story.id, version: story.version }, { actorId: p.kim.id });
    await ok('workflow.startReview', { id: story.id }, { actorId: p.desk.id });
    const late = await call('workflow.recall', { id: story.id }, { actorId: p.kim.id });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('데스크가 이미 검토를 시작한 기사') as unknown, details: { state: 'in_review' } },
    });
    expect((await ok<ArticleWorkflow>('workflow.status', { id: story.id }, { actorId: p.kim.id })).allowed).not.toContain('recall');
    expect((await ok<Article>('articles.get', { id: story.id })).state).toBe('in_review');
    expect((await history(story.id)).map(([action]) => action)).toEqual(['submit', 'start_review']);
  });
});

describe('휴지통 (discard, list, restore)', () => {
  it('a discarded draft leaves the queues, the list and search, is listed with who and when, and comes back whole', async () => {
    dataDir = makeTempDir('byline-trash-discard-');
    const at = new Date('2026-12-01T09:00:00.000Z');
    await start(() => at);
    const p = await people();
    const story = await draftBy(p.kim, { headline: '휴지통시험 양자기술 협력' });
    const other = await draftBy(p.kim, { headline: '남는기사 반도체 협력' });
    expect(await found('휴지통시험')).toEqual([story.id]);

    // Another reporter may not; the section's desk may (the edit rules), but here the reporter does.
    expect(await call('trash.discard', { id: story.id }, { actorId: p.lee.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const item = await ok<TrashItem>('trash.discard', { id: story.id }, { actorId: p.kim.id });
    expect(item).toMatchObject({ id: story.id, discardedBy: { name: '김기자' }, owner: { name: '김기자' }, restorable: true });
    expect(new Date(item.purgeAt).getTime() - new Date(item.discardedAt).getTime()).toBe(30 * DAY);
    expect(await call('trash.discard', { id: story.id }, { actorId: p.kim.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    expect(await mine(p.kim)).toEqual([other.id]);
    expect(await listed()).toEqual([other.id]);
    // 내 기사 without words: the listing the left panel shows, archived stories included or not.
    expect(await found('')).toEqual([other.id]);
    expect((await ok<SearchResult>('search.query', { includeArchived: true })).items.map((i) => i.id)).toEqual([other.id]);
    expect(await found('휴지통시험')).toEqual([]);
    expect(await found('협력')).toEqual([other.id]);
    const list = await trash(p.lee);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: story.id, headline: '휴지통시험 양자기술 협력', restorable: false });
    expect((await trash(p.kim)).items[0]!.restorable).toBe(true);

    // Nothing touches it while it is in the 휴지통: no save, no move, and the editor says why.
    const save = await call('articles.save', { id: story.id, baseVersion: story.version, fields: FIELDS }, { actorId: p.kim.id });
    expect(save).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('휴지통') as unknown } });
    expect(await call('workflow.submit', { id: story.id, version: story.version }, { actorId: p.kim.id })).toMatchObject({ ok: false });
    expect(await ok<ArticleWorkflow>('workflow.status', { id: story.id }, { actorId: p.kim.id })).toMatchObject({ editable: false, allowed: [] });

    expect(await call('trash.restore', { id: story.id }, { actorId: p.lee.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const back = await ok<Article>('trash.restore', { id: story.id }, { actorId: p.kim.id });
    expect(back).toMatchObject({ id: story.id, version: story.version, headline: '휴지통시험 양자기술 협력', state: 'draft' });
    expect((await mine(p.kim)).sort()).toEqual([story.id, other.id].sort());
    expect(await found('휴지통시험')).toEqual([story.id]);
    expect((await trash(p.kim)).total).toBe(0);
    expect(await call('trash.restore', { id: story.id }, { actorId: p.kim.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await history(story.id)).toEqual([
      ['discard', '김기자', 'draft', 'draft'],
      ['restore', '김기자', 'draft', 'draft'],
    ]);
    await ok('articles.save', { id: story.id, baseVersion: back.version, fields: { ...FIELDS, deck: '다시 씀' } }, { actorId: p.kim.id });

    // The section's desk may discard a reporter's draft too (they may edit it); a filed story may not be discarded.
    await ok('trash.discard', { id: other.id }, { actorId: p.desk.id });
    expect((await trash(p.kim)).items[0]).toMatchObject({ id: other.id, discardedBy: { name: '박데스크' }, owner: { name: '김기자' } });
    const filed = await draftBy(p.kim);
    await ok('workflow.submit', { id: filed.id, version: filed.version }, { actorId: p.kim.id });
    expect(await call('trash.discard', { id: filed.id }, { actorId: p.kim.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('작성 중인 기사만') as unknown },
    });
  });

  it('refuses a story that was ever sent to a target, even back in draft: it is withdrawn, never deleted', async () => {
    dataDir = makeTempDir('byline-trash-published-');
    await start();
    const story = await approvedSeedArticle(backend);
    const target = await ok<PublishTarget>('publish.saveTarget', {
      kind: 'html-bundle',
      name: '포털 묶음',
      settings: { url: 'https://news.example.com/', folder: 'portal' },
    });
    await ok('publish.run', { articleId: story.article.id, targetId: target.id }, { actorId: story.desk.id });
    const refusal = { ok: false, error: { code: 'CONFLICT', message: '출고된 적이 있는 기사는 지울 수 없습니다. 독자에게서 거두려면 편집국장이 철회하세요.' } };
    for (const who of [story.reporter, story.desk]) expect(await call('trash.discard', { id: story.article.id }, { actorId: who.id })).toMatchObject(refusal);
    // Returned and reopened, it is a draft its reporter may edit again, and still not theirs to delete.
    await ok('workflow.return', { id: story.article.id, reason: '다시 확인' }, { actorId: story.desk.id });
    await ok('workflow.reopen', { id: story.article.id }, { actorId: story.reporter.id });
    expect((await ok<Article>('articles.get', { id: story.article.id })).state).toBe('draft');
    expect(await call('trash.discard', { id: story.article.id }, { actorId: story.reporter.id })).toMatchObject(refusal);
    expect((await trash(story.reporter)).total).toBe(0);
  });
});

describe('the purge', () => {
  it('deletes what was discarded more than 30 days ago, with its versions, history and the photos nothing else shows; keeps the rest', async () => {
    dataDir = makeTempDir('byline-trash-purge-');
    const t0 = new Date('2026-11-01T09:00:00.000Z');
    let now = t0;
    await start(() => now);
    const p = await people();
    const [own, shared] = [await photo(1), await photo(2)];
    const body = editorStateFromParagraphs(['첫 문단']);
    body.root.children.push({ type: 'photo', version: 1, ...shared } as never);
    const old = await draftBy(p.kim, { headline: '지울기사', leadPhoto: own, body });
    await ok('workflow.comment', { id: old.id, version: old.version, body: '확인 부탁' }, { actorId: p.desk.id });
    const keeper = await draftBy(p.kim, { headline: '남는기사', leadPhoto: shared });
    await ok('trash.discard', { id: old.id }, { actorId: p.kim.id });
    now = new Date(t0.getTime() + 20 * DAY);
    const recent = await draftBy(p.lee, { headline: '최근에버림' });
    await ok('trash.discard', { id: recent.id }, { actorId: p.lee.id });

    // Day 29 for the old story: a restart purges nothing.
    await backend.close();
    now = new Date(t0.getTime() + 29 * DAY);
    await start(() => now);
    expect((await trash(p.kim)).items.map((i) => i.id).sort()).toEqual([old.id, recent.id].sort());

    // Day 31: the restart's purge takes the old one only.
    await backend.close();
    now = new Date(t0.getTime() + 31 * DAY);
    await start(() => now);
    expect((await trash(p.kim)).items.map((i) => i.id)).toEqual([recent.id]);
    expect(await call('articles.get', { id: old.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('workflow.history', { id: old.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const table of ['revisions', 'workflow_events', 'review_comments', 'article_workflow', 'media_usage']) {
      expect(await backend.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE article_id = ?`, [old.id]), table).toEqual({ n: 0 });
    }
    // Its own photo went with it; the photo another story shows stayed.
    expect(await call('media.get', { id: own.mediaId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('media.get', { id: shared.mediaId })).toMatchObject({ ok: true });
    if (backend.db.engine === 'postgres') {
      const blobs = await backend.db.all<{ media_id: string }>('SELECT media_id FROM media_blobs WHERE media_id IN (?, ?)', [own.mediaId, shared.mediaId]);
      expect(blobs).toEqual([{ media_id: shared.mediaId }]);
    }
    expect((await ok<Article>('articles.get', { id: keeper.id })).leadPhoto).toEqual(shared);
    expect(await ok<Article>('articles.get', { id: recent.id })).toMatchObject({ headline: '최근에버림' });
    expect(await found('지울기사')).toEqual([]);
    // A live story's versions are still append-only after all that.
    await expect(backend.db.run('DELETE FROM revisions WHERE article_id = ?', [keeper.id])).rejects.toThrow(/append-only/);
  });
});

describe('사본 만들기 (articles.copy)', () => {
  it('makes a new draft owned by the caller with the words and photos, without the versions or history', async () => {
    dataDir = makeTempDir('byline-article-copy-');
    await start();
    const p = await people();
    const lead = await photo(3);
    const story = await draftBy(p.kim, { leadPhoto: lead, tags: ['양자'] });
    await ok('workflow.submit', { id: story.id, version: story.version }, { actorId: p.kim.id });

    const copy = await ok<Article>('articles.copy', { id: story.id }, { actorId: p.lee.id });
    expect(copy.id).not.toBe(story.id);
    expect(copy).toMatchObject({
      state: 'draft',
      headline: `[사본] ${FIELDS.headline}`,
      deck: FIELDS.deck,
      section: SECTION,
      leadPhoto: lead,
      bylines: [{ name: '이기자', email: '', title: '기자' }],
    });
    expect(copy.body).toEqual(story.body);
    expect(await ok<WorkflowEvent[]>('workflow.history', { id: copy.id })).toEqual([]);
    expect((await ok<ArticleWorkflow>('workflow.status', { id: copy.id }, { actorId: p.lee.id })).owner).toMatchObject({ name: '이기자' });
    expect(await mine(p.lee)).toEqual([copy.id]);
    expect((await ok<Array<{ version: number }>>('articles.revisions', { id: copy.id })).length).toBeLessThanOrEqual(2);
    // The source is untouched and still filed.
    expect(fieldsOf(await ok<Article>('articles.get', { id: story.id })).headline).toBe(FIELDS.headline);
    expect((await ok<Article>('articles.get', { id: story.id })).state).toBe('submitted');
    expect(await call('articles.copy', { id: '00000000-0000-4000-8000-000000000000' }, { actorId: p.lee.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
