import { randomUUID } from 'node:crypto';
import Conf from 'conf';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/host/bootstrap';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import { koreanDay, postSlug } from '../../electron/publish/post-slug';
import { storyTag } from '../../electron/publish/story-key';
import { Slug } from '../../shared/article';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import type { Settings } from '../../shared/settings';
import { seed } from '../fixtures/seed';
import { approvedSeedArticle, ok, type ApprovedArticle } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';
import { startWordPress, wordpressInstalled, wpGet, type WpPeer } from './support/wp-peer';

/*
 * A post as WordPress's readers get it: the seed story with a lead photo and a photo in the body is
 * published to the real WordPress and read back through its REST API, raw and rendered: the 부제 block,
 * figures with caption and credit, the featured image and its caption, the reporter's own account as
 * author (or the printed byline), and a romanised slug that a correction does not move.
 */

if (!wordpressInstalled) console.warn('[publish-wordpress-post] SKIPPED: WordPress is not installed here (.ci/run installs it).');

let wp: WpPeer;
let backend: Backend;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function wpPost<T>(route: string, body: unknown, method: 'POST' | 'DELETE' = 'POST'): Promise<T> {
  const u = new URL(wp.url);
  u.searchParams.set('rest_route', route);
  if (method === 'DELETE') u.searchParams.set('force', 'true');
  const res = await fetch(u, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(`${wp.user}:${wp.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A reporter's own account on the site, with an address no other run used (the site outlives the run). */
async function reporterAccount(): Promise<{ id: number; email: string }> {
  const tag = randomUUID().slice(0, 8);
  const email = `reporter-${tag}@example.com`;
  const user = await wpPost<{ id: number }>('/wp/v2/users', {
    username: `reporter-${tag}`,
    email,
    password: `Pw-${randomUUID()}`,
    name: '김기자',
    roles: ['author'],
  });
  return { id: user.id, email };
}

interface Post {
  id: number;
  slug: string;
  author: number;
  date_gmt: string;
  featured_media: number;
  title: { raw: string };
  content: { raw: string; rendered: string };
}

async function readPost(id: string | number): Promise<Post> {
  return wpGet<Post>(wp, `/wp/v2/posts/${id}`, { context: 'edit' });
}

async function target(): Promise<PublishTarget> {
  return ok<PublishTarget>(backend, 'publish.saveTarget', {
    kind: 'wordpress',
    name: '독자용 워드프레스',
    settings: { url: wp.url, username: wp.user },
    secret: wp.password,
  });
}

async function run(s: ApprovedArticle, targetId: number): Promise<PublishAttempt> {
  const a = await ok<PublishAttempt>(backend, 'publish.run', { articleId: s.article.id, targetId }, { actorId: s.desk.id });
  expect(a.result, a.error ?? '').toMatch(/^(published|updated)$/);
  return a;
}

const photoSeed = () => 1 + Math.floor(Math.random() * 1_000_000);

/** The slug the story asked for at first publish, on the day WordPress dated the post. */
function askedSlug(s: ApprovedArticle, post: Post): string {
  return postSlug('date-words', { articleId: s.article.id, headline: seed.headline, editorSlug: '', at: new Date(`${post.date_gmt}Z`) });
}

describe.skipIf(!wordpressInstalled)('a WordPress post as readers see it', { timeout: 120_000 }, () => {
  beforeAll(() => {
    wp = startWordPress();
  }, 200_000);

  beforeEach(async () => {
    const dataDir = makeTempDir('byline-publish-wp-post-');
    const { conf } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
    backend = await startBackend({
      dataDir,
      settingsStore: confSettingsStore(conf),
      wordpress: { timeoutMs: 20_000, retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 400 } },
    });
  });

  afterEach(async () => {
    await backend.close();
    removeTempDirs();
  });

  it("leads with the deck, shows photos with caption and credit, is by the reporter's own account, and keeps its romanised slug through a correction", async () => {
    const me = await reporterAccount();
    const s = await approvedSeedArticle(backend, { photoSeed: photoSeed(), bylines: [{ name: '김기자', email: me.email.toUpperCase(), title: '기자' }] });
    const t = await target();
    const first = await run(s, t.id);
    const post = await readPost(first.remoteId!);

    // The 부제 opens the content, bold, in its own block; the body follows.
    expect(post.content.raw.startsWith(`<p class="byline-deck"><strong>${esc(seed.deck)}</strong></p>\n`)).toBe(true);
    expect(post.content.rendered).toContain(`<p class="byline-deck"><strong>${esc(seed.deck)}</strong></p>`);
    // The photo in the body: a figure whose figcaption holds the caption and the credit, escaped.
    // Marked as an image block, so block themes load the stylesheet that fits it to the column.
    const figure = post.content.rendered.match(/<figure class="wp-block-image story-photo">[\s\S]*?<\/figure>/)?.[0] ?? '';
    expect(figure).toMatch(/^<figure class="wp-block-image story-photo"><img [^>]*src="http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/[^"]+\.jpg"/);
    expect(figure).not.toContain('srcset');
    expect(figure).toContain(
      `<figcaption class="wp-element-caption"><span class="story-photo__caption">${esc(s.inline.caption)}</span> <span class="story-photo__credit">${esc(s.inline.credit)}</span></figcaption>`,
    );
    expect(post.content.raw).not.toContain('story-photo--lead');
    // The lead photo is the featured image, its caption and credit on the attachment.
    expect(post.featured_media).toBeGreaterThan(0);
    const media = await wpGet<{ caption: { raw: string }; alt_text: string }>(wp, `/wp/v2/media/${post.featured_media}`, { context: 'edit' });
    expect(media.caption.raw).toBe(esc(`${s.lead.caption} ${s.lead.credit}`));
    // The reporter's account, found by the byline's e-mail (in any case), is the author: no printed byline.
    expect(post.author).toBe(me.id);
    expect(post.content.raw).not.toContain('byline-author');
    // The slug: the Korean day and the headline's words; WordPress numbers it when an earlier run took it.
    const asked = askedSlug(s, post);
    expect(asked.startsWith(`${koreanDay(new Date(`${post.date_gmt}Z`))}-gwagijeongtongbu-baegyeonghun-janggwan-hanmi-`)).toBe(true);
    expect(asked.length).toBeLessThanOrEqual(80);
    expect(post.slug).toMatch(new RegExp(`^${asked}(-\\d+)?$`));

    // A correction that changes the headline ("[정정보도] " before it) goes into the same post under the same slug.
    await ok(backend, 'publish.saveTarget', { id: t.id, kind: 'wordpress', name: t.name, settings: { ...t.settings, correctionPrefix: true } });
    await ok(backend, 'workflow.correct', { id: s.article.id, note: '장관 이름 정정' }, { actorId: s.desk.id });
    const again = await run(s, t.id);
    expect(again.remoteId).toBe(first.remoteId);
    const corrected = await readPost(first.remoteId!);
    expect(corrected.title.raw).toBe(`[정정보도] ${seed.headline}`);
    expect(corrected.slug).toBe(post.slug);
  });

  it('prints the byline at the end of the body when no account has its e-mail, and always when the newsroom says so', async () => {
    const stranger = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    const s = await approvedSeedArticle(backend, { photoSeed: photoSeed(), bylines: [{ name: '김기자', email: stranger, title: '기자' }] });
    const t = await target();
    const a = await run(s, t.id);
    const post = await readPost(a.remoteId!);
    const me = await wpGet<{ id: number }>(wp, '/wp/v2/users/me');
    expect(post.author).toBe(me.id);
    const body = post.content.raw;
    expect(body).toContain('<p class="byline-author">김기자 기자</p>');
    // At the end of the body: after its last paragraph, before the 뉴스출처 line.
    expect(body.indexOf('byline-author')).toBeGreaterThan(body.indexOf(esc(seed.body.at(-1)!)));
    expect(body.indexOf('byline-author')).toBeLessThan(body.indexOf('story-view__attribution'));

    const mine = await reporterAccount();
    const settings = await ok<Settings>(backend, 'settings.get', {});
    await ok(backend, 'settings.set', { posts: { ...settings.posts, bylineInContent: true } });
    const s2 = await approvedSeedArticle(backend, { photoSeed: photoSeed(), bylines: [{ name: '이기자', email: mine.email, title: '특파원' }] });
    const post2 = await readPost((await run(s2, t.id)).remoteId!);
    expect(post2.author).toBe(mine.id);
    expect(post2.content.raw).toContain('<p class="byline-author">이기자 특파원</p>');
  });

  it('gives a headline of only punctuation and emoji a valid slug, and keeps a <script> caption as text', async () => {
    const s = await approvedSeedArticle(backend, {
      photoSeed: photoSeed(),
      headline: '🎉🔥!!! ……',
      inlineCaption: '<script>alert(1)</script> 서명식',
      deck: '부제 <img src=x onerror=alert(2)>',
    });
    const t = await target();
    const post = await readPost((await run(s, t.id)).remoteId!);
    const day = koreanDay(new Date(`${post.date_gmt}Z`));
    expect(post.slug).toBe(`${day}-${storyTag(s.article.id)}`);
    expect(Slug.safeParse(post.slug).success).toBe(true);
    for (const html of [post.content.raw, post.content.rendered]) {
      expect(html).not.toMatch(/<script|<img src=x/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 서명식');
      expect(html).toContain('<p class="byline-deck"><strong>부제 &lt;img src=x onerror=alert(2)&gt;</strong></p>');
    }
  });

  it("keeps the number WordPress gave its slug when the other story's post that held the plain slug is gone", async () => {
    const plain = `quantum-${randomUUID().slice(0, 8)}`;
    const other = await wpPost<{ id: number; slug: string }>('/wp/v2/posts', { slug: plain, title: '다른 기사', content: '다른 기사', status: 'publish' });
    expect(other.slug).toBe(plain);
    const s = await approvedSeedArticle(backend, { photoSeed: photoSeed(), slug: plain });
    const t = await target();
    const first = await run(s, t.id);
    expect((await readPost(first.remoteId!)).slug).toBe(`${plain}-2`);
    await wpPost(`/wp/v2/posts/${other.id}`, {}, 'DELETE');
    const again = await run(s, t.id);
    expect(again.remoteId).toBe(first.remoteId);
    expect((await readPost(first.remoteId!)).slug).toBe(`${plain}-2`);
  });
});
