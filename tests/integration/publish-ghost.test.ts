import { describe, expect, it } from 'vitest';
import { bylineTagSlug } from '../../electron/publish/ghost';
import type { PublishAttempt, PublishTarget, TargetCheck } from '../../shared/contract-publish';
import { seed } from '../fixtures/seed';
import { HOSTILE_TEXT, hostileApprovedArticle } from '../security/support/hostile-article';
import { liveProblems, parseFragment, squash, visibleText } from '../security/support/live-html';
import {
  POST,
  POSTS,
  UPLOADS,
  backend,
  esc,
  ghost,
  peer,
  photoSeed,
  post,
  postsOf,
  proxy,
  run,
  state,
  story,
  target,
  useGhostPeer,
} from './support/ghost-peer';
import { approvedSeedArticle, ok } from './support/publish-article';

/*
 * Publishing to a real Ghost (npm's ghost@5.130.6 on SQLite, started by tests/peers/ghost-up.sh on
 * 127.0.0.1), through the same real fault-injecting proxy the WordPress tests use (it matches Ghost's
 * paths as routes). When Ghost cannot be installed or started here (no npm registry, no compiler for
 * sqlite3) the suite is skipped and says why; CI (.ci/run) starts it first, so there these tests run.
 */

describe.skipIf(typeof peer === 'string')('publishing to a real Ghost', { timeout: 90_000 }, () => {
  useGhostPeer();

  it('publishes the approved story with its photos, reads back as the desk approved it, and a second publish updates the same post', async () => {
    const s = await story();
    const t = await target();
    expect(JSON.stringify(t)).not.toContain(ghost.key.split(':')[1]);
    const first = await run(s, t.id);
    expect(first, first.error ?? '').toMatchObject({ result: 'published', error: null });
    expect(await state(s)).toBe('published');
    expect(proxy.seen.every((r) => r.route.startsWith('/ghost/api/admin/'))).toBe(true);

    const p = await post(first.remoteId!);
    expect(p.status).toBe('published');
    expect(p.url).toBe(first.remoteUrl);
    expect(p.title).toBe(seed.headline);
    expect(p.custom_excerpt).toBe(seed.deck);
    for (const paragraph of seed.body) expect(p.html).toContain(`<p>${esc(paragraph)}</p>`);
    expect(p.html.split(`(${seed.creditLine})`).length - 1).toBe(1);
    expect(p.html).toContain(`<p class="story-view__attribution">${esc(seed.attributionLine)}</p>`);
    expect(p.html).toContain(`<span class="story-photo__caption">${esc(s.inline.caption)}</span>`);
    expect(p.primary_tag?.name).toBe(seed.section);
    expect(p.tags.map((tag) => tag.name)).toEqual([seed.section, '양자', '한미협력', `#byline-${s.article.id}`]);
    expect(p.tags.at(-1)).toMatchObject({ slug: bylineTagSlug(s.article.id), visibility: 'internal' });

    // The lead photo is the feature image, uploaded to Ghost, with the story's caption, credit and alt text.
    expect(p.feature_image).toMatch(new RegExp(`^${ghost.url}/content/images/\\d{4}/\\d{2}/[A-Za-z0-9_-]+\\.jpg$`));
    expect(p.feature_image_caption).toBe(esc(`${s.lead.caption} ${s.lead.credit}`));
    expect(p.feature_image_alt).toBe(s.lead.alt);
    expect(p.html).not.toContain(p.feature_image);
    // The body's photo points at its upload on Ghost, and the file is really there.
    const inlineSrc = /<img src="([^"]+)"/.exec(p.html)?.[1];
    expect(inlineSrc).toMatch(new RegExp(`^${ghost.url}/content/images/.*IBM-MOU-[0-9a-f]{12}(-\\d+)?\\.jpg$`));
    const image = await fetch(inlineSrc!);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(proxy.count('POST', UPLOADS)).toBe(2);

    // Again: the same post is updated, no second post and no second upload.
    proxy.clear();
    const second = await run(s, t.id);
    expect(second, second.error ?? '').toMatchObject({ result: 'updated', remoteId: first.remoteId, remoteUrl: first.remoteUrl, error: null });
    expect(proxy.count('POST', POSTS)).toBe(0);
    expect(proxy.count('PUT', POST)).toBe(1);
    expect(proxy.count('POST', UPLOADS)).toBe(0);
    expect(await postsOf(s)).toHaveLength(1);

    const log = await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: s.article.id });
    expect(log.map((a) => a.result)).toEqual(['updated', 'published']);
    const rows = JSON.stringify(await backend.db.all('SELECT * FROM publish_targets')) + JSON.stringify(log);
    expect(rows).not.toContain(ghost.key.split(':')[1]);
  });

  it('markup typed into headline, deck, tags, captions, credits and alt reaches readers as the text typed; nothing runs or loads, in the API or on the public page', async () => {
    const s = await hostileApprovedArticle(backend, HOSTILE_TEXT, photoSeed());
    const t = await target();
    const attempt = await run(s, t.id);
    expect(attempt, attempt.error ?? '').toMatchObject({ result: 'published', error: null });
    const p = await post(attempt.remoteId!);
    const f = s.fields;
    // Ghost keeps title, excerpt, alt text and tag names as text (its editor and themes escape them); the caption and the body are HTML.
    expect(p.title).toBe(f.headline);
    expect(p.custom_excerpt).toBe(f.deck);
    expect(p.feature_image_alt).toBe(s.lead.alt);
    expect(p.tags.map((tag) => tag.name)).toEqual([f.section, ...f.tags, `#byline-${s.article.id}`]);
    const problems: string[] = [];
    for (const [where, html, typed] of [
      ['feature_image_caption', p.feature_image_caption ?? '', [`${s.lead.caption} ${s.lead.credit}`]],
      ['html', p.html, [`본문 ${HOSTILE_TEXT}`, s.inline.caption, s.inline.credit, `[뉴스출처 : ${f.sourceAttribution}]`]],
    ] as const) {
      for (const problem of liveProblems(html, ghost.url)) problems.push(`${where}: ${problem}`);
      for (const text of typed) if (!visibleText(html).includes(squash(text))) problems.push(`${where}: does not show ${text}`);
    }
    expect(problems).toEqual([]);

    // The public page, as Ghost's theme renders it: Ghost's own scripts, none of the story's.
    const page = parseFragment(await (await fetch(p.url)).text());
    const scripts = Array.from(page.querySelectorAll('script')).map((el) => el.textContent ?? '');
    expect(scripts.filter((code) => code.includes('alert(1)'))).toEqual([]);
    expect(
      Array.from(page.querySelectorAll('*')).filter((el) =>
        Array.from(el.attributes).some((a) => /^on/i.test(a.name) || (a.name === 'src' && a.value === 'x')),
      ),
    ).toEqual([]);
    const shown = squash(page.body.textContent ?? '');
    for (const text of [f.headline, f.deck, `${s.lead.caption} ${s.lead.credit}`]) expect(shown).toContain(squash(text));
  });
  it("a deck longer than Ghost's 300-character excerpt is cut at a word for it, and the attempt tells the desk", async () => {
    const deck = Array.from({ length: 6 }, () => seed.deck).join(' ');
    expect(Array.from(deck).length).toBeGreaterThan(300);
    const s = await approvedSeedArticle(backend, { photoSeed: photoSeed(), deck });
    const a = await run(s, (await target()).id);
    expect(a, a.error ?? '').toMatchObject({ result: 'published' });
    expect(a.error).toContain('요약 한도(300자)');
    const p = await post(a.remoteId!);
    expect(Array.from(p.custom_excerpt!).length).toBeLessThanOrEqual(300);
    expect(p.custom_excerpt!.endsWith('…')).toBe(true);
    expect(deck.startsWith(p.custom_excerpt!.slice(0, -1).trimEnd())).toBe(true);
    for (const paragraph of seed.body) expect(p.html).toContain(`<p>${esc(paragraph)}</p>`);
  });

  it('연결 시험 names the Ghost version the site answers with; a wrong key is answered in Korean, without the key', async () => {
    const good = await target();
    const check = await ok<TargetCheck>(backend, 'publish.testTarget', { targetId: good.id });
    expect(check).toMatchObject({ ok: true, message: expect.stringMatching(/^연결됨: Ghost 5\.\d+/) as unknown });
    expect(check.message).toContain('이 Admin API 키로 출고할 수 있습니다.');
    const wrongKey = `${ghost.key.split(':')[0]}:${'ab'.repeat(32)}`;
    const refused = await ok<TargetCheck>(backend, 'publish.testTarget', { targetId: (await target(wrongKey)).id });
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('Ghost가 Admin API 키를 받아들이지 않았습니다');
    expect(refused.message).not.toContain('ab'.repeat(32));
  });

  it('an embargoed story is scheduled at the embargo time and stays approved', async () => {
    const embargoAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    const s = await story({ embargoAt });
    const t = await target();
    const attempt = await run(s, t.id);
    expect(attempt, attempt.error ?? '').toMatchObject({ result: 'scheduled', error: null });
    const p = await post(attempt.remoteId!);
    expect(p.status).toBe('scheduled');
    expect(p.published_at).toBe(embargoAt);
    expect(await state(s)).toBe('approved');
    // Published again before the embargo: still the one scheduled post.
    const again = await run(s, t.id);
    expect(again).toMatchObject({ result: 'scheduled', remoteId: attempt.remoteId });
    expect(await postsOf(s)).toEqual([{ id: attempt.remoteId, status: 'scheduled' }]);
  });

  it('a corrected story is published again into the same post, with every correction note visible, oldest first', async () => {
    const s = await story();
    const t = await target();
    const first = await run(s, t.id);
    expect(first, first.error ?? '').toMatchObject({ result: 'published', error: null });

    await ok(backend, 'workflow.correct', { id: s.article.id, note: '장관 이름 <오기> 바로잡음' }, { actorId: s.desk.id });
    const second = await run(s, t.id);
    expect(second, second.error ?? '').toMatchObject({ result: 'updated', error: null, remoteId: first.remoteId });
    expect(await state(s)).toBe('published');
    let p = await post(first.remoteId!);
    expect(p.title).toBe(seed.headline);
    expect(p.html).toMatch(/<p class="story-view__correction">\[정정\] \d{4}년 \d{1,2}월 \d{1,2}일 \d{2}:\d{2} — 장관 이름 &lt;오기&gt; 바로잡음<\/p>/);

    await ok(backend, 'publish.saveTarget', { id: t.id, kind: 'ghost', name: t.name, settings: { ...t.settings, correctionPrefix: true } });
    await ok(backend, 'workflow.correct', { id: s.article.id, note: '협약 날짜 정정' }, { actorId: s.desk.id });
    const third = await run(s, t.id);
    expect(third, third.error ?? '').toMatchObject({ result: 'updated', error: null, remoteId: first.remoteId });
    p = await post(first.remoteId!);
    expect(p.title).toBe(`[정정보도] ${seed.headline}`);
    const notes = p.html.match(/<p class="story-view__correction">[^<]*<\/p>/g) ?? [];
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('장관 이름 &lt;오기&gt; 바로잡음');
    expect(notes[1]).toContain('협약 날짜 정정');
    expect(await postsOf(s)).toHaveLength(1);
  });

  it('a withdrawn story is taken down: a draft by default, deleted when the target says trash', async () => {
    const chief = await ok<{ id: string }>(backend, 'profiles.create', { name: `최국장${photoSeed()}`, email: '', role: 'chief' });
    const t = await target();
    const s = await story();
    const first = await run(s, t.id);
    expect(first, first.error ?? '').toMatchObject({ result: 'published' });
    await ok(backend, 'workflow.withdraw', { id: s.article.id, reason: '사실관계 확인 필요' }, { actorId: chief.id });
    const down = await ok<PublishAttempt>(backend, 'publish.takedown', { articleId: s.article.id, targetId: t.id }, { actorId: s.desk.id });
    expect(down, down.error ?? '').toMatchObject({ result: 'withdrawn', error: null, remoteId: first.remoteId });
    expect((await post(first.remoteId!)).status).toBe('draft');
    // Repeating is harmless: still one post, still a draft.
    expect((await run(s, t.id)).result).toBe('withdrawn');
    expect(await postsOf(s)).toEqual([{ id: first.remoteId, status: 'draft' }]);

    const trashing = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      id: t.id,
      kind: 'ghost',
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
    await expect(post(p2.remoteId!)).rejects.toMatchObject({ status: 404 });
    expect(await postsOf(s2)).toHaveLength(0);
    const again = await ok<PublishAttempt>(backend, 'publish.run', { articleId: s2.article.id, targetId: t.id }, { actorId: chief.id });
    expect(again.result).toBe('withdrawn');
    expect(again.error).toContain('이미 없습니다');
  });
});
