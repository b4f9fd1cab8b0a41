import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fieldsOf, type Article } from '../../shared/article';
import type { ArticleChanged } from '../../shared/contract-events';
import type { QueueItem } from '../../shared/contract-workflow';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { koreanParagraphs } from './korean-text';
import { startWorkstation, articleInReview, type ArticleInReview, type Workstation } from './newsroom-workstation';
import { findTestPostgres, openPgAdmin, type ConnectionCount } from './pg-peer';
import { percentile, report } from './report';

const WORKSTATIONS = 50;
const SAVE_EVERY_MS = 5_000;
const RUN_MS = Number(process.env.BYLINE_BENCH_NEWSROOM_MS) || 30_000;
/** Started together: all 50 at once would open their pools and queue on the migration lock at the same moment. */
const START_BATCH = 10;
/** Deliveries later than this after the last save count as missed. */
const SETTLE_MS = 3_000;
const WARM_UP_TIMEOUT_MS = 20_000;

interface Sent {
  t0: number;
  from: number;
  heardBy: number;
  /** Warm-up saves only prove every listener is in place; they are not measured. */
  measured: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A newsroom on one PostgreSQL: 50 workstations, each a backend of its own (own pool, own LISTEN
 * connection, own web server) with one window on its event stream, as web mode runs on 50 machines.
 * Each workstation's desk editor keeps saving the 3,000-character story under review in their hands,
 * every 5 s, staggered. Update latency runs from a save being sent until each other window hears of it
 * (through the database's NOTIFY, that workstation's listener and its event stream); for a sample (each
 * window, the saves of the next workstation) the window then re-reads its desk queue as DeskQueue does,
 * and "queue shows it" runs until that row carries the new version.
 *
 * All 50 share this one Node process, so the figures include their contention for its event loop (and
 * the machine's cores, which PostgreSQL shares too); event_loop_delay_p95 says how much of that there was.
 */
export async function benchNewsroom(): Promise<void> {
  const pg = findTestPostgres();
  if ('skipped' in pg) {
    console.warn(`newsroom bench skipped: ${pg.skipped}`);
    return;
  }
  const schema = `bench_newsroom_${process.pid}`;
  const storage = { engine: 'postgres' as const, url: pg.url, schema };
  const admin = await openPgAdmin(pg.url);
  const stations: Workstation[] = [];
  const errors: string[] = [];
  const fail = (what: string, err: unknown): void => {
    errors.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  };
  const peak: ConnectionCount = { total: 0, pools: 0, listeners: 0 };
  let sampling: Promise<void> | undefined;
  const sample = () =>
    (sampling ??= admin
      .connections()
      .then(
        (c) => {
          peak.total = Math.max(peak.total, c.total);
          peak.pools = Math.max(peak.pools, c.pools);
          peak.listeners = Math.max(peak.listeners, c.listeners);
        },
        (err: unknown) => fail('pg_stat_activity', err),
      )
      .finally(() => (sampling = undefined)));
  const sampler = setInterval(() => void sample(), 1_000);

  try {
    for (let i = 0; i < WORKSTATIONS; i += START_BATCH) {
      const batch = Array.from({ length: Math.min(START_BATCH, WORKSTATIONS - i) }, (_, k) => startWorkstation(i + k, storage));
      const started = await Promise.allSettled(batch);
      for (const s of started) if (s.status === 'fulfilled') stations.push(s.value);
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
    }

    const sentAt = new Map<string, Sent>();
    const heard = stations.map(() => new Set<string>());
    const updates: number[] = [];
    const allHeard: number[] = [];
    const shown: number[] = [];
    let stale = 0;
    const reads = new Set<Promise<void>>();
    const stories: ArticleInReview[] = [];

    const readQueue = (w: number, id: string, version: number, t0: number) => {
      const read: Promise<void> = stations[w]!.client.call<{ items: QueueItem[] }>(
        'workflow.queue',
        {
          queue: 'desk',
          sort: 'priority',
          limit: 200,
          coveredOnly: true,
        },
        { actorId: stories[w]!.desk.id },
      )
        .then(
          (page) => {
            const row = page.items.find((r) => r.id === id);
            if (row && row.version >= version) shown.push(performance.now() - t0);
            else stale += 1;
          },
          (err: unknown) => fail('workflow.queue', err),
        )
        .finally(() => reads.delete(read));
      reads.add(read);
    };
    const onChange = (w: number, change: ArticleChanged) => {
      const key = `${change.articleId}:${change.version}`;
      const sent = sentAt.get(key);
      // A save announces itself once per table it touches; the window has heard of it at the first.
      if (!sent || sent.from === w || heard[w]!.has(key)) return;
      heard[w]!.add(key);
      sent.heardBy += 1;
      if (!sent.measured) return;
      const ms = performance.now() - sent.t0;
      updates.push(ms);
      if (sent.heardBy === WORKSTATIONS - 1) allHeard.push(ms);
      if (sent.from === (w + 1) % WORKSTATIONS) readQueue(w, change.articleId, change.version!, sent.t0);
    };
    await Promise.all(stations.map((s) => s.client.listen((name, data) => name === 'article.changed' && onChange(s.index, data as ArticleChanged))));

    const paragraphs = koreanParagraphs(3_000);
    let edits = 0;
    // Every save changes the words a little, as typing does; the same body again would be no edit at all.
    const nextBody = () => editorStateFromParagraphs([...paragraphs.slice(0, -1), `${paragraphs.at(-1)} (${(edits += 1)})`]);
    // One after another: setting up is not what is measured, and concurrent writes to a near-empty schema
    // collide under SERIALIZABLE (see the errors figure for how often the measured saves do).
    for (const s of stations) stories.push(await articleInReview(s, nextBody()));

    const saves: number[] = [];
    const save = async (i: number, measured: boolean) => {
      const story = stories[i]!;
      const before = story.article;
      const t0 = performance.now();
      sentAt.set(`${before.id}:${before.version + 1}`, { t0, from: i, heardBy: 0, measured });
      try {
        story.article = await stations[i]!.client.call<Article>(
          'articles.save',
          {
            id: before.id,
            baseVersion: before.version,
            fields: { ...fieldsOf(before), body: nextBody() },
          },
          { actorId: story.desk.id },
        );
        if (measured) saves.push(performance.now() - t0);
      } catch (err) {
        fail('articles.save', err);
        story.article = await stations[i]!.client.call<Article>('articles.get', { id: before.id }).catch(() => before);
      }
    };

    // Every listener in place and every path warm before anything is measured.
    for (let i = 0; i < stories.length; i += 1) await save(i, false);
    const warmUpEnds = performance.now() + WARM_UP_TIMEOUT_MS;
    while ([...sentAt.values()].some((s) => s.heardBy < WORKSTATIONS - 1) && performance.now() < warmUpEnds) await sleep(100);
    const unheard = [...sentAt.values()].filter((s) => s.heardBy < WORKSTATIONS - 1).length;
    if (unheard > 0) fail('warm-up', new Error(`${unheard} warm-up saves not heard by every workstation within ${WARM_UP_TIMEOUT_MS} ms`));

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    await Promise.all(
      stories.map(async (_, i) => {
        await sleep((i * SAVE_EVERY_MS) / WORKSTATIONS);
        while (performance.now() - started < RUN_MS) {
          const t0 = performance.now();
          await save(i, true);
          await sleep(Math.max(0, SAVE_EVERY_MS - (performance.now() - t0)));
        }
      }),
    );
    const measured = [...sentAt.values()].filter((s) => s.measured);
    const settleEnds = performance.now() + SETTLE_MS;
    while (measured.some((s) => s.heardBy < WORKSTATIONS - 1) && performance.now() < settleEnds) await sleep(100);
    await Promise.all([...reads]);
    loop.disable();
    await sample();

    const expected = measured.length * (WORKSTATIONS - 1);
    report({ bench: 'newsroom', metric: 'workstations', value: stations.length, unit: 'count' });
    report({ bench: 'newsroom', metric: 'saves', value: saves.length, unit: 'count' });
    report({ bench: 'newsroom', metric: 'save_p50', value: percentile(saves, 50), unit: 'ms' });
    report({ bench: 'newsroom', metric: 'save_p95', value: percentile(saves, 95), unit: 'ms', target: 50 });
    report({ bench: 'newsroom', metric: 'queue_update_deliveries', value: updates.length, unit: 'count' });
    report({ bench: 'newsroom', metric: 'queue_update_missed', value: expected - updates.length, unit: 'count' });
    report({ bench: 'newsroom', metric: 'queue_update_p50', value: percentile(updates, 50), unit: 'ms' });
    report({ bench: 'newsroom', metric: 'queue_update_p95', value: percentile(updates, 95), unit: 'ms', target: 1000 });
    report({ bench: 'newsroom', metric: 'queue_update_all_heard_p95', value: percentile(allHeard, 95), unit: 'ms' });
    report({ bench: 'newsroom', metric: 'queue_shows_samples', value: shown.length, unit: 'count' });
    report({ bench: 'newsroom', metric: 'queue_shows_stale', value: stale, unit: 'count' });
    report({ bench: 'newsroom', metric: 'queue_shows_p50', value: percentile(shown, 50), unit: 'ms' });
    report({ bench: 'newsroom', metric: 'queue_shows_p95', value: percentile(shown, 95), unit: 'ms' });
    report({ bench: 'newsroom', metric: 'connections_peak', value: peak.total, unit: 'count' });
    report({ bench: 'newsroom', metric: 'max_connections', value: await admin.maxConnections(), unit: 'count' });
    report({ bench: 'newsroom', metric: 'connections_pool_peak', value: peak.pools, unit: 'count' });
    report({ bench: 'newsroom', metric: 'connections_listener_peak', value: peak.listeners, unit: 'count' });
    report({ bench: 'newsroom', metric: 'event_loop_delay_p95', value: Math.round(loop.percentile(95) / 1e4) / 100, unit: 'ms' });
    report({ bench: 'newsroom', metric: 'load_average_1m', value: Math.round(os.loadavg()[0]! * 100) / 100, unit: 'load' });
    report({ bench: 'newsroom', metric: 'errors', value: errors.length, unit: 'count' });
    for (const e of [...new Set(errors)].slice(0, 5)) console.warn(`newsroom: ${e}`);
  } finally {
    clearInterval(sampler);
    await sampling;
    await Promise.allSettled(stations.map((s) => s.close()));
    await admin.dropSchema(schema).catch((err: unknown) => console.warn(`newsroom: could not drop schema ${schema}`, err));
    await admin.close();
  }
}
