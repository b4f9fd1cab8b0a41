import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startBackend, type Backend } from '../../../electron/host/bootstrap';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../../electron/host/settings-conf';
import { bylineTagSlug } from '../../../electron/publish/ghost';
import { ghostAdminToken } from '../../../electron/publish/ghost-token';
import type { PublishAttempt, PublishTarget } from '../../../shared/contract-publish';
import type { Settings } from '../../../shared/settings';
import { testStorage } from './backend';
import { approvedSeedArticle, ok, type ApprovedArticle } from './publish-article';
import { makeTempDir, removeTempDirs } from './temp';
import { WpProxy } from './wp-proxy';

/*
 * Publishing to a real Ghost (npm's ghost@5.130.6 on SQLite, started by tests/peers/ghost-up.sh on
 * 127.0.0.1), through the same real fault-injecting proxy the WordPress tests use (it matches Ghost's
 * paths as routes). When Ghost cannot be installed or started here (no npm registry, no compiler for
 * sqlite3) the suite is skipped and says why; CI (.ci/run) starts it first, so there these tests run.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const PEER = path.join(here, '..', '..', 'peers', 'ghost-up.sh');

export interface Ghost {
  url: string;
  key: string;
}

/** The peer's GHOST_URL= and GHOST_ADMIN_KEY= lines, or why there are none. */
function startGhost(): Ghost | string {
  // Ghost keeps running in the background with a pipe open: the peer's output goes to a file, or reading it would wait for Ghost to exit.
  const outFile = path.join(makeTempDir('byline-ghost-peer-'), 'peer.txt');
  const fd = openSync(outFile, 'w');
  try {
    // The first run installs Ghost from the npm registry (a few minutes); later runs reuse the install and a running Ghost.
    execFileSync('bash', [PEER], { timeout: 900_000, stdio: ['ignore', fd, fd] });
  } catch {
    return readFileSync(outFile, 'utf8').trim().split('\n').slice(-8).join('\n') || 'ghost-up.sh failed without output';
  } finally {
    closeSync(fd);
  }
  const lines = Object.fromEntries(
    readFileSync(outFile, 'utf8')
      .split('\n')
      .filter((l) => /^GHOST_[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return lines.GHOST_URL && lines.GHOST_ADMIN_KEY ? { url: lines.GHOST_URL, key: lines.GHOST_ADMIN_KEY } : 'ghost-up.sh printed no GHOST_URL / GHOST_ADMIN_KEY';
}

export const peer = startGhost();
removeTempDirs();
if (typeof peer === 'string') console.warn(`[publish-ghost] SKIPPED: a real Ghost could not be started here (tests/peers/ghost-up.sh):\n${peer}`);

// Live bindings: the test files read these after the hooks below have set them.
export let ghost: Ghost;
export let proxy: WpProxy;
export let backend: Backend;

export interface GhostPost {
  id: string;
  status: string;
  url: string;
  title: string;
  html: string;
  custom_excerpt: string | null;
  published_at: string | null;
  feature_image: string | null;
  feature_image_caption: string | null;
  feature_image_alt: string | null;
  primary_tag: { name: string } | null;
  tags: Array<{ name: string; slug: string; visibility: string }>;
}

/** Reads Ghost directly (not through the proxy, not through Byline's client). */
export async function ghostGet<T>(route: string, query: Record<string, string> = {}): Promise<T> {
  const u = new URL(`/ghost/api/admin/${route}`, ghost.url);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  const res = await fetch(u, { headers: { Authorization: `Ghost ${ghostAdminToken(ghost.key)}`, 'Accept-Version': 'v5.0' } });
  if (!res.ok) throw Object.assign(new Error(`${route}: ${res.status} ${await res.text()}`), { status: res.status });
  return (await res.json()) as T;
}

export async function post(id: string): Promise<GhostPost> {
  return (await ghostGet<{ posts: GhostPost[] }>(`posts/${id}/`, { formats: 'html', include: 'tags' })).posts[0]!;
}

export async function start(options: { timeoutMs?: number } = {}): Promise<void> {
  const dataDir = makeTempDir('byline-publish-ghost-');
  const { conf } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
  backend = await startBackend({
    dataDir,
    settingsStore: confSettingsStore(conf),
    // SQLite, or the test PostgreSQL under vitest.postgres.config.ts.
    storage: testStorage(dataDir),
    ghost: { timeoutMs: options.timeoutMs ?? 10_000, retry: { attempts: 4, baseDelayMs: 50, maxDelayMs: 400 } },
  });
}

export async function target(key = ghost.key): Promise<PublishTarget> {
  return ok<PublishTarget>(backend, 'publish.saveTarget', { kind: 'ghost', name: '테스트 고스트', settings: { url: proxy.url }, secret: key });
}

/** Fresh photo bytes each run, so that the uploads really happen. */
export const photoSeed = () => 1 + Math.floor(Math.random() * 1_000_000);

export async function story(options: { embargoAt?: string | null } = {}): Promise<ApprovedArticle> {
  return approvedSeedArticle(backend, { photoSeed: photoSeed(), ...options });
}

export async function run(s: ApprovedArticle, targetId: number): Promise<PublishAttempt> {
  return ok<PublishAttempt>(backend, 'publish.run', { articleId: s.article.id, targetId }, { actorId: s.desk.id });
}

export async function state(s: ApprovedArticle): Promise<string> {
  return (await ok<{ state: string }>(backend, 'workflow.status', { id: s.article.id }, { actorId: s.desk.id })).state;
}

/** Every post of the story, any status, by its hidden tag. */
export async function postsOf(s: ApprovedArticle): Promise<Array<{ id: string; status: string }>> {
  const r = await ghostGet<{ posts: Array<{ id: string; status: string }> }>('posts/', {
    filter: `tag:${bylineTagSlug(s.article.id)}+status:[draft,scheduled,published,sent]`,
    fields: 'id,status',
    limit: 'all',
  });
  return r.posts;
}

export const POSTS = /^\/ghost\/api\/admin\/posts\/$/;
export const POST = /^\/ghost\/api\/admin\/posts\/[0-9a-f]{24}\/$/;
export const UPLOADS = /^\/ghost\/api\/admin\/images\/upload\/$/;
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The suite's hooks: one proxy in front of Ghost for the file, a fresh backend for each test. */
export function useGhostPeer(): void {
  beforeAll(async () => {
    ghost = peer as Ghost;
    proxy = await WpProxy.start(ghost.url);
  });

  afterAll(async () => {
    await proxy?.close();
  });

  beforeEach(async () => {
    proxy.clear();
    await start();
  });

  afterEach(async () => {
    await backend.close();
    removeTempDirs();
  });
}
