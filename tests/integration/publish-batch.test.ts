import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import type { Article } from '../../shared/article';
import type { PublishAttempt, PublishProgress, PublishTarget } from '../../shared/contract-publish';
import type { Result } from '../../shared/errors';
import { startTestBackend } from './support/backend';
import { approvedSeedArticle, ok, type ApprovedArticle } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';

let backend: Backend;
let progress: PublishProgress[];
let changed: string[];

beforeEach(async () => {
  ({ backend } = await startTestBackend(makeTempDir('byline-batch-')));
  progress = [];
  changed = [];
  backend.events.listen((name, payload) => {
    if (name === 'publish.progress') progress.push(payload as PublishProgress);
    if (name === 'article.changed') changed.push((payload as { articleId: string }).articleId);
  });
});

afterEach(async () => {
  await backend.close();
  removeTempDirs();
});

async function stories(n: number): Promise<ApprovedArticle[]> {
  const out: ApprovedArticle[] = [];
  for (let i = 1; i <= n; i += 1) out.push(await approvedSeedArticle(backend, { photoSeed: i }));
  return out;
}

const bundleTarget = () =>
  ok<PublishTarget>(backend, 'publish.saveTarget', {
    kind: 'html-bundle',
    name: '포털 묶음',
    settings: { url: 'https://news.example.com/', folder: 'portal' },
  });

/** Resolves with the batch's last progress once it has finished or been cancelled. */
function ended(batchId: string): Promise<PublishProgress> {
  return new Promise((resolve) => {
    const stop = backend.events.listen((name, payload) => {
      const p = payload as PublishProgress;
      if (name === 'publish.progress' && p.batchId === batchId && p.state !== 'running') {
        stop();
        resolve(p);
      }
    });
  });
}

describe('publishing many stories', () => {
  it('sends each story as a single publish would, reports progress after each, and counts a refusal as that story failing', async () => {
    const approved = await stories(3);
    const desk = approved[0]!.desk;
    const draft = await ok<Article>(backend, 'articles.create', { headline: '아직 쓰는 중인 기사' }, { actorId: approved[0]!.reporter.id });
    const target = await bundleTarget();
    const ids = [approved[0]!.article.id, draft.id, approved[1]!.article.id, approved[2]!.article.id];
    changed = [];

    const started = await ok<PublishProgress>(backend, 'publish.batch', { articleIds: ids, targetId: target.id }, { actorId: desk.id });
    expect(started).toMatchObject({ state: 'running', total: 4, done: 0 });
    const last = await ended(started.batchId);

    expect(last).toMatchObject({ state: 'finished', total: 4, done: 4, succeeded: 3, failed: 1 });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    const refusal = progress.find((p) => p.last?.articleId === draft.id)!.last!;
    expect(refusal).toMatchObject({ headline: '아직 쓰는 중인 기사', attempt: null });
    expect(refusal.error).toMatch(/승인된 기사만 출고할 수 있습니다/);
    for (const story of approved) {
      const log = await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: story.article.id });
      expect(log.map((a) => a.result)).toEqual(['exported']);
    }
    // Every other window's queue hears of each story that went out.
    expect([...new Set(changed)].sort()).toEqual(approved.map((s) => s.article.id).sort());
    expect(await ok(backend, 'publish.batches', {})).toEqual([]);
  });

  it('stops between two stories when cancelled: the story on its way finishes, the rest are not tried', async () => {
    const approved = await stories(3);
    const target = await bundleTarget();
    const ids = approved.map((s) => s.article.id);
    const started = await ok<PublishProgress>(backend, 'publish.batch', { articleIds: ids, targetId: target.id }, { actorId: approved[0]!.desk.id });
    const done = ended(started.batchId);
    const answer = await ok<PublishProgress>(backend, 'publish.cancel', { batchId: started.batchId });
    expect(answer.batchId).toBe(started.batchId);
    const last = await done;

    expect(last.state).toBe('cancelled');
    expect(last.done).toBeLessThan(3);
    const logs = await Promise.all(ids.map((id) => ok<PublishAttempt[]>(backend, 'publish.log', { articleId: id })));
    // What was tried is logged and complete; what was not tried has no attempt at all.
    expect(logs.map((l) => l.length)).toEqual(ids.map((_, i) => (i < last.done ? 1 : 0)));
    expect(logs.flat().every((a) => a.result === 'exported')).toBe(true);
  });

  it('refuses up front a reporter, an unknown target and an unknown batch, in Korean', async () => {
    const [story] = await stories(1);
    const target = await bundleTarget();
    const byReporter = (await backend.dispatch(
      'publish.batch',
      {
        articleIds: [story!.article.id],
        targetId: target.id,
      },
      { actorId: story!.reporter.id },
    )) as Result<unknown>;
    expect(byReporter).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/기자는 출고할 수 없습니다/) } });
    const noTarget = (await backend.dispatch(
      'publish.batch',
      { articleIds: [story!.article.id], targetId: 999 },
      { actorId: story!.desk.id },
    )) as Result<unknown>;
    expect(noTarget).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const noBatch = (await backend.dispatch('publish.cancel', { batchId: '00000000-0000-4000-8000-000000000000' })) as Result<unknown>;
    expect(noBatch).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/출고 작업을 찾을 수 없습니다/) } });
    expect(progress).toEqual([]);
    expect(await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: story!.article.id })).toEqual([]);
  });
});
