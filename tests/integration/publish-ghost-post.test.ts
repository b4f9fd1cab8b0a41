import { describe, expect, it } from 'vitest';
import { koreanDay, postSlug } from '../../electron/publish/post-slug';
import { storyTag } from '../../electron/publish/story-key';
import type { PublishAttempt } from '../../shared/contract-publish';
import { seed } from '../fixtures/seed';
import { backend, esc, ghostGet, peer, photoSeed, run, target, useGhostPeer } from './support/ghost-peer';
import { approvedSeedArticle, ok } from './support/publish-article';

/*
 * A Ghost post as readers get it: the seed story is published to the real Ghost and read back through
 * its Admin API: the 부제 block, the body's photo as a figure with caption and credit, the feature image
 * and its caption, the owner's staff user as author when the byline has that e-mail (else the printed
 * byline), and a romanised slug that a correction does not move.
 */

/** The e-mail tests/peers/ghost-up.sh gives the site's owner. */
const OWNER_EMAIL = 'desk@example.com';

interface Post {
  id: string;
  slug: string;
  title: string;
  html: string;
  published_at: string;
  feature_image: string | null;
  feature_image_caption: string | null;
  authors: Array<{ id: string; email: string }>;
}

async function read(id: string): Promise<Post> {
  return (await ghostGet<{ posts: Post[] }>(`posts/${id}/`, { formats: 'html', include: 'authors' })).posts[0]!;
}

async function published(attempt: PublishAttempt): Promise<Post> {
  expect(attempt.result, attempt.error ?? '').toMatch(/^(published|updated)$/);
  return read(attempt.remoteId!);
}

describe.skipIf(typeof peer === 'string')('a Ghost post as readers see it', { timeout: 120_000 }, () => {
  useGhostPeer();

  it('leads with the deck, prints the byline of a reporter Ghost does not know, and keeps its romanised slug through a correction', async () => {
    const s = await approvedSeedArticle(backend, { photoSeed: photoSeed() });
    const t = await target();
    const first = await run(s, t.id);
    const p = await published(first);

    expect(p.html).toContain(`<p class="byline-deck"><strong>${esc(seed.deck)}</strong></p>`);
    expect(p.html.indexOf('byline-deck')).toBeLessThan(p.html.indexOf(esc(seed.body[1]!)));
    expect(p.html).toContain(
      `<figcaption><span class="story-photo__caption">${esc(s.inline.caption)}</span> <span class="story-photo__credit">${esc(s.inline.credit)}</span></figcaption>`,
    );
    expect(p.feature_image).toBeTruthy();
    expect(p.feature_image_caption).toBe(esc(`${s.lead.caption} ${s.lead.credit}`));
    expect(p.html).toContain('<p class="byline-author">김기자 기자</p>');

    const asked = postSlug('date-words', { articleId: s.article.id, headline: seed.headline, editorSlug: '', at: new Date(p.published_at) });
    expect(asked.startsWith(`${koreanDay(new Date(p.published_at))}-gwagijeongtongbu-baegyeonghun-janggwan-`)).toBe(true);
    expect(p.slug).toMatch(new RegExp(`^${asked}(-\\d+)?$`));

    await ok(backend, 'publish.saveTarget', { id: t.id, kind: 'ghost', name: t.name, settings: { ...t.settings, correctionPrefix: true } });
    await ok(backend, 'workflow.correct', { id: s.article.id, note: '장관 이름 정정' }, { actorId: s.desk.id });
    const corrected = await published(await run(s, t.id));
    expect(corrected.id).toBe(p.id);
    expect(corrected.title).toBe(`[정정보도] ${seed.headline}`);
    expect(corrected.slug).toBe(p.slug);
  });

  it('is by the staff user whose e-mail the byline has, without a printed byline; a headline of only emoji still gets a valid slug', async () => {
    const s = await approvedSeedArticle(backend, {
      photoSeed: photoSeed(),
      headline: '🎉🔥!!! ……',
      bylines: [{ name: '바이라인 데스크', email: OWNER_EMAIL.toUpperCase(), title: '기자' }],
    });
    const t = await target();
    const p = await published(await run(s, t.id));
    expect(p.authors.map((a) => a.email)).toEqual([OWNER_EMAIL]);
    expect(p.html).not.toContain('byline-author');
    expect(p.slug).toBe(`${koreanDay(new Date(p.published_at))}-${storyTag(s.article.id)}`);
  });
});
