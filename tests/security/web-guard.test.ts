import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { makeDataDir, startWebMode } from '../e2e/support/web-server';
import { startTestBackend } from '../integration/support/backend';
import { logicalDump, makeTempDir, removeTempDirs } from '../integration/support/temp';
import { httpClient } from './support/http-client';

/**
 * Web mode's door, beyond tests/integration/web-server.test.ts: more DNS-rebinding Host names and
 * lookalike Origins, tokens where they must not count, no CORS grant to anyone, and the real
 * command-line process listening on 127.0.0.1 and nowhere else.
 */

let backend: Backend;
let server: WebServer;
let client: ReturnType<typeof httpClient>;

beforeAll(async () => {
  ({ backend } = await startTestBackend(path.join(makeTempDir('byline-guard-'), 'data')));
  server = await startWebServer({ dispatch: backend.dispatch, staticDir: makeTempDir('byline-static-'), port: 0 });
  client = httpClient(server.port);
});
afterAll(async () => {
  client.close();
  await server.close();
  await backend.close();
  removeTempDirs();
});

const post = (method: string, headers: Record<string, string>, body = '{}') =>
  client.request({ method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json', ...headers }, body });
const bearer = () => ({ Authorization: `Bearer ${server.token}` });

describe('DNS rebinding: foreign Host names reaching 127.0.0.1', () => {
  const HOSTS = [
    'attacker.example:PORT',
    '127.0.0.1.nip.io:PORT',
    'localtest.me:PORT',
    'localhost.:PORT',
    '127.0.0.1.:PORT',
    '[::1]:PORT',
    '[::ffff:127.0.0.1]:PORT',
    '0.0.0.0:PORT',
    '127.1:PORT',
    '2130706433:PORT',
    '0x7f000001:PORT',
    '127.0.0.2:PORT',
    'evil@127.0.0.1:PORT',
    '127.0.0.1:PORT.evil.example',
    '127.0.0.1:PORT:PORT',
  ];

  it.each(HOSTS)('refuses Host %j with 421 even with the token, and writes nothing', async (host) => {
    const before = await logicalDump(backend.db);
    const reply = await post('articles.create', { ...bearer(), Host: host.replaceAll('PORT', String(server.port)) }, '{"headline":"리바인딩"}');
    expect(reply.status).toBe(421);
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
  });

  it('refuses a request with no Host at all (HTTP/1.0)', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: server.port }, () => {
        socket.end(`POST /api/settings.get HTTP/1.0\r\nAuthorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
      });
      let data = '';
      socket.on('data', (c: Buffer) => (data += c.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.[01] 421 /);
  });
});

describe('foreign Origins', () => {
  const ORIGINS = [
    'http://localhost.:PORT',
    'http://127.0.0.1.nip.io:PORT',
    'http://[::1]:PORT',
    'http://127.0.0.1:PORT/',
    'http://127.0.0.1',
    'file://',
    'chrome-extension://abcdefghijklmnop',
    'app://byline',
    'http://127.0.0.1:PORT@evil.example',
  ];

  it.each(ORIGINS)('refuses Origin %j with 403 even with the token', async (origin) => {
    const reply = await post('articles.create', { ...bearer(), Origin: origin.replaceAll('PORT', String(server.port)) }, '{"headline":"외부"}');
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('grants no CORS access to anyone: no Access-Control-Allow-* on any answer, preflights refused', async () => {
    const own = `http://127.0.0.1:${server.port}`;
    const replies = [
      await post('settings.get', { ...bearer(), Origin: own }),
      await post('settings.get', { ...bearer(), Origin: 'http://evil.example' }),
      await client.request({
        method: 'OPTIONS',
        path: '/api/settings.get',
        headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      }),
      await client.request({ method: 'OPTIONS', path: '/api/settings.get', headers: { Origin: own, 'Access-Control-Request-Method': 'POST' } }),
      await client.request({ path: '/', headers: { Origin: 'http://evil.example' } }),
    ];
    for (const r of replies) expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(replies[2]!.status).toBe(403);
    expect(replies[3]!.status).not.toBe(200);
  });
});

describe('tokens', () => {
  it('accepts the token only as a Bearer header or the session cookie, never from the query of an API call', async () => {
    const byQuery = await client.request({
      method: 'POST',
      path: `/api/settings.get?token=${server.token}`,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(byQuery.status).toBe(401);
    for (const auth of [
      `Basic ${Buffer.from(`x:${server.token}`).toString('base64')}`,
      `Token ${server.token}`,
      server.token,
      `Bearer ${server.token.slice(0, -1)}`,
      `Bearer ${server.token}x`,
    ]) {
      expect([auth.slice(0, 12), (await post('settings.get', { Authorization: auth })).status]).toEqual([auth.slice(0, 12), 401]);
    }
    expect((await post('settings.get', { Cookie: `byline_token=${server.token}; token=${server.token}` })).status).toBe(401);
  });
});

/** Listening sockets of this machine in /proc/net/tcp{,6}: local address and port of each LISTEN row. */
function listeners(file: '/proc/net/tcp' | '/proc/net/tcp6', port: number): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[3] === '0A' && cols[1] && parseInt(cols[1].split(':')[1]!, 16) === port)
    .map((cols) => cols[1]!.split(':')[0]!);
}

describe('binding of the real web-mode process', () => {
  it('listens on 127.0.0.1 only: no IPv6 socket, no wildcard address, ::1 refused', async () => {
    const data = makeDataDir();
    const running = await startWebMode(data.dir);
    try {
      const port = Number(new URL(running.origin).port);
      expect(new URL(running.url).hostname).toBe('127.0.0.1');
      expect(listeners('/proc/net/tcp', port)).toEqual(['0100007F']); // 127.0.0.1, little-endian hex
      expect(listeners('/proc/net/tcp6', port)).toEqual([]);
      const v6 = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: '::1', port });
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
      expect(v6).not.toBe('connected');
    } finally {
      await running.stop();
      data.remove();
    }
  });
});
