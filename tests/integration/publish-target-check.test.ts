import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/host/bootstrap';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import type { PublishTarget, TargetCheck } from '../../shared/contract-publish';
import type { Settings } from '../../shared/settings';
import { selfSignedCertificate } from './support/certificate';
import * as gp from './support/ghost-peer';
import { ok } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';
import { startWordPress, wordpressInstalled, type WpPeer } from './support/wp-peer';
import { WpProxy } from './support/wp-proxy';

/*
 * 연결 시험 (publish.checkTarget) of targets as typed, before they are saved, against the real WordPress
 * and Ghost peers and real servers on 127.0.0.1 that are not a CMS, never answer, or present a
 * certificate nobody signed. Each answer names its reason in Korean; none publishes anything.
 */

if (!wordpressInstalled) console.warn('[publish-target-check] SKIPPED WordPress part: WordPress is not installed here (.ci/run installs it).');

const listen = <S extends Server | TcpServer>(server: S) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)));

const wpInput = (url: string, username: string, secret?: string, id?: number) => ({
  ...(id === undefined ? {} : { id }),
  kind: 'wordpress',
  name: '홈페이지',
  settings: { url, username },
  ...(secret === undefined ? {} : { secret }),
});

describe.skipIf(!wordpressInstalled)('연결 시험 of a WordPress target before it is saved', { timeout: 60_000 }, () => {
  let wp: WpPeer;
  let proxy: WpProxy;
  let backend: Backend;
  let notWordPress: Server;
  let silent: TcpServer;
  let tls: Server;
  const hanging: Socket[] = [];
  const addr: Record<string, string> = {};
  const check = (input: unknown) => ok<TargetCheck>(backend, 'publish.checkTarget', input);

  beforeAll(async () => {
    wp = startWordPress();
    proxy = await WpProxy.start(wp.url);
    notWordPress = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>우리 신문</h1>'));
    silent = createTcpServer((socket) => void hanging.push(socket));
    const { cert, key } = selfSignedCertificate(makeTempDir('byline-check-tls-'));
    tls = createHttpsServer({ cert, key }, (_req, res) => res.end('{}'));
    addr.html = await listen(notWordPress);
    addr.silent = await listen(silent);
    addr.tls = await listen(tls);
    const closed = createTcpServer();
    addr.closed = await listen(closed);
    await new Promise((r) => closed.close(r));
  }, 200_000);

  afterAll(async () => {
    for (const s of hanging) s.destroy();
    await Promise.all([notWordPress, silent, tls].map((s) => new Promise((r) => s.close(r))));
    await proxy?.close();
  });

  async function start(timeoutMs: number): Promise<void> {
    const dataDir = makeTempDir('byline-check-wp-');
    const { conf } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
    backend = await startBackend({
      dataDir,
      settingsStore: confSettingsStore(conf),
      wordpress: { timeoutMs, retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 } },
    });
  }

  beforeEach(async () => {
    proxy.clear();
    // The peer is one PHP process that other test files keep busy: give it time; the silent server gets a short one.
    await start(15_000);
  });

  afterEach(async () => {
    await backend.close();
    removeTempDirs();
  });

  it('names the site and the user for a right password, and neither publishes nor stores anything', async () => {
    const answer = await check(wpInput(proxy.url, wp.user, wp.password));
    expect(answer.ok, answer.message).toBe(true);
    expect(answer.message).toMatch(new RegExp(`^연결됨: ‘Byline Test Site’ \\(127\\.0\\.0\\.1:\\d+\\) — 사용자 ${wp.user} \\((관리자|편집자)\\)\\.`));
    expect(proxy.count('POST', /./)).toBe(0);
    expect(await ok<PublishTarget[]>(backend, 'publish.targets', {})).toEqual([]);
  });

  it('says 인증 실패 for a wrong password, without the password', async () => {
    const wrong = 'aaaa bbbb cccc dddd eeee ffff';
    const answer = await check(wpInput(proxy.url, wp.user, wrong));
    expect(answer).toMatchObject({ ok: false, reason: 'auth' });
    expect(answer.message).toMatch(/^인증 실패: 워드프레스 로그인에 실패했습니다/);
    expect(answer.message).not.toContain(wrong);
    expect(answer.message).not.toContain(wrong.replace(/ /g, ''));
  });

  it('uses the stored password of a saved target while its address and user stay, and asks for it again when they change', async () => {
    const saved = await ok<PublishTarget>(backend, 'publish.saveTarget', wpInput(proxy.url, wp.user, wp.password));
    expect((await check(wpInput(proxy.url, wp.user, undefined, saved.id))).ok).toBe(true);
    const moved = await check(wpInput(`http://${addr.html}`, wp.user, undefined, saved.id));
    expect(moved).toMatchObject({ ok: false, reason: 'auth' });
    expect(moved.message).toContain('애플리케이션 비밀번호');
    const gone = await backend.dispatch('publish.checkTarget', wpInput(proxy.url, wp.user, undefined, saved.id + 99));
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('says 권한 부족 for a user who may not publish (a 구독자)', async () => {
    const login = `sub${Date.now().toString(36)}`;
    const admin = { Authorization: `Basic ${Buffer.from(`${wp.user}:${wp.password}`).toString('base64')}`, 'Content-Type': 'application/json' };
    const route = (r: string) => `${wp.url}/?rest_route=${encodeURIComponent(r)}`;
    const user = (await (
      await fetch(route('/wp/v2/users'), {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ username: login, email: `${login}@example.com`, password: 'Sub-pass-12345', roles: ['subscriber'] }),
      })
    ).json()) as { id: number };
    const app = (await (
      await fetch(route(`/wp/v2/users/${user.id}/application-passwords`), { method: 'POST', headers: admin, body: JSON.stringify({ name: 'byline-check' }) })
    ).json()) as { password: string };
    try {
      const answer = await check(wpInput(proxy.url, login, app.password));
      expect(answer).toMatchObject({ ok: false, reason: 'rights' });
      expect(answer.message).toMatch(/^권한 부족: .*글 발행, 미디어 업로드, 카테고리 관리 권한이 없습니다/);
    } finally {
      await fetch(route(`/wp/v2/users/${user.id}`) + '&force=true&reassign=1', { method: 'DELETE', headers: admin });
    }
  });

  it('says 주소 오류 for a site that is not WordPress and for a port where nothing listens', async () => {
    const html = await check(wpInput(`http://${addr.html}`, wp.user, wp.password));
    expect(html).toMatchObject({ ok: false, reason: 'address' });
    expect(html.message).toContain('워드프레스 사이트가 아닙니다');
    const closed = await check(wpInput(`http://${addr.closed}`, wp.user, wp.password));
    expect(closed).toMatchObject({ ok: false, reason: 'address' });
    expect(closed.message).toContain('연결을 거부했습니다');
  });

  it('says 시간 초과 for a server that never answers, and TLS 오류 for a certificate nobody signed', async () => {
    await backend.close();
    await start(500);
    expect(await check(wpInput(`http://${addr.silent}`, wp.user, wp.password))).toMatchObject({ ok: false, reason: 'timeout' });
    const tlsAnswer = await check(wpInput(`https://${addr.tls}`, wp.user, wp.password));
    expect(tlsAnswer).toMatchObject({ ok: false, reason: 'tls' });
    expect(tlsAnswer.message).toMatch(/^TLS 오류: 127\.0\.0\.1:\d+의 인증서를 믿을 수 없습니다/);
  });

  it('refuses a link-local address in the contract, before any connection', async () => {
    const answer = await backend.dispatch('publish.checkTarget', wpInput('http://169.254.169.254', wp.user, wp.password));
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe.skipIf(typeof gp.peer === 'string')('연결 시험 of a Ghost target before it is saved', { timeout: 60_000 }, () => {
  gp.useGhostPeer();
  const ghostInput = (url: string, secret: string) => ({ kind: 'ghost', name: '고스트', settings: { url }, secret });

  it('names the site and its version for the right key; a wrong key is 인증 실패, without the key', async () => {
    const good = await ok<TargetCheck>(gp.backend, 'publish.checkTarget', ghostInput(gp.proxy.url, gp.ghost.key));
    expect(good.ok, good.message).toBe(true);
    expect(good.message).toMatch(/^연결됨: ‘.+’ \(127\.0\.0\.1:\d+, Ghost 5\.\d+/);
    const secret = 'ab'.repeat(32);
    const bad = await ok<TargetCheck>(gp.backend, 'publish.checkTarget', ghostInput(gp.proxy.url, `${gp.ghost.key.split(':')[0]}:${secret}`));
    expect(bad).toMatchObject({ ok: false, reason: 'auth' });
    expect(bad.message).toMatch(/^인증 실패: /);
    expect(bad.message).not.toContain(secret);
    expect(gp.proxy.count('POST', /./)).toBe(0);
  });

  it('says 주소 오류 for an address that is not Ghost', async () => {
    const wpLike = createHttpServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<p>없음</p>'));
    const at = await listen(wpLike);
    try {
      const answer = await ok<TargetCheck>(gp.backend, 'publish.checkTarget', ghostInput(`http://${at}`, gp.ghost.key));
      expect(answer).toMatchObject({ ok: false, reason: 'address' });
      expect(answer.message).toContain('Ghost 사이트가 아닙니다');
    } finally {
      await new Promise((r) => wpLike.close(r));
    }
  });
});
