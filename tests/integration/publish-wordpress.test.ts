import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/host/bootstrap';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import { storyMark } from '../../electron/publish/story-key';
import type { PublishAttempt, PublishTarget, TargetCheck } from '../../shared/contract-publish';
import type { Result } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import { seed } from '../fixtures/seed';
import { approvedSeedArticle, ok, type ApprovedArticle } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';
import { WpProxy } from './support/wp-proxy';

/*
 * Publishing to a real WordPress (Debian's package, started by tests/peers/wordpress-up.sh on
 * 127.0.0.1), through a real fault-injecting proxy. Without WordPress installed the suite is skipped
 * and says so; CI (.ci/run) installs it, so there these tests run for real.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const PEER = path.join(here, '..', 'peers', 'wordpress-up.sh');
const installed = existsSync('/usr/share/wordpress/wp-load.php') && ['/usr/bin/php', '/usr/bin/mysqld_safe'].every((f) => existsSync(f));
if (!installed) {
  console.warn(
    '[publish-wordpress] SKIPPED: WordPress is not installed here (apt-get install -y wordpress mariadb-server php-cli php-mysql curl; .ci/run does this). These tests need a real WordPress.',
  );
}

interface Wp {
  url: string;
  user: string;
  password: string;
}
let wp: Wp;
let proxy: WpProxy;
let backend: Backend;

async function wpGet<T>(route: string, query: Record<string, string> = {}): Promise<T> {
  const u = new URL(wp.url);
  u.searchParams.set('rest_route', route);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  const res = await fetch(u, { headers: { Authorization: `Basic ${Buffer.from(`${wp.user}:${wp.password}`).toString('base64')}` } });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function start(options: { timeoutMs?: number } = {}): Promise<void> {
  const dataDir = makeTempDir('byline-publish-wp-');
  const { conf } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
  backend = await startBackend({
    dataDir,
    settingsStore: confSettingsStore(conf),
    wordpress: { timeoutMs: options.timeoutMs ?? 10_000, retry: { attempts: 4, baseDelayMs: 50, maxDelayMs: 400 } },
  });
}

async function target(password = wp.password): Promise<PublishTarget> {
  return ok<PublishTarget>(backend, 'publish.saveTarget', {
    kind: 'wordpress',
    name: '테스트 워드프레스',
    settings: { url: proxy.url, username: wp.user },
    secret: password,
  });
}

/** Fresh photo bytes each run, so that the upload (with its Korean file name) really happens. */
const photoSeed = () => 1 + Math.floor(Math.random() * 1_000_000);

async function story(options: { embargoAt?: string | null } = {}): Promise<ApprovedArticle> {
  return approvedSeedArticle(backend, { photoSeed: photoSeed(), ...options });
}

async function run(s: ApprovedArticle, targetId: number): Promise<PublishAttempt> {
  return ok<PublishAttempt>(backend, 'publish.run', { articleId: s.article.id, targetId }, { actorId: s.desk.id });
}

async function state(s: ApprovedArticle): Promise<string> {
  return (await ok<{ state: string }>(backend, 'workflow.status', { id: s.article.id }, { actorId: s.desk.id })).state;
}

/** The story's posts on the site, any status but trash: those whose content carries its mark, whatever slug the site gave them. */
async function postsWithKey(s: ApprovedArticle): Promise<Array<{ id: number }>> {
  const mark = storyMark(s.article.id);
  const found = await wpGet<Array<{ id: number; content: { raw: string } }>>('/wp/v2/posts', { search: mark, status: 'any', context: 'edit' });
  return found.filter((p) => p.content.raw.includes(`<!--${mark}-->`));
}

const POSTS = /^\/wp\/v2\/posts$/;

describe.skipIf(!installed)('publishing to a real WordPress', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    // The peer leaves MariaDB and PHP running in the background and they keep a pipe open: its output goes
    // to a file instead, or reading it would wait for them to exit.
    const outFile = path.join(makeTempDir('byline-wp-peer-'), 'peer.txt');
    const fd = openSync(outFile, 'w');
    try {
      execFileSync('bash', [PEER], { timeout: 180_000, stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    const out = readFileSync(outFile, 'utf8').trim().split('\n').at(-1)!;
    const [url, user, password] = out.split(' ');
    if (!url || !user || !password) throw new Error(`wordpress-up.sh printed no credentials: ${out}`);
    wp = { url, user, password };
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

  it('publishes the approved story with its photos, reads back as the desk approved it, and a second publish updates the same post', async () => {
    const s = await story();
    const t = await target();
    const first = await run(s, t.id);
    expect(first, first.error ?? '').toMatchObject({ result: 'published', error: null });
    expect(await state(s)).toBe('published');

    const post = await wpGet<{
      id: number;
      status: string;
      link: string;
      title: { raw: string };
      content: { raw: string };
      excerpt: { raw: string };
      categories: number[];
      tags: number[];
      featured_media: number;
    }>(`/wp/v2/posts/${first.remoteId}`, { context: 'edit' });
    expect(post.status).toBe('publish');
    expect(post.link).toBe(first.remoteUrl);
    expect(post.title.raw).toBe(seed.headline);
    expect(post.excerpt.raw).toBe(seed.deck);
    const content = post.content.raw;
    for (const paragraph of seed.body) expect(content).toContain(`<p>${paragraph.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</p>`);
    expect(content.split(`(${seed.creditLine})`).length - 1).toBe(1);
    // A "[" in text goes as a character reference, so WordPress never reads it as a shortcode.
    expect(content).toContain(seed.attributionLine.replace('[', '&#91;'));
    expect(content).toContain(`<span class="story-photo__caption">${s.inline.caption.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</span>`);
    const categories = await wpGet<Array<{ name: string }>>('/wp/v2/categories', { include: post.categories.join(','), _fields: 'name' });
    expect(categories.map((c) => c.name)).toEqual([seed.section]);
    const tags = await wpGet<Array<{ name: string }>>('/wp/v2/tags', { include: post.tags.join(','), _fields: 'name' });
    expect(tags.map((c) => c.name).sort()).toEqual(['양자', '한미협력'].sort());

    const featured = await wpGet<{ id: number; source_url: string; caption: { raw: string }; alt_text: string; media_details: { file: string } }>(
      `/wp/v2/media/${post.featured_media}`,
      {
        context: 'edit',
      },
    );
    expect(featured.caption.raw).toBe(`${s.lead.caption} ${s.lead.credit}`);
    expect(featured.alt_text).toBe(s.lead.alt);
    // The Korean file name went as ASCII (WordPress reads only filename=).
    expect(path.basename(featured.media_details.file)).toMatch(/^[A-Za-z0-9._-]+$/);
    // The lead photo is the featured image, not repeated in the content; the body's photo points at its upload.
    expect(content).not.toContain(featured.source_url);
    const inlineMedia = await wpGet<Array<{ caption: { raw: string }; alt_text: string; source_url: string }>>('/wp/v2/media', {
      slug: `byline-photo-${s.inline.mediaId.slice(0, 16)}`,
      context: 'edit',
    });
    // WordPress reads a caption as HTML: it went escaped.
    expect(inlineMedia[0]).toMatchObject({
      caption: { raw: `${s.inline.caption.replace('<', '&lt;').replace('>', '&gt;')} ${s.inline.credit}` },
      alt_text: s.inline.alt,
    });
    expect(path.basename(inlineMedia[0]!.source_url)).toMatch(/^IBM-MOU-[0-9a-f]{12}(-\d+)?\.jpg$/);
    expect(content).toContain(`<img src="${inlineMedia[0]!.source_url}"`);

    // Again: the same post is updated, no second post and no second upload.
    proxy.clear();
    const second = await run(s, t.id);
    expect(second).toMatchObject({ result: 'updated', remoteId: first.remoteId, remoteUrl: first.remoteUrl, error: null });
    expect(proxy.count('POST', POSTS)).toBe(0);
    expect(proxy.seen.filter((r) => r.method === 'POST' && r.route === '/wp/v2/media')).toHaveLength(0);
    expect(await postsWithKey(s)).toHaveLength(1);

    const log = await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: s.article.id });
    expect(log.map((a) => a.result)).toEqual(['updated', 'published']);
    expect(JSON.stringify(log)).not.toContain(wp.password);
  });

  it('a create whose answer was dropped is found by its key, not made twice', async () => {
    const s = await story();
    const t = await target();
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'drop-after' } });
    const attempt = await run(s, t.id);
    expect(attempt, attempt.error ?? '').toMatchObject({ result: 'published', error: null });
    expect(proxy.seen.some((r) => r.fault === 'drop-after')).toBe(true);
    expect(proxy.count('POST', POSTS)).toBe(1);
    expect(attempt.tries).toBeGreaterThan(proxy.seen.length - 1);
    expect(await postsWithKey(s)).toHaveLength(1);
    expect(await state(s)).toBe('published');
  });

  it('a slow answer times out, is retried with backoff, and still yields one post', async () => {
    await backend.close();
    await start({ timeoutMs: 6_000 });
    const s = await story();
    const t = await target();
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'delay', ms: 15_000 } });
    const attempt = await run(s, t.id);
    expect(attempt, attempt.error ?? '').toMatchObject({ result: 'published' });
    expect(proxy.seen.some((r) => r.fault === 'delay')).toBe(true);
    expect(await postsWithKey(s)).toHaveLength(1);
  });

  it('retries 500s; when they persist, logs a Korean failure and leaves the story approved', async () => {
    const s = await story();
    const t = await target();
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'status', status: 500 }, times: 2 });
    const recovered = await run(s, t.id);
    expect(recovered, recovered.error ?? '').toMatchObject({ result: 'published' });
    expect(proxy.seen.filter((r) => r.fault === 'status')).toHaveLength(2);

    const other = await story();
    proxy.clear();
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'status', status: 503 }, times: 100 });
    const failed = await run(other, t.id);
    expect(failed.result).toBe('failed');
    expect(failed.error).toMatch(/워드프레스 서버 오류.*HTTP 503/);
    expect(proxy.count('POST', POSTS)).toBe(4);
    expect(failed.remoteId).toBeNull();
    expect(await state(other)).toBe('approved');
    expect(await postsWithKey(other)).toHaveLength(0);
  });

  it('a wrong password (401) or a missing permission (403) fails at once, in Korean, without the password anywhere', async () => {
    const s = await story();
    const wrongPassword = 'aaaa bbbb cccc dddd eeee ffff';
    const bad = await target(wrongPassword);
    const attempt = await run(s, bad.id);
    expect(attempt.result).toBe('failed');
    expect(attempt.error).toContain('워드프레스 로그인에 실패했습니다');
    expect(attempt.tries).toBe(1);
    expect(JSON.stringify(attempt)).not.toContain(wrongPassword);
    expect(await state(s)).toBe('approved');

    const good = await target();
    proxy.clear();
    proxy.inject({
      method: 'POST',
      route: POSTS,
      fault: { kind: 'status', status: 403, code: 'rest_cannot_create', message: 'Sorry, you are not allowed to create posts as this user.' },
    });
    const forbidden = await run(s, good.id);
    expect(forbidden.result).toBe('failed');
    expect(forbidden.error).toContain('권한이 없습니다');
    expect(proxy.count('POST', POSTS)).toBe(1);
    expect(await state(s)).toBe('approved');
    const log = await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: s.article.id });
    expect(log.map((a) => a.result)).toEqual(['failed', 'failed']);
    expect(JSON.stringify(log)).not.toContain(wp.password);
    expect(JSON.stringify(log)).not.toContain(wrongPassword);
    const rows = await backend.db.all<Record<string, unknown>>('SELECT * FROM publish_targets');
    expect(JSON.stringify(rows)).not.toContain(wp.password);
  });

  it('연결 시험 names the account WordPress answers as and its role; a wrong password is answered in Korean, without the password', async () => {
    const good = await target();
    const check = await ok<TargetCheck>(backend, 'publish.testTarget', { targetId: good.id });
    expect(check.ok).toBe(true);
    expect(check.message).toMatch(
      new RegExp(`^연결됨: 워드프레스 127\\.0\\.0\\.1:\\d+ — ${wp.user} 계정 \\((관리자|편집자)\\)\\. 이 계정으로 출고할 수 있습니다\\.$`),
    );
    const wrongPassword = 'aaaa bbbb cccc dddd eeee ffff';
    const bad = await target(wrongPassword);
    const refused = await ok<TargetCheck>(backend, 'publish.testTarget', { targetId: bad.id });
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('워드프레스 로그인에 실패했습니다');
    expect(refused.message).not.toContain(wrongPassword);
    expect(proxy.count('POST', POSTS)).toBe(0);
  });

  it('an embargoed story is scheduled at the embargo time and stays approved', async () => {
    const embargoAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    const s = await story({ embargoAt });
    const t = await target();
    const attempt = await run(s, t.id);
    expect(attempt, attempt.error ?? '').toMatchObject({ result: 'scheduled', error: null });
    const post = await wpGet<{ status: string; date_gmt: string }>(`/wp/v2/posts/${attempt.remoteId}`, { context: 'edit' });
    expect(post.status).toBe('future');
    expect(`${post.date_gmt}.000Z`).toBe(embargoAt);
    expect(await state(s)).toBe('approved');
    const refused = (await backend.dispatch('workflow.status', { id: s.article.id }, { actorId: s.desk.id })) as Result<{ state: string }>;
    expect(refused.ok).toBe(true);
  });

  it('a corrected story is published again into the same post, with every correction note visible, oldest first', async () => {
    const s = await story();
    const t = await target();
    const first = await run(s, t.id);
    expect(first, first.error ?? '').toMatchObject({ result: 'published', error: null });

    await ok(backend, 'workflow.correct', { id: s.article.id, note: '장관 이름 <오기> 바로잡음' }, { actorId: s.desk.id });
    expect(await state(s)).toBe('corrected');
    const second = await run(s, t.id);
    expect(second, second.error ?? '').toMatchObject({ result: 'updated', error: null, remoteId: first.remoteId });
    expect(await state(s)).toBe('published');
    type Post = { id: number; title: { raw: string }; content: { raw: string } };
    let post = await wpGet<Post>(`/wp/v2/posts/${first.remoteId}`, { context: 'edit' });
    expect(post.title.raw).toBe(seed.headline);
    expect(post.content.raw).toMatch(
      /<p class="story-view__correction">&#91;정정\] \d{4}년 \d{1,2}월 \d{1,2}일 \d{2}:\d{2} — 장관 이름 &lt;오기&gt; 바로잡음<\/p>/,
    );

    // A later correction keeps the first note; the newsroom's "[정정보도]" title prefix, when chosen.
    await ok(backend, 'publish.saveTarget', { id: t.id, kind: 'wordpress', name: t.name, settings: { ...t.settings, correctionPrefix: true } });
    await ok(backend, 'workflow.correct', { id: s.article.id, note: '협약 날짜 정정' }, { actorId: s.desk.id });
    const third = await run(s, t.id);
    expect(third, third.error ?? '').toMatchObject({ result: 'updated', error: null, remoteId: first.remoteId });
    post = await wpGet<Post>(`/wp/v2/posts/${first.remoteId}`, { context: 'edit' });
    expect(post.title.raw).toBe(`[정정보도] ${seed.headline}`);
    const notes = post.content.raw.match(/<p class="story-view__correction">[^<]*<\/p>/g) ?? [];
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('장관 이름 &lt;오기&gt; 바로잡음');
    expect(notes[1]).toContain('협약 날짜 정정');
    expect(await postsWithKey(s)).toHaveLength(1);
  });

  it('a withdrawn story is taken down (draft by default, trash when chosen) and logged; a story not withdrawn or a reporter is refused', async () => {
    const chief = await ok<{ id: string }>(backend, 'profiles.create', { name: `최국장${photoSeed()}`, email: '', role: 'chief' });
    const t = await target();
    const s = await story();
    const first = await run(s, t.id);
    expect(first, first.error ?? '').toMatchObject({ result: 'published' });

    // Published, not withdrawn: publish.takedown is refused, publish.run updates it, never takes it down.
    const early = (await backend.dispatch('publish.takedown', { articleId: s.article.id, targetId: t.id }, { actorId: s.desk.id })) as Result<PublishAttempt>;
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const again = await run(s, t.id);
    expect(again.result).toBe('updated');
    expect((await wpGet<{ status: string }>(`/wp/v2/posts/${first.remoteId}`, { context: 'edit' })).status).toBe('publish');

    await ok(backend, 'workflow.withdraw', { id: s.article.id, reason: '사실관계 확인 필요' }, { actorId: chief.id });
    expect(await state(s)).toBe('withdrawn');
    const refused = (await backend.dispatch('publish.run', { articleId: s.article.id, targetId: t.id }, { actorId: s.reporter.id })) as Result<PublishAttempt>;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');

    const down = await ok<PublishAttempt>(backend, 'publish.takedown', { articleId: s.article.id, targetId: t.id }, { actorId: s.desk.id });
    expect(down, down.error ?? '').toMatchObject({ result: 'withdrawn', error: null, remoteId: first.remoteId });
    expect((await wpGet<{ status: string }>(`/wp/v2/posts/${first.remoteId}`, { context: 'edit' })).status).toBe('draft');
    const log = await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: s.article.id });
    expect(log.map((a) => a.result)).toEqual(['withdrawn', 'updated', 'published']);
    // Repeating is harmless: the post stays a draft, one post in all.
    expect((await run(s, t.id)).result).toBe('withdrawn');
    expect(await postsWithKey(s)).toHaveLength(1);

    // Trash, chosen per target.
    const trashing = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      id: t.id,
      kind: 'wordpress',
      name: t.name,
      settings: { ...t.settings, takedown: 'trash' },
    });
    expect(trashing.settings.takedown).toBe('trash');
    const s2 = await story();
    const p2 = await run(s2, t.id);
    expect(p2, p2.error ?? '').toMatchObject({ result: 'published' });
    await ok(backend, 'workflow.withdraw', { id: s2.article.id, reason: '중복 기사' }, { actorId: chief.id });
    const trashed = await ok<PublishAttempt>(backend, 'publish.run', { articleId: s2.article.id, targetId: t.id }, { actorId: chief.id });
    expect(trashed, trashed.error ?? '').toMatchObject({ result: 'withdrawn', error: null });
    expect((await wpGet<{ status: string }>(`/wp/v2/posts/${p2.remoteId}`, { context: 'edit' })).status).toBe('trash');
  });

  it('a takedown the site refuses (500s after retries) is logged as a Korean failure, not as withdrawn', async () => {
    const chief = await ok<{ id: string }>(backend, 'profiles.create', { name: `최국장${photoSeed()}`, email: '', role: 'chief' });
    const t = await target();
    const s = await story();
    const first = await run(s, t.id);
    expect(first.result).toBe('published');
    await ok(backend, 'workflow.withdraw', { id: s.article.id, reason: '사실관계 확인 필요' }, { actorId: chief.id });
    const POST = /^\/wp\/v2\/posts\/\d+$/;
    proxy.clear();
    proxy.inject({ method: 'POST', route: POST, fault: { kind: 'status', status: 500 }, times: 100 });
    const failed = await run(s, t.id);
    expect(failed).toMatchObject({ result: 'failed', remoteId: first.remoteId });
    expect(failed.error).toMatch(/워드프레스 서버 오류.*HTTP 500/);
    expect(proxy.count('POST', POST)).toBe(4);
    expect((await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: s.article.id })).map((a) => a.result)).toEqual(['failed', 'published']);
    expect((await wpGet<{ status: string }>(`/wp/v2/posts/${first.remoteId}`, { context: 'edit' })).status).toBe('publish');
  });
});
