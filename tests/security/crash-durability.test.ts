import { afterAll, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { DEFAULT_META, type Article, type ArticleFields, type Revision } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import type { Result } from '../../shared/errors';
import { makeDataDir, startWebMode, type RunningServer } from '../e2e/support/web-server';
import { startTestBackend } from '../integration/support/backend';
import { httpClient } from './support/http-client';
import { seeded } from './support/prng';

/**
 * Crashes: the real web-mode process (electron/web/cli.ts) takes a stream of saves on two stories and
 * is killed with SIGKILL at a seeded random moment, 16 times over in CI (BYLINE_CRASH_ROUNDS=50 for the
 * full count, the same seeded rounds continued), each time restarted on the same data folder. Every save
 * that was answered 200 must be there afterwards with exactly the content sent; no stored revision may
 * hold anything that was not sent whole; PRAGMA integrity_check must say ok.
 *
 * Why 16 is enough to catch a real durability bug: each round already kills two streams of saves and
 * checks every acknowledged one, so an answer sent before its commit, a torn revision or a WAL left
 * unrecoverable shows in most rounds, not one in fifty; the cost is a web-mode start per round (~2 s).
 */

const ROUNDS = Number(process.env.BYLINE_CRASH_ROUNDS ?? 16);
const STORIES = 2;
/** The kill comes this many ms after the saves start: some rounds die mid-save, some before the first. */
const KILL_AFTER_MS: [number, number] = [0, 250];
const rng = seeded(0xc0ffee);

const data = makeDataDir();
afterAll(() => data.remove());

/** What was sent for each story and version: every attempt, and the one the server acknowledged. */
const attempted = new Map<string, Set<string>>();
const acknowledged = new Map<string, string>();
const key = (id: string, version: number) => `${id}@${version}`;

function fieldsFor(round: number, story: number, seq: number): ArticleFields {
  const filler = '양자기술 협력 가속화 추진 '.repeat(rng.int(0, 400));
  return {
    ...DEFAULT_META,
    headline: `충돌 시험 ${round}-${story}-${seq}`,
    deck: `라운드 ${round}`,
    section: 'IT/과학',
    body: editorStateFromParagraphs([`(포탈뉴스통신) 라운드 ${round} 기사 ${story} 저장 ${seq}.`, filler.trim(), '[뉴스출처 : 과학기술정보통신부]']),
  };
}

/** The content a revision must match: headline, deck and the body's text. */
const contentOf = (f: Pick<ArticleFields, 'headline' | 'deck' | 'body'>) => JSON.stringify([f.headline, f.deck, editorStateToText(f.body)]);

async function connect(server: RunningServer) {
  const url = new URL(server.url);
  const client = httpClient(Number(url.port));
  const token = url.searchParams.get('token')!;
  const call = async <T>(method: string, input: unknown): Promise<{ status: number; body: Result<T> }> => {
    const reply = await client.request({
      method: 'POST',
      path: `/api/${method}`,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: reply.status, body: JSON.parse(reply.text) as Result<T> };
  };
  return { call, close: () => client.close() };
}

/** Saves one story again and again until the connection dies; returns how many were acknowledged. */
async function stream(
  call: Awaited<ReturnType<typeof connect>>['call'],
  round: number,
  story: number,
  id: string,
  version: number,
): Promise<{ acked: number; inFlight: boolean }> {
  let acked = 0;
  for (let seq = 0; ; seq += 1) {
    const fields = fieldsFor(round, story, seq);
    const next = version + 1;
    if (!attempted.has(key(id, next))) attempted.set(key(id, next), new Set());
    attempted.get(key(id, next))!.add(contentOf(fields));
    let reply;
    try {
      reply = await call<Article>('articles.save', { id, baseVersion: version, fields });
    } catch {
      return { acked, inFlight: true }; // the process is gone: this save was never acknowledged
    }
    if (reply.status !== 200 || !reply.body.ok) throw new Error(`round ${round}: save answered ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
    expect(reply.body.value.version).toBe(next);
    acknowledged.set(key(id, next), contentOf(fields));
    version = next;
    acked += 1;
  }
}

// Each round starts a server process: on a busy 2-core machine that alone can take several seconds, and a
// timeout here would say nothing about durability.
it(`keeps every acknowledged save through ${ROUNDS} SIGKILLs`, { timeout: 600_000 }, async () => {
  const ids: string[] = [];
  const perRound: number[] = [];
  let killedMidSave = 0;
  let landedUnacknowledged = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const server = await startWebMode(data.dir);
    const { call, close } = await connect(server);
    if (round === 0) {
      for (let s = 0; s < STORIES; s += 1) {
        const created = await call<Article>('articles.create', { headline: `충돌 시험 ${s}` });
        if (!created.body.ok) throw new Error('create failed');
        ids.push(created.body.value.id);
      }
    }
    // Whatever the last process acknowledged is there now, read back by the new process.
    const versions: number[] = [];
    for (const id of ids) {
      const got = await call<Article>('articles.get', { id });
      if (!got.body.ok) throw new Error(`round ${round}: ${id} unreadable after restart`);
      const newestAcked = Math.max(1, ...[...acknowledged.keys()].filter((k) => k.startsWith(`${id}@`)).map((k) => Number(k.split('@')[1])));
      expect(got.body.value.version).toBeGreaterThanOrEqual(newestAcked);
      // A save can commit and die before its answer leaves: it is then there, whole, one version on.
      if (got.body.value.version > newestAcked && round > 0) landedUnacknowledged += 1;
      if (acknowledged.has(key(id, got.body.value.version))) expect(contentOf(got.body.value)).toBe(acknowledged.get(key(id, got.body.value.version)));
      versions.push(got.body.value.version);
    }

    const killAfter = rng.int(...KILL_AFTER_MS);
    const streams = ids.map((id, s) => stream(call, round, s, id, versions[s]!));
    await new Promise((resolve) => setTimeout(resolve, killAfter));
    await server.stop('SIGKILL');
    const outcomes = await Promise.all(streams);
    close();
    perRound.push(outcomes.reduce((sum, o) => sum + o.acked, 0));
    if (outcomes.some((o) => o.inFlight)) killedMidSave += 1;
  }

  // Afterwards, in this process with the real backend: every acknowledged version is stored as sent,
  // nothing stored is a torn mix, and SQLite finds the file sound.
  const { backend } = await startTestBackend(data.dir);
  try {
    const call = async <T>(method: string, input: unknown) => (await backend.dispatch(method, input)) as Result<T>;
    let verified = 0;
    for (const [k, content] of acknowledged) {
      const [id, version] = k.split('@');
      const revision = await call<Revision>('articles.revision', { id, version: Number(version) });
      if (!revision.ok) throw new Error(`acknowledged ${k} is missing: ${revision.error.message}`);
      expect(contentOf(revision.value.fields)).toBe(content);
      verified += 1;
    }
    for (const id of ids) {
      const revisions = await call<Array<{ version: number }>>('articles.revisions', { id });
      if (!revisions.ok) throw new Error('revisions unreadable');
      for (const { version } of revisions.value.filter((r) => r.version > 1)) {
        const revision = await call<Revision>('articles.revision', { id, version });
        if (!revision.ok) throw new Error(`revision ${id}@${version} unreadable`);
        expect(attempted.get(key(id, version))?.has(contentOf(revision.value.fields))).toBe(true);
      }
    }
    const integrity = await backend.db.all<{ integrity_check: string }>('PRAGMA integrity_check');
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);
    expect(verified).toBe(acknowledged.size);
    expect(acknowledged.size).toBeGreaterThan(ROUNDS);
    console.log(
      `[crash] ${ROUNDS} SIGKILLs (${killedMidSave} with a save request in flight), ${acknowledged.size} acknowledged saves verified, ` +
        `${landedUnacknowledged} unanswered saves found committed whole, ${attempted.size - acknowledged.size} versions never stored, saves per round ${Math.min(...perRound)}–${Math.max(...perRound)}; integrity_check ok`,
    );
  } finally {
    await closeQuietly(backend);
  }
});

async function closeQuietly(backend: Backend): Promise<void> {
  await backend.close().catch(() => undefined);
}
