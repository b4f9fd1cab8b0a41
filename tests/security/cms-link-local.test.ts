import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/host/bootstrap';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import { cmsFetch, guardedAgent, type Resolve } from '../../electron/publish/address-guard';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import type { Result } from '../../shared/errors';
import { LINK_LOCAL_MESSAGE } from '../../shared/link-local';
import type { Settings } from '../../shared/settings';
import { testStorage } from '../integration/support/backend';
import { approvedSeedArticle, ok, type ApprovedArticle } from '../integration/support/publish-article';
import { makeTempDir, removeTempDirs } from '../integration/support/temp';

/*
 * A CMS target's password goes with every request to its address. An address on the link-local range
 * (169.254.0.0/16, fe80::/10) or a cloud metadata service would hand it, and the machine's cloud
 * credentials with whatever answers, to the wrong place: such targets are refused when saved and
 * again when a request would connect. LAN and loopback addresses stay allowed.
 */

let backend: Backend;
let story: ApprovedArticle;
/** A real HTTP server on 127.0.0.1 counting the requests it gets. */
let site: { url: string; port: number; hits: string[]; close(): Promise<void> };

beforeAll(async () => {
  const dataDir = path.join(makeTempDir('byline-link-local-'), 'data');
  const { conf } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
  const fast = { timeoutMs: 2_000, retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 } };
  backend = await startBackend({ dataDir, settingsStore: confSettingsStore(conf), storage: testStorage(dataDir), wordpress: fast, ghost: fast });
  story = await approvedSeedArticle(backend);
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    res.writeHead(401, { 'Content-Type': 'application/json' });
    res.end('{"code":"rest_not_logged_in","message":"no"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  site = { url: `http://127.0.0.1:${port}/`, port, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
});

afterAll(async () => {
  await site.close();
  await backend.close();
  removeTempDirs();
});

const saveTarget = async (input: Record<string, unknown>) => (await backend.dispatch('publish.saveTarget', input)) as Result<PublishTarget>;
const GHOST_KEY = `${'a'.repeat(24)}:${'b'.repeat(64)}`;

const REFUSED = [
  'http://169.254.169.254/',
  'http://169.254.169.254./latest/meta-data/',
  'https://169.254.0.1:8443/wp/',
  'http://0xA9FEA9FE/',
  'http://2852039166/',
  'http://169.254.1/',
  'http://[fe80::1]/',
  'http://[FEBF::abcd]:8080/',
  'http://[::ffff:169.254.169.254]/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://[64:ff9b::169.254.169.254]/',
  'http://[fd00:ec2::254]/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://METADATA.GOOGLE.INTERNAL./',
  'http://metadata/',
  'http://100.100.100.200/',
];

const ALLOWED = [
  'http://10.0.0.5/',
  'http://172.16.4.2/wp/',
  'http://192.168.1.10:8080/',
  'http://127.0.0.1:9/',
  'http://[::1]:9/',
  'https://news.example.kr/',
  'http://169.255.0.1/',
  'http://[fec0::1]/',
];

describe('saving a target: link-local and metadata addresses are refused in Korean', () => {
  it.each(REFUSED)('WordPress at %s is refused and nothing is stored', async (url) => {
    const before = await ok<PublishTarget[]>(backend, 'publish.targets', {});
    const r = await saveTarget({ kind: 'wordpress', name: '메타데이터', settings: { url, username: 'desk' }, secret: 'abcd efgh ijkl mnop qrst uvwx' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('링크 로컬');
    }
    expect(await ok<PublishTarget[]>(backend, 'publish.targets', {})).toEqual(before);
  });

  it.each(REFUSED.slice(0, 4))('Ghost at %s is refused, and so is moving an existing target there', async (url) => {
    expect((await saveTarget({ kind: 'ghost', name: 'Ghost', settings: { url }, secret: GHOST_KEY })).ok).toBe(false);
    const t = await ok<PublishTarget>(backend, 'publish.saveTarget', { kind: 'ghost', name: 'Ghost', settings: { url: site.url }, secret: GHOST_KEY });
    const moved = await saveTarget({ id: t.id, kind: 'ghost', name: 'Ghost', settings: { url } });
    expect(moved.ok).toBe(false);
    expect((await ok<PublishTarget[]>(backend, 'publish.targets', {})).find((x) => x.id === t.id)!.settings.url).toBe(site.url);
  });

  it.each(ALLOWED)('LAN, loopback and public addresses stay allowed: %s', async (url) => {
    const r = await saveTarget({ kind: 'wordpress', name: 'LAN', settings: { url, username: 'desk' }, secret: 'abcd efgh ijkl mnop qrst uvwx' });
    expect(r.ok).toBe(true);
  });
});

describe('publishing: a target already stored with such an address is refused before any connection', () => {
  it.each([
    ['wordpress', 'http://169.254.169.254/'],
    ['wordpress', 'http://[fe80::1]:8080/'],
    ['ghost', 'http://[::ffff:169.254.169.254]/'],
    ['ghost', 'http://metadata.google.internal/'],
  ] as const)('%s at %s: refused in Korean as its settings are read, nothing sent and nothing logged', async (kind, url) => {
    const t = await ok<PublishTarget>(
      backend,
      'publish.saveTarget',
      kind === 'wordpress'
        ? { kind, name: '예전 대상', settings: { url: site.url, username: 'desk' }, secret: 'abcd efgh ijkl mnop qrst uvwx' }
        : { kind, name: '예전 대상', settings: { url: site.url }, secret: GHOST_KEY },
    );
    const hits = site.hits.length;
    const logged = (await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: story.article.id })).length;
    // As a target saved before addresses were checked would be: written to the database directly.
    await backend.db.run('UPDATE publish_targets SET settings_json = ? WHERE id = ?', [JSON.stringify({ ...t.settings, url }), t.id]);
    const runs = [
      backend.dispatch('publish.run', { articleId: story.article.id, targetId: t.id }, { actorId: story.desk.id }),
      backend.dispatch('publish.testTarget', { targetId: t.id }),
    ];
    for (const r of (await Promise.all(runs)) as Array<Result<unknown>>) {
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!r.ok) expect(r.error.message).toContain(LINK_LOCAL_MESSAGE);
    }
    expect(site.hits.length).toBe(hits);
    expect(await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: story.article.id })).toHaveLength(logged);
  });
});

describe('connecting: a name that resolves to a refused address is refused where the socket connects', () => {
  /** The resolver the socket uses, answering for the test's own name only (everything else as the system would). */
  const resolving =
    (answers: Array<{ address: string; family: number }>): Resolve =>
    (_hostname, _options, callback) =>
      callback(null, answers);

  it.each([
    [[{ address: '169.254.169.254', family: 4 }]],
    [[{ address: 'fe80::1', family: 6 }]],
    [[{ address: '::ffff:169.254.169.254', family: 6 }]],
    // Any refused answer refuses the name: the socket might try the next one.
    [
      [
        { address: '127.0.0.1', family: 4 },
        { address: '169.254.169.254', family: 4 },
      ],
    ],
  ])('cms.test resolving to %j: refused in Korean, nothing reaches any server', async (answers) => {
    const before = site.hits.length;
    const agent = guardedAgent(resolving(answers));
    try {
      await expect(
        cmsFetch(`http://cms.test:${site.port}/?rest_route=/wp/v2/users/me`, { headers: { Authorization: 'Basic c2VjcmV0' } }, agent),
      ).rejects.toMatchObject({ code: 'FORBIDDEN', message: LINK_LOCAL_MESSAGE });
    } finally {
      await agent.close();
    }
    expect(site.hits.length).toBe(before);
  });

  it('the same name resolving to loopback connects as usual', async () => {
    const agent = guardedAgent(resolving([{ address: '127.0.0.1', family: 4 }]));
    try {
      const res = await cmsFetch(`http://cms.test:${site.port}/loopback`, {}, agent);
      expect(res.status).toBe(401);
      await res.text();
    } finally {
      await agent.close();
    }
    expect(site.hits.at(-1)).toBe('/loopback');
  });
});
