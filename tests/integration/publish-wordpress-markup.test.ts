import Conf from 'conf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/host/bootstrap';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import type { Settings } from '../../shared/settings';
import { HOSTILE_TEXT, hostileApprovedArticle } from '../security/support/hostile-article';
import { liveProblems, parseFragment, squash, visibleText } from '../security/support/live-html';
import { ok, type ApprovedArticle } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';
import { startWordPress, wordpressInstalled, wpGet, type WpPeer } from './support/wp-peer';
import { WpProxy } from './support/wp-proxy';

/*
 * WordPress reads a post's title and excerpt, a term's name and a media item's title, caption and
 * description as HTML, runs shortcodes in content and descriptions, and an editor account has
 * unfiltered_html: nothing on the site filters what Byline sends. A story whose every typed field holds
 * markup (as a press release or a photo's own IPTC caption can) is published to the real WordPress and
 * read back, raw and rendered: nothing may run or load, and readers must see exactly what was typed.
 */

if (!wordpressInstalled)
  console.warn('[publish-wordpress-markup] SKIPPED: WordPress is not installed here (.ci/run installs it). These tests need a real WordPress.');

let wp: WpPeer;
let proxy: WpProxy;
let backend: Backend;

/** Writes to the site directly, as its own editors (or an earlier Byline) could. */
async function wpWrite(route: string, body: unknown): Promise<void> {
  const u = new URL(wp.url);
  u.searchParams.set('rest_route', route);
  const res = await fetch(u, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${wp.user}:${wp.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
}

async function target(): Promise<PublishTarget> {
  return ok<PublishTarget>(backend, 'publish.saveTarget', {
    kind: 'wordpress',
    name: '테스트 워드프레스',
    settings: { url: proxy.url, username: wp.user },
    secret: wp.password,
  });
}

async function run(s: ApprovedArticle, targetId: number): Promise<PublishAttempt> {
  return ok<PublishAttempt>(backend, 'publish.run', { articleId: s.article.id, targetId }, { actorId: s.desk.id });
}

/** Fresh photo bytes and term names each run: the site outlives the run. */
const photoSeed = () => 1 + Math.floor(Math.random() * 1_000_000);

describe.skipIf(!wordpressInstalled)('markup in typed fields, published to a real WordPress', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    wp = startWordPress();
    proxy = await WpProxy.start(wp.url);
  }, 200_000);

  afterAll(async () => {
    await proxy?.close();
  });

  beforeEach(async () => {
    proxy.clear();
    const dataDir = makeTempDir('byline-publish-wp-markup-');
    const { conf } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
    backend = await startBackend({
      dataDir,
      settingsStore: confSettingsStore(conf),
      wordpress: { timeoutMs: 10_000, retry: { attempts: 4, baseDelayMs: 50, maxDelayMs: 400 } },
    });
  });

  afterEach(async () => {
    await backend.close();
    removeTempDirs();
  });

  it('markup typed into headline, deck, section, tags, bylines, 뉴스출처, captions, credits and alt reaches readers as the text typed; nothing runs or loads', async () => {
    const s = await hostileApprovedArticle(backend, HOSTILE_TEXT, photoSeed());
    const t = await target();
    const attempt = await run(s, t.id);
    expect(attempt, attempt.error ?? '').toMatchObject({ result: 'published', error: null });
    const site = new URL(wp.url).origin;
    type Field = { raw: string; rendered: string };
    type Post = { title: Field; excerpt: Field; content: Field; categories: number[]; tags: number[]; featured_media: number };
    const post = await wpGet<Post>(wp, `/wp/v2/posts/${attempt.remoteId}`, { context: 'edit' });
    const problems: string[] = [];
    const check = (where: string, html: string, typed: string[]) => {
      for (const p of liveProblems(html, site)) problems.push(`${where}: ${p}`);
      const shown = visibleText(html);
      for (const text of typed)
        if (!shown.includes(squash(text))) problems.push(`${where}: does not show ${JSON.stringify(text)} but ${JSON.stringify(shown.slice(0, 300))}`);
    };
    const f = s.fields;
    // Rendered is what readers get (WordPress's filters applied); raw is what themes calling the_title() print.
    for (const view of ['raw', 'rendered'] as const) {
      check(`title.${view}`, post.title[view], [f.headline]);
      if (visibleText(post.title[view]) !== squash(f.headline)) problems.push(`title.${view} shows more or less than typed`);
      check(`excerpt.${view}`, post.excerpt[view], [f.deck]);
    }
    check('content.rendered', post.content.rendered, [
      '본문 ' + HOSTILE_TEXT,
      `[뉴스출처 : ${f.sourceAttribution}]`,
      s.inline.caption,
      s.inline.credit,
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ]);
    check('content.raw', post.content.raw, []);

    for (const ref of [s.lead, s.inline]) {
      const [media] = await wpGet<Array<{ id: number; title: Field; caption: Field; description: Field; alt_text: string }>>(wp, '/wp/v2/media', {
        slug: `byline-photo-${ref.mediaId.slice(0, 16)}`,
        context: 'edit',
      });
      const viewed = await wpGet<{ description: { rendered: string } }>(wp, `/wp/v2/media/${media!.id}`);
      for (const view of ['raw', 'rendered'] as const) {
        check(`media title.${view}`, media!.title[view], [ref.caption.slice(0, 60)]);
        check(`media caption.${view}`, media!.caption[view], [`${ref.caption} ${ref.credit}`]);
        check(`media description.${view}`, media!.description[view], [`사진: ${ref.credit}`]);
      }
      check('media description (view)', viewed.description.rendered, [`사진: ${ref.credit}`]);
      // Themes print alt text with esc_attr, which leaves character references as they are.
      const alts = [`<img alt="${media!.alt_text}">`, viewed.description.rendered].flatMap((html) =>
        Array.from(parseFragment(html).querySelectorAll('img')).map((img) => img.getAttribute('alt')),
      );
      for (const alt of alts) if (alt !== ref.alt) problems.push(`alt shows ${JSON.stringify(alt)}`);
    }
    expect(problems).toEqual([]);

    const categories = await wpGet<Array<{ name: string }>>(wp, '/wp/v2/categories', { include: post.categories.join(','), _fields: 'name' });
    expect(categories.map((c) => visibleText(c.name))).toEqual([squash(f.section)]);
    const tags = await wpGet<Array<{ name: string }>>(wp, '/wp/v2/tags', { include: post.tags.join(','), _fields: 'name' });
    expect(tags.map((c) => visibleText(c.name))).toEqual(f.tags.map(squash));

    // A post and a photo as an earlier Byline sent them (raw markup) are replaced by the next publish;
    // the same terms are found by their names as typed, not made a second time.
    const lead = await wpGet<Array<{ id: number }>>(wp, '/wp/v2/media', { slug: `byline-photo-${s.lead.mediaId.slice(0, 16)}`, _fields: 'id' });
    await wpWrite(`/wp/v2/media/${lead[0]!.id}`, { title: HOSTILE_TEXT, caption: HOSTILE_TEXT });
    await wpWrite(`/wp/v2/posts/${attempt.remoteId}`, { title: HOSTILE_TEXT });
    const again = await run(s, t.id);
    expect(again, again.error ?? '').toMatchObject({ result: 'updated', error: null });
    const updated = await wpGet<Post>(wp, `/wp/v2/posts/${attempt.remoteId}`, { context: 'edit' });
    expect(updated.categories).toEqual(post.categories);
    expect(visibleText(updated.title.rendered)).toBe(squash(f.headline));
    const media = await wpGet<{ title: Field; caption: Field }>(wp, `/wp/v2/media/${lead[0]!.id}`, { context: 'edit' });
    expect([liveProblems(media.title.rendered, site), liveProblems(media.caption.rendered, site)]).toEqual([[], []]);
    expect(visibleText(media.caption.rendered)).toBe(squash(`${s.lead.caption} ${s.lead.credit}`));
    expect(visibleText(media.title.rendered)).toBe(squash(Array.from(s.lead.caption).slice(0, 100).join('')));
    expect(proxy.seen.filter((r) => r.method === 'POST' && /^\/wp\/v2\/(categories|tags)$/.test(r.route))).toHaveLength(2);
  });
});
