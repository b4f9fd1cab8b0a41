import { describe, expect, it } from 'vitest';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import type { Result } from '../../shared/errors';
import { POST, POSTS, backend, ghost, peer, postsOf, proxy, run, start, state, story, target, useGhostPeer } from './support/ghost-peer';
import { ok } from './support/publish-article';

/* Publishing to a real Ghost when the network fails it: dropped answers, slow answers, 5xx, a refused key (see publish-ghost.test.ts). */

describe.skipIf(typeof peer === 'string')('publishing to a real Ghost through faults', { timeout: 90_000 }, () => {
  useGhostPeer();

  it('a create whose answer was dropped is found by its hidden tag, not made twice', async () => {
    const s = await story();
    const t = await target();
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'drop-after' } });
    const attempt = await run(s, t.id);
    expect(attempt, attempt.error ?? '').toMatchObject({ result: 'published', error: null });
    expect(proxy.seen.some((r) => r.fault === 'drop-after')).toBe(true);
    // One create; the retry found the post and updated it.
    expect(proxy.count('POST', POSTS)).toBe(1);
    expect(proxy.count('PUT', POST)).toBe(1);
    expect(attempt.tries).toBe(proxy.seen.length);
    expect(await postsOf(s)).toEqual([{ id: attempt.remoteId, status: 'published' }]);
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
    expect(await postsOf(s)).toHaveLength(1);
  });

  it('retries 500s; when they persist, logs a Korean failure and leaves the story approved', async () => {
    const s = await story();
    const t = await target();
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'status', status: 500 }, times: 2 });
    const recovered = await run(s, t.id);
    expect(recovered, recovered.error ?? '').toMatchObject({ result: 'published' });
    expect(proxy.seen.filter((r) => r.fault === 'status')).toHaveLength(2);
    expect(await postsOf(s)).toHaveLength(1);

    const other = await story();
    proxy.clear();
    proxy.inject({ method: 'POST', route: POSTS, fault: { kind: 'status', status: 503 }, times: 100 });
    const failed = await run(other, t.id);
    expect(failed.result).toBe('failed');
    expect(failed.error).toMatch(/Ghost 서버 오류.*HTTP 503/);
    expect(proxy.count('POST', POSTS)).toBe(4);
    expect(failed.remoteId).toBeNull();
    expect(await state(other)).toBe('approved');
    expect(await postsOf(other)).toHaveLength(0);
  });

  it('a wrong Admin API key (401) fails at once, in Korean, with nothing published and the key nowhere', async () => {
    const s = await story();
    const wrongKey = `${ghost.key.split(':')[0]}:${'ab'.repeat(32)}`;
    const bad = await target(wrongKey);
    const attempt = await run(s, bad.id);
    expect(attempt.result).toBe('failed');
    expect(attempt.error).toContain('Ghost가 Admin API 키를 받아들이지 않았습니다');
    expect(attempt.error).toContain('HTTP 401');
    // The first request (the first photo's upload) was refused and not tried again.
    expect(attempt.tries).toBe(1);
    expect(proxy.seen).toHaveLength(1);
    expect(attempt.remoteId).toBeNull();
    expect(await state(s)).toBe('approved');
    expect(await postsOf(s)).toHaveLength(0);
    const everything =
      JSON.stringify(await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: s.article.id })) +
      JSON.stringify(await backend.db.all('SELECT * FROM publish_targets'));
    expect(everything).not.toContain('ab'.repeat(32));
    expect(everything).not.toContain(ghost.key.split(':')[1]);

    // A key of the wrong shape is refused when saved, in Korean.
    const refused = (await backend.dispatch('publish.saveTarget', {
      kind: 'ghost',
      name: '고스트',
      settings: { url: proxy.url },
      secret: 'not-a-key',
    })) as Result<PublishTarget>;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('Admin API 키');
  });
});
