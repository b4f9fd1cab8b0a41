import { describe, expect, it } from 'vitest';
import {
  articles,
  clockMs,
  complete,
  desk,
  failure,
  HEADLINE,
  reporter,
  reporter2,
  search,
  SECTION,
  sportsDesk,
  story,
  submitted,
  workflow,
  useWorkflowDesk,
} from './support/workflow-desk';

/** The desk's queues and the stories written before profiles existed, on a real sqlite3 file (setup: support/workflow-desk.ts). */

useWorkflowDesk();

describe('queues', () => {
  it('orders the desk queue by priority, submission time or embargo, with counts and filters', async () => {
    const first = await submitted();
    const urgent = await story();
    await workflow.setPriority({ id: urgent.id, actorId: reporter.id, priority: 2 });
    await workflow.submit({ id: urgent.id, actorId: reporter.id, version: urgent.version, note: '' });
    const embargoed = await story(reporter, { embargoAt: new Date(clockMs + 86_400_000).toISOString() });
    await workflow.submit({ id: embargoed.id, actorId: reporter.id, version: embargoed.version, note: '' });
    const fourth = await submitted(reporter);
    const econ = await story(reporter, { section: '경제' });
    await workflow.submit({ id: econ.id, actorId: reporter.id, version: econ.version, note: '' });
    await workflow.startReview({ id: first.id, actorId: desk.id });
    await story(); // a draft: in no desk queue

    const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);
    const base = { actorId: desk.id, coveredOnly: false, limit: 50, offset: 0 } as const;
    const byPriority = await workflow.queue({ ...base, queue: 'desk', sort: 'priority' });
    expect(ids(byPriority.items)).toEqual([urgent.id, first.id, embargoed.id, fourth.id, econ.id]);
    expect(byPriority.total).toBe(5);
    expect(byPriority.counts).toEqual({ desk: 5, approved: 0, published: 0, mine: 0 });
    expect(byPriority.items[1]).toMatchObject({ state: 'in_review', lock: { holder: { name: '박데스크' } }, owner: { name: '김기자' } });

    expect(ids((await workflow.queue({ ...base, queue: 'desk', sort: 'submitted' })).items)).toEqual([first.id, urgent.id, embargoed.id, fourth.id, econ.id]);
    const byEmbargo = await workflow.queue({ ...base, queue: 'desk', sort: 'embargo' });
    expect(ids(byEmbargo.items)[0]).toBe(embargoed.id);
    expect(byEmbargo.items[0]!.embargoAt).not.toBeNull();

    const it = await workflow.queue({ ...base, queue: 'desk', sort: 'submitted', section: SECTION });
    expect(ids(it.items)).toEqual([first.id, urgent.id, embargoed.id, fourth.id]);
    expect(it.counts.desk).toBe(4);
    const reviewing = await workflow.queue({ ...base, queue: 'desk', sort: 'submitted', state: 'in_review' });
    expect(ids(reviewing.items)).toEqual([first.id]);
    const sports = await workflow.queue({ ...base, actorId: sportsDesk.id, coveredOnly: true, queue: 'desk', sort: 'submitted' });
    expect(sports.total).toBe(0);
    const covered = await workflow.queue({ ...base, coveredOnly: true, queue: 'desk', sort: 'submitted' });
    expect(covered.total).toBe(5);

    const mine = await workflow.queue({ ...base, actorId: reporter.id, queue: 'mine', sort: 'submitted' });
    expect(mine.total).toBe(6);
    expect(mine.counts.mine).toBe(6);
    expect((await workflow.counts({ actorId: reporter2.id, coveredOnly: false })).mine).toBe(0);
  });

  it('keeps search’s state filter in step with every move', async () => {
    const a = await submitted();
    const found = async (state: 'submitted' | 'in_review') =>
      (await search.search({ text: '', state, includeArchived: false, sort: 'date', limit: 10, offset: 0 })).items.map((i) => i.id);
    expect(await found('submitted')).toEqual([a.id]);
    await workflow.startReview({ id: a.id, actorId: desk.id });
    expect(await found('submitted')).toEqual([]);
    expect(await found('in_review')).toEqual([a.id]);
  });
});

describe('stories written before profiles', () => {
  it('stay editable without a profile while nobody owns them, and belong to whoever files them', async () => {
    const a = await articles.create({ headline: HEADLINE });
    const saved = await articles.save({ id: a.id, baseVersion: 1, fields: complete() });
    expect(saved.version).toBe(2);
    await workflow.submit({ id: a.id, actorId: reporter2.id, version: 2, note: '' });
    expect((await workflow.status(a.id)).owner).toMatchObject({ id: reporter2.id });
  });

  it('an owned draft refuses a save without a profile and from another reporter', async () => {
    const a = await story(reporter);
    expect((await failure(articles.save({ id: a.id, baseVersion: a.version, fields: complete({ deck: 'x' }) }))).code).toBe('FORBIDDEN');
    expect((await failure(articles.save({ id: a.id, baseVersion: a.version, fields: complete({ deck: 'x' }), actorId: reporter2.id }))).code).toBe('FORBIDDEN');
    expect((await failure(articles.archive({ id: a.id, baseVersion: a.version, archived: true, actorId: reporter2.id }))).code).toBe('FORBIDDEN');
    // The section's desk and the editor-in-chief may help with a draft.
    expect((await articles.save({ id: a.id, baseVersion: a.version, fields: complete({ deck: '데스크 도움' }), actorId: desk.id })).version).toBe(
      a.version + 1,
    );
  });
});
