import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { OWASP_COST } from '../../electron/server/passwords';
import { fieldsOf, type Article } from '../../shared/article';
import type { ArticleChanged } from '../../shared/contract-events';
import type { QueueItem } from '../../shared/contract-workflow';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { cpuSecondsOf, postgresCpuSeconds } from './cpu-time';
import { koreanParagraphs } from './korean-text';
import { findTestPostgres, openPgAdmin } from './pg-peer';
import { percentile, report } from './report';
import { ServerClient } from './server-client';
import { freePort, inPool, loginOf, setUpAccounts, storyInReview } from './server-newsroom';
import { startServerProcess, type ServerProcess } from './server-process';

const CLIENTS = Number(process.env.BYLINE_BENCH_SERVER_CLIENTS) || 200;
const RUN_MS = Number(process.env.BYLINE_BENCH_SERVER_MS) || 60_000;
/**
 * Sign-ins at once, across both processes. Each is one scrypt at full cost (128 MiB, the better part of a
 * second of one core): 200 at once would measure the queue for the two cores, not a person signing in.
 */
const SIGNIN_CONCURRENCY = Number(process.env.BYLINE_BENCH_SERVER_SIGNIN_CONCURRENCY) || 2;
const SAVE_EVERY_MS = 5_000;
/** One save in this many has its queue read on the other process; the rest are timed to the event only. */
const QUEUE_SAMPLE_EVERY = 4;
/** Deliveries later than this after the last save count as missed. */
const SETTLE_MS = 3_000;
const WARM_UP_TIMEOUT_MS = 30_000;
const BENCH = 'server';

interface Sent {
  t0: number;
  from: number;
  /** Which clients have heard it (a save announces itself once per table it touches). */
  heard: Uint8Array;
  heardBy: number;
  measured: boolean;
  /** Whether the next client (on the other process) reads its queue when it hears this one. */
  sampled: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const benchStarted = performance.now();
/** Setup takes minutes at full size (a password hash per account): say where it is, on stderr. */
const progress = (what: string) => console.warn(`server: ${what} (${Math.round((performance.now() - benchStarted) / 1_000)} s)`);
const processOf = (client: number) => client % 2;
const medianRss = async (server: ServerProcess) => {
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    samples.push(server.rssKb());
    await sleep(200);
  }
  return samples.sort((a, b) => a - b)[2]!;
};

/**
 * The newsroom server under a newsroom's load: two `npm run server` processes on one PostgreSQL, and 200
 * people signed in (half on each, a session and an event stream each), every one saving their own
 * 3,000-character story under review every 5 s, staggered. Save latency is the round trip of articles.save;
 * event delivery runs from a save sent to one process until each client of the other hears
 * article.changed; the queue update runs until the next client (on the other process) has heard it and its
 * desk queue, read as DeskQueue reads it, shows the new version. The 200 clients share this one Node
 * process (event_loop_delay_p95 says how busy it was), and the servers and PostgreSQL share the machine.
 */
export async function benchServer(): Promise<void> {
  const peer = findTestPostgres();
  if ('skipped' in peer) {
    console.warn(`server bench skipped: ${peer.skipped}`);
    return;
  }
  const db = { url: peer.url, schema: `bench_server_${process.pid}` };
  const admin = await openPgAdmin(peer.url);
  const servers: ServerProcess[] = [];
  const clients: ServerClient[] = [];
  const failed: string[] = [];
  const dropped: string[] = [];
  const fail = (what: string, err: unknown) => failed.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);

  try {
    // One after the other: the first migrates the schema and prints the setup link.
    servers.push(await startServerProcess('a', await freePort(), db, true));
    servers.push(await startServerProcess('b', await freePort(), db, false));
    const rssIdle = servers.map((s) => s.rssKb());
    progress(`two processes up, ${rssIdle.map((kb) => Math.round(kb / 1024)).join(' and ')} MiB; making ${CLIENTS} accounts`);
    const password = await setUpAccounts(servers, CLIENTS, db);
    progress('accounts made; signing in');

    for (let i = 0; i < CLIENTS; i += 1) clients.push(new ServerClient(i, servers[processOf(i)]!.port));
    const signIns: number[] = [];
    await inPool(SIGNIN_CONCURRENCY, clients, async (c) => {
      const t0 = performance.now();
      await c.signIn(loginOf(c.index), password);
      signIns.push(performance.now() - t0);
    });

    progress('signed in; filing the stories');
    const paragraphs = koreanParagraphs(3_000);
    let edits = 0;
    // Every save changes the words a little, as typing does.
    const nextBody = () => editorStateFromParagraphs([...paragraphs.slice(0, -1), `${paragraphs.at(-1)} (${(edits += 1)})`]);
    // One after another: concurrent first writes to a near-empty schema collide under SERIALIZABLE.
    const stories: Article[] = [];
    for (const c of clients) stories.push(await storyInReview(c, nextBody()));

    // Idle streams: each process's memory before and after its clients open theirs.
    await sleep(1_000);
    const rssBefore = await Promise.all(servers.map(medianRss));
    const sentAt = new Map<string, Sent>();
    const updates: number[] = [];
    const shown: number[] = [];
    let stale = 0;
    const reads = new Set<Promise<void>>();
    const readQueue = (reader: number, id: string, version: number, t0: number) => {
      const read: Promise<void> = clients[reader]!.call<{ items: QueueItem[] }>('workflow.queue', {
        queue: 'desk',
        sort: 'priority',
        limit: 200,
        coveredOnly: true,
      })
        .then(
          (page) => {
            const row = page.items.find((r) => r.id === id);
            if (row && row.version >= version) shown.push(performance.now() - t0);
            else stale += 1;
          },
          (err: unknown) => void fail('workflow.queue', err),
        )
        .finally(() => reads.delete(read));
      reads.add(read);
    };
    const onChange = (listener: number, change: ArticleChanged) => {
      const sent = sentAt.get(`${change.articleId}:${change.version}`);
      if (!sent || sent.heard[listener]) return;
      sent.heard[listener] = 1;
      sent.heardBy += 1;
      if (!sent.measured || processOf(listener) === processOf(sent.from)) return;
      updates.push(performance.now() - sent.t0);
      if (sent.sampled && listener === (sent.from + 1) % CLIENTS) readQueue(listener, change.articleId, change.version!, sent.t0);
    };
    await inPool(20, clients, (c) =>
      c.listen(
        (name, data) => name === 'article.changed' && onChange(c.index, data as ArticleChanged),
        (why) => dropped.push(why),
      ),
    );
    await sleep(2_000);
    progress('streams open; warming up');
    const rssStreams = await Promise.all(servers.map(medianRss));

    const saves: number[] = [];
    const save = async (i: number, measured: boolean, sampled: boolean) => {
      const before = stories[i]!;
      const t0 = performance.now();
      sentAt.set(`${before.id}:${before.version + 1}`, { t0, from: i, heard: new Uint8Array(CLIENTS), heardBy: 0, measured, sampled });
      try {
        stories[i] = await clients[i]!.call<Article>('articles.save', {
          id: before.id,
          baseVersion: before.version,
          fields: { ...fieldsOf(before), body: nextBody() },
        });
        if (measured) saves.push(performance.now() - t0);
      } catch (err) {
        // Counted once, as a failed request: a save that did not happen announces nothing to miss.
        sentAt.delete(`${before.id}:${before.version + 1}`);
        fail('articles.save', err);
        stories[i] = await clients[i]!.call<Article>('articles.get', { id: before.id }).catch(() => before);
      }
    };

    // Every stream in place and every path warm before anything is measured.
    await inPool(4, clients, (c) => save(c.index, false, false));
    const warmUpEnds = performance.now() + WARM_UP_TIMEOUT_MS;
    while ([...sentAt.values()].some((s) => s.heardBy < CLIENTS) && performance.now() < warmUpEnds) await sleep(100);
    const unheard = [...sentAt.values()].filter((s) => s.heardBy < CLIENTS).length;
    if (unheard > 0) fail('warm-up', new Error(`${unheard} warm-up saves not heard by every client within ${WARM_UP_TIMEOUT_MS} ms`));

    progress(`saving for ${RUN_MS / 1_000} s`);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    // Where the run's CPU went: the two servers, PostgreSQL (everyone's), the clients in this process.
    const cpuBefore = { servers: servers.map((s) => cpuSecondsOf(s.pid)), pg: postgresCpuSeconds(), bench: process.cpuUsage() };
    const started = performance.now();
    await Promise.all(
      clients.map(async (_, i) => {
        await sleep((i * SAVE_EVERY_MS) / CLIENTS);
        for (let n = 0; performance.now() - started < RUN_MS; n += 1) {
          const t0 = performance.now();
          await save(i, true, (n + i) % QUEUE_SAMPLE_EVERY === 0);
          await sleep(Math.max(0, SAVE_EVERY_MS - (performance.now() - t0)));
        }
      }),
    );
    const measured = [...sentAt.values()].filter((s) => s.measured);
    const settleEnds = performance.now() + SETTLE_MS;
    while (measured.some((s) => s.heardBy < CLIENTS) && performance.now() < settleEnds) await sleep(100);
    await Promise.all([...reads]);
    loop.disable();
    const elapsed = (performance.now() - started) / 1_000;
    const share = (seconds: number) => Math.round((seconds / elapsed) * 100) / 100;
    const serverCpu = servers.map((s, k) => share(cpuSecondsOf(s.pid) - cpuBefore.servers[k]!));
    const pgCpu = share(postgresCpuSeconds() - cpuBefore.pg);
    const benchUsage = process.cpuUsage(cpuBefore.bench);
    const benchCpu = share((benchUsage.user + benchUsage.system) / 1e6);
    const rssEnd = servers.map((s) => s.rssKb());
    const load = os.loadavg()[0]!;

    const missed = measured.reduce((n, s) => n + CLIENTS - s.heardBy, 0);
    const exited = servers.filter((s) => s.exited()).map((s) => `server ${s.name} exited during the run`);
    const errors = failed.length + dropped.length + missed + stale + exited.length;
    const streamKb = rssStreams.reduce((n, after, k) => n + after - rssBefore[k]!, 0) / clients.length;
    const mb = (kb: number) => Math.round(kb / 102.4) / 10;
    const cost = `scrypt N=2^${Math.log2(OWASP_COST.N)}, r=${OWASP_COST.r}, p=${OWASP_COST.p} (${(128 * OWASP_COST.N * OWASP_COST.r) / 2 ** 20} MiB per hash), ${SIGNIN_CONCURRENCY} at a time`;

    report({ bench: BENCH, metric: 'clients', value: clients.length, unit: 'count' });
    report({ bench: BENCH, metric: 'server_processes', value: servers.length, unit: 'count' });
    report({ bench: BENCH, metric: 'saves', value: saves.length, unit: 'count' });
    report({ bench: BENCH, metric: 'save_p50', value: percentile(saves, 50), unit: 'ms' });
    report({ bench: BENCH, metric: 'save_p95', value: percentile(saves, 95), unit: 'ms', target: 50 });
    report({
      bench: BENCH,
      metric: 'event_delivery_p95',
      value: percentile(updates, 95),
      unit: 'ms',
      note: 'save sent to one process → article.changed on every stream of the other',
    });
    report({
      bench: BENCH,
      metric: 'queue_update_samples',
      value: shown.length,
      unit: 'count',
      note: `1 save in ${QUEUE_SAMPLE_EVERY}, read by the next client on the other process`,
    });
    report({ bench: BENCH, metric: 'queue_update_p50', value: percentile(shown, 50), unit: 'ms' });
    report({
      bench: BENCH,
      metric: 'queue_update_p95',
      value: percentile(shown, 95),
      unit: 'ms',
      target: 1000,
      note: 'save sent to A → event heard on B and B’s desk queue shows the version',
    });
    report({ bench: BENCH, metric: 'signin_p50', value: percentile(signIns, 50), unit: 'ms', note: cost });
    report({ bench: BENCH, metric: 'signin_p95', value: percentile(signIns, 95), unit: 'ms', note: cost });
    report({
      bench: BENCH,
      metric: 'server_rss_mb',
      value: mb(Math.max(...rssEnd)),
      unit: 'MiB',
      note: `the larger of ${rssEnd.map(mb).join(' and ')} MiB (A, B) at the end`,
    });
    report({
      bench: BENCH,
      metric: 'event_stream_kb',
      value: Math.round(streamKb * 10) / 10,
      unit: 'KiB',
      note: 'RSS growth of both processes over their idle streams, per stream',
    });
    report({
      bench: BENCH,
      metric: 'event_loop_delay_p95',
      value: Math.round(loop.percentile(95) / 1e4) / 100,
      unit: 'ms',
      note: 'the bench process, where all clients run',
    });
    const cores = 'cores busy over the run (1 = one core all the time)';
    report({
      bench: BENCH,
      metric: 'cpu_servers',
      value: Math.round(serverCpu.reduce((a, b) => a + b, 0) * 100) / 100,
      unit: 'cores',
      note: `${cores}; A ${serverCpu[0]}, B ${serverCpu[1]}`,
    });
    report({ bench: BENCH, metric: 'cpu_postgres', value: pgCpu, unit: 'cores', note: `${cores}; every PostgreSQL process on the machine, others' too` });
    report({ bench: BENCH, metric: 'cpu_bench', value: benchCpu, unit: 'cores', note: `${cores}; the ${clients.length} clients` });
    report({ bench: BENCH, metric: 'load_average_1m', value: Math.round(load * 100) / 100, unit: 'load', note: `${os.cpus().length} cores` });
    report({ bench: BENCH, metric: 'failed_requests', value: failed.length, unit: 'count' });
    report({ bench: BENCH, metric: 'dropped_streams', value: dropped.length, unit: 'count' });
    report({ bench: BENCH, metric: 'missed_events', value: missed, unit: 'count' });
    report({ bench: BENCH, metric: 'stale_queue_reads', value: stale, unit: 'count' });
    report({ bench: BENCH, metric: 'errors', value: errors, unit: 'count', target: 0 });
    // Each kind once, with how often it happened (a message without its numbers names its kind).
    const kinds = new Map<string, number>();
    for (const e of [...failed, ...dropped, ...exited]) kinds.set(e.replace(/\d+/g, '#'), (kinds.get(e.replace(/\d+/g, '#')) ?? 0) + 1);
    for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.warn(`server: ${n} × ${kind}`);
    for (const s of servers) for (const line of s.stderr().slice(0, 5)) console.warn(`server ${s.name} stderr: ${line}`);
  } finally {
    for (const c of clients) c.close();
    await Promise.allSettled(servers.map((s) => s.stop()));
    await admin.dropSchema(db.schema).catch((err: unknown) => console.warn(`server: could not drop schema ${db.schema}`, err));
    await admin.close();
  }
}
