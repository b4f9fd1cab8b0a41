import Conf from 'conf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/host/bootstrap';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import { storyMark } from '../../electron/publish/story-key';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import type { Settings } from '../../shared/settings';
import { approvedSeedArticle, ok, type ApprovedArticle } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';
import { startWordPress, wordpressInstalled, wpGet, type WpPeer } from './support/wp-peer';
import { WpProxy } from './support/wp-proxy';

/*
 * A create that reaches WordPress after Byline gave up on it: WordPress has no idempotency key, so the
 * late request makes a second post (its slug numbered "-2") next to the one Byline's retry made. Byline must
 * end with exactly one live post per story and the strays in the trash, and say so in the attempt's log.
 * The proxy holds the first create back past the client's timeout and lets it through at a chosen moment.
 */

if (!wordpressInstalled)
  console.warn('[publish-wordpress-late-create] SKIPPED: WordPress is not installed here (.ci/run installs it). These tests need a real WordPress.');

let wp: WpPeer;
let proxy: WpProxy;
let backend: Backend;

const POSTS = /^\/wp\/v2\/posts$/;
const POST = /^\/wp\/v2\/posts\/\d+$/;
const MOVED = /시간 초과 뒤 늦게 만들어진 중복 글 1건\(#(\d+)\)을 휴지통으로 옮겼습니다/;

interface Post {
  id: number;
  slug: string;
  status: string;
}

async function start(): Promise<void> {
  const dataDir = makeTempDir('byline-publish-wp-late-');
  const { conf } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
  // The held create times out soon; the rest has room on a machine that other test files keep busy.
  backend = await startBackend({
    dataDir,
    settingsStore: confSettingsStore(conf),
    wordpress: { timeoutMs: 4_000, retry: { attempts: 6, baseDelayMs: 50, maxDelayMs: 400 } },
  });
}

async function target(): Promise<PublishTarget> {
  return ok<PublishTarget>(backend, 'publish.saveTarget', {
    kind: 'wordpress',
    name: '테스트 워드프레스',
    settings: { url: proxy.url, username: wp.user },
    secret: wp.password,
  });
}

async function story(options: { embargoAt?: string } = {}): Promise<ApprovedArticle> {
  return approvedSeedArticle(backend, { photoSeed: 1 + Math.floor(Math.random() * 1_000_000), ...options });
}

async function run(s: ApprovedArticle, targetId: number): Promise<PublishAttempt> {
  return ok<PublishAttempt>(backend, 'publish.run', { articleId: s.article.id, targetId }, { actorId: s.desk.id });
}

/** The story's posts in `status`, whatever slug WordPress gave them: those whose content carries the story's mark, oldest first. */
async function marked(s: ApprovedArticle, status: string): Promise<Post[]> {
  const mark = storyMark(s.article.id);
  const found = await wpGet<Array<Post & { content: { raw: string } }>>(wp, '/wp/v2/posts', {
    search: mark,
    status,
    context: 'edit',
    _fields: 'id,slug,status,content',
  });
  return found
    .filter((p) => p.content.raw.includes(`<!--${mark}-->`))
    .map(({ id, slug, status: st }) => ({ id, slug, status: st }))
    .sort((a, b) => a.id - b.id);
}

/** The story's posts that are not in the trash. */
const live = (s: ApprovedArticle) => marked(s, 'any');

/** The story's posts in the trash (WordPress renames a trashed post's slug to `<slug>__trashed`, or `__trashed-2` when an earlier story's post with that readable slug is already there). */
const trashed = (s: ApprovedArticle) => marked(s, 'trash');

describe.skipIf(!wordpressInstalled)('a create that reaches WordPress after Byline timed out and retried', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    wp = startWordPress({ port: 8091, root: '/tmp/wp-late-create', workers: 4 });
    proxy = await WpProxy.start(wp.url);
  }, 200_000);

  afterAll(async () => {
    await proxy?.close();
  });

  beforeEach(async () => {
    proxy.clear();
    await start();
  });

  afterEach(async () => {
    await backend.close();
    removeTempDirs();
  });

  it('arriving just after the retry made the post: the late post is moved to the trash and the attempt says so; the next publish updates the one post', async () => {
    const s = await story();
    const t = await target();
    const late = proxy.hold({ method: 'POST', route: POSTS });
    // WordPress takes the retry's create first, then the held one, and only then does Byline get its answer.
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'hook', after: () => late.release() } });
    const attempt = await run(s, t.id);
    expect(attempt, attempt.error ?? '').toMatchObject({ result: 'published' });
    expect(proxy.count('POST', POSTS)).toBe(2);

    const posts = await live(s);
    expect(posts).toEqual([
      { id: Number(attempt.remoteId), slug: expect.stringMatching(/^\d{4}-\d{2}-\d{2}-gwagijeongtongbu-[a-z0-9-]+$/), status: 'publish' },
    ]);
    const gone = await trashed(s);
    expect(gone).toHaveLength(1);
    expect(gone[0]!.slug).toMatch(/^\d{4}-\d{2}-\d{2}-gwagijeongtongbu-[a-z0-9-]+__trashed(-\d+)?$/);
    expect(attempt.error).toMatch(MOVED);
    expect(Number(MOVED.exec(attempt.error!)![1])).toBe(gone[0]!.id);
    const log = await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: s.article.id });
    expect(log[0]!.error).toMatch(MOVED);

    proxy.clear();
    const again = await run(s, t.id);
    expect(again, again.error ?? '').toMatchObject({ result: 'updated', remoteId: attempt.remoteId, error: null });
    expect(proxy.count('POST', POSTS)).toBe(0);
    expect(await live(s)).toHaveLength(1);
  });

  it("arriving between the retry's look-up and its create: the first post is kept and brought up to date, the retry's own goes to the trash", async () => {
    const s = await story();
    const t = await target();
    const late = proxy.hold({ method: 'POST', route: POSTS });
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'hook', before: () => late.release() } });
    const attempt = await run(s, t.id);
    expect(attempt, attempt.error ?? '').toMatchObject({ result: 'published' });

    const posts = await live(s);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ status: 'publish' });
    // The late post came first: it is the story's post, and the one Byline made moved aside.
    expect(attempt.remoteId).toBe(String(posts[0]!.id));
    const gone = await trashed(s);
    expect(gone.map((p) => p.id)).toEqual([Number(MOVED.exec(attempt.error ?? '')?.[1])]);
    expect(gone[0]!.id).toBeGreaterThan(posts[0]!.id);
  });

  it('arriving after the whole run: the next publish of the story moves it to the trash and updates the one post', async () => {
    const s = await story();
    const t = await target();
    const late = proxy.hold({ method: 'POST', route: POSTS });
    const first = await run(s, t.id);
    expect(first, first.error ?? '').toMatchObject({ result: 'published', error: null });
    expect(await late.release()).toBe(201);
    // The duplicate is out there, published: this is what the newsroom would otherwise be left with.
    expect((await live(s)).map((p) => p.status)).toEqual(['publish', 'publish']);

    proxy.clear();
    const again = await run(s, t.id);
    expect(again, again.error ?? '').toMatchObject({ result: 'updated', remoteId: first.remoteId });
    expect(again.error).toMatch(MOVED);
    expect(await live(s)).toEqual([expect.objectContaining({ id: Number(first.remoteId), status: 'publish' })]);
    expect((await trashed(s)).map((p) => p.slug)).toEqual([expect.stringMatching(/__trashed(-\d+)?$/)]);
    expect(proxy.count('POST', POSTS)).toBe(0);
  });

  it('a withdrawn story is taken down with its late duplicate: the stray goes to the trash, nothing of the story stays public', async () => {
    const chief = await ok<{ id: string }>(backend, 'profiles.create', { name: `최국장${Math.floor(Math.random() * 1_000_000)}`, email: '', role: 'chief' });
    const s = await story();
    const t = await target();
    const late = proxy.hold({ method: 'POST', route: POSTS });
    const first = await run(s, t.id);
    expect(first, first.error ?? '').toMatchObject({ result: 'published', error: null });
    expect(await late.release()).toBe(201);

    await ok(backend, 'workflow.withdraw', { id: s.article.id, reason: '사실관계 확인 필요' }, { actorId: chief.id });
    // A site that will not trash the duplicate: the takedown is not done while a copy is still up.
    proxy.inject({ method: 'DELETE', route: POST, fault: { kind: 'status', status: 500 }, times: 100 });
    const refused = await ok<PublishAttempt>(backend, 'publish.takedown', { articleId: s.article.id, targetId: t.id }, { actorId: s.desk.id });
    expect(refused.result).toBe('failed');
    const stray = (await live(s)).find((p) => String(p.id) !== first.remoteId)!;
    expect(stray.status).toBe('publish');
    expect(refused.error).toContain(`중복 글 1건(#${stray.id})을 휴지통으로 옮기지 못했습니다 (HTTP 500)`);

    proxy.clear();
    const down = await ok<PublishAttempt>(backend, 'publish.takedown', { articleId: s.article.id, targetId: t.id }, { actorId: s.desk.id });
    expect(down).toMatchObject({ result: 'withdrawn', remoteId: first.remoteId });
    expect(down.error).toMatch(MOVED);
    expect(await live(s)).toEqual([expect.objectContaining({ id: Number(first.remoteId), status: 'draft' })]);
    expect(await trashed(s)).toHaveLength(1);
  });

  it("an embargoed story: the late scheduled post goes to the trash too, the story's own stays scheduled", async () => {
    const embargoAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const s = await story({ embargoAt });
    const t = await target();
    const late = proxy.hold({ method: 'POST', route: POSTS });
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'hook', after: () => late.release() } });
    const attempt = await run(s, t.id);
    expect(attempt, attempt.error ?? '').toMatchObject({ result: 'scheduled' });
    expect(attempt.error).toMatch(MOVED);
    expect(await live(s)).toEqual([expect.objectContaining({ id: Number(attempt.remoteId), status: 'future' })]);
    expect(await trashed(s)).toHaveLength(1);
  });

  it('a stray the site will not trash (500s) is named in the attempt, and the story is still published', async () => {
    const s = await story();
    const t = await target();
    const late = proxy.hold({ method: 'POST', route: POSTS });
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'hook', after: () => late.release() } });
    proxy.inject({ method: 'DELETE', route: POST, fault: { kind: 'status', status: 500 }, times: 100 });
    const attempt = await run(s, t.id);
    expect(attempt).toMatchObject({ result: 'published' });
    const posts = await live(s);
    expect(posts).toHaveLength(2);
    const stray = posts.find((p) => String(p.id) !== attempt.remoteId)!;
    expect(attempt.error).toContain(`중복 글 1건(#${stray.id})을 휴지통으로 옮기지 못했습니다`);
    expect(attempt.error).toContain('HTTP 500');
    expect(await trashed(s)).toHaveLength(0);
  });
});
