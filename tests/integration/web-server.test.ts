import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from '../../electron/web/server';
import { fieldsOf, type Article } from '../../shared/article';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { startTestBackend } from './support/backend';
import { makeTempDir, removeTempDirs } from './support/temp';

const HEADLINE = '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진';
const INDEX_HTML = '<!doctype html><html lang="ko"><title>바이라인</title><div id="root">바이라인 화면</div></html>';
const SECRET = '비밀-원고-외부-파일-7f3a';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string; details?: Record<string, unknown> } };
}

let backend: Backend;
let server: WebServer;
let root: string;

/** node:http rather than fetch, so that Host and raw paths go out exactly as written. */
function request(options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) as ReturnType<Reply['json']> });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const bearer = () => ({ Authorization: `Bearer ${server.token}` });
function api(method: string, input: unknown, headers: Record<string, string | number> = bearer()): Promise<Reply> {
  return request({ method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(input) });
}

beforeEach(async () => {
  const dir = makeTempDir('byline-web-');
  root = path.join(dir, 'static');
  mkdirSync(root);
  writeFileSync(path.join(root, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(root, 'app.js'), 'console.log("바이라인");');
  writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  ({ backend } = await startTestBackend(path.join(dir, 'data')));
  server = await startWebServer({ dispatch: backend.dispatch, staticDir: root, port: 0 });
});

afterEach(async () => {
  await server.close();
  await backend.close();
  removeTempDirs();
});

describe('authentication', () => {
  it('refuses an API call without a token with 401 UNAUTHORIZED JSON', async () => {
    const reply = await request({ method: 'POST', path: '/api/settings.get', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(401);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('refuses a page without a token and does not serve it', async () => {
    const reply = await request({ path: '/' });
    expect(reply.status).toBe(401);
    expect(reply.text).not.toContain('바이라인 화면');
  });

  it.each(['wrong-token', '', 'x'.repeat(200)])('refuses the wrong bearer token %j', async (token) => {
    const reply = await api('settings.get', {}, { Authorization: `Bearer ${token}` });
    expect(reply.status).toBe(401);
    expect(reply.json().error?.code).toBe('UNAUTHORIZED');
  });

  it('accepts the bearer token', async () => {
    const reply = await api('settings.get', {});
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ ok: true, value: { locale: 'ko' } });
  });

  it('trades ?token= for an HttpOnly SameSite=Strict cookie that then authorises calls', async () => {
    const reply = await request({ path: `/?token=${server.token}` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(reply.headers.location).not.toContain(server.token);
    const cookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const pair = cookie.split(';')[0]!;
    expect(pair).toBe(`byline_token_${server.port}=${server.token}`);

    expect((await api('settings.get', {}, { Cookie: pair })).status).toBe(200);
    const page = await request({ path: '/', headers: { Cookie: pair } });
    expect(page.status).toBe(200);
    expect(page.text).toBe(INDEX_HTML);
  });

  it('keeps the path but drops the token when redirecting a deep link', async () => {
    const reply = await request({ path: `/queue/mine?token=${server.token}` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/queue/mine');
  });

  it('refuses a wrong ?token= without setting a cookie', async () => {
    const reply = await request({ path: '/?token=wrong' });
    expect(reply.status).toBe(401);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('ignores a cookie made for another port', async () => {
    const reply = await api('settings.get', {}, { Cookie: `byline_token_${server.port + 1}=${server.token}` });
    expect(reply.status).toBe(401);
  });
});

describe('host and origin', () => {
  it('accepts 127.0.0.1 and localhost with the server port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`]) {
      expect((await api('settings.get', {}, { ...bearer(), Host: host })).status).toBe(200);
    }
  });

  it.each(['evil.example:PORT', 'localhost.evil.com', 'localhost.evil.com:PORT', '127.0.0.1', '127.0.0.1:1', 'PORT'])(
    'refuses Host %s with 421 even with the token',
    async (host) => {
      const reply = await api('settings.get', {}, { ...bearer(), Host: host.replace('PORT', String(server.port)) });
      expect(reply.status).toBe(421);
      expect(reply.json().ok).toBe(false);
    },
  );

  it('refuses a foreign Origin with 403', async () => {
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${server.port}`, `http://127.0.0.1:${server.port}.evil.example`]) {
      const reply = await api('settings.get', {}, { ...bearer(), Origin: origin });
      expect(reply.status).toBe(403);
      expect(reply.json().error?.code).toBe('FORBIDDEN');
    }
  });

  it('accepts its own Origin', async () => {
    expect((await api('settings.get', {}, { ...bearer(), Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });
});

describe('API requests', () => {
  it('creates and reads a story', async () => {
    const created = (await api('articles.create', { headline: HEADLINE })).json().value as Article;
    expect(created.headline).toBe(HEADLINE);
    const got = await api('articles.get', { id: created.id });
    expect(got.status).toBe(200);
    expect(got.json().value).toEqual(created);
  });

  it('acts as the profile the window names in X-Byline-Actor, and refuses one named in the body or malformed', async () => {
    const kim = (await api('profiles.create', { name: '김기자', email: '', role: 'reporter' })).json().value as { id: string };
    const created = await api('articles.create', { headline: HEADLINE }, { ...bearer(), 'X-Byline-Actor': kim.id });
    const id = (created.json().value as Article).id;
    const status = (await api('workflow.status', { id }, { ...bearer(), 'X-Byline-Actor': kim.id })).json().value as { owner: { name: string } };
    expect(status.owner.name).toBe('김기자');
    const inBody = await api('articles.create', { headline: HEADLINE, actorId: kim.id });
    expect([inBody.status, (inBody.json().error as { code: string }).code]).toEqual([400, 'VALIDATION']);
    const malformed = await api('articles.create', { headline: HEADLINE }, { ...bearer(), 'X-Byline-Actor': 'chief-kim' });
    expect([malformed.status, (malformed.json().error as { code: string }).code]).toEqual([400, 'VALIDATION']);
  });

  it('treats an empty body as {}', async () => {
    const reply = await request({ method: 'POST', path: '/api/articles.list', headers: { ...bearer(), 'Content-Type': 'application/json' } });
    expect(reply.status).toBe(200);
    expect(reply.json().value).toEqual({ items: [], total: 0 });
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], [undefined]])('refuses content type %s with 415', async (type) => {
    const headers: Record<string, string> = { ...bearer() };
    if (type) headers['Content-Type'] = type;
    const reply = await request({ method: 'POST', path: '/api/articles.create', headers, body: '{}' });
    expect(reply.status).toBe(415);
    expect((await api('articles.list', {})).json().value).toMatchObject({ total: 0 });
  });

  it('refuses a body that is not JSON with 400 VALIDATION', async () => {
    const reply = await request({
      method: 'POST',
      path: '/api/articles.create',
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: '{"headline": "양자',
    });
    expect(reply.status).toBe(400);
    expect(reply.json().error?.code).toBe('VALIDATION');
  });

  it('refuses invalid input with 400 VALIDATION', async () => {
    const reply = await api('articles.create', { headline: 42 });
    expect(reply.status).toBe(400);
    expect(reply.json().error?.code).toBe('VALIDATION');
  });

  it('refuses a body over MAX_BODY_BYTES with 413 and writes nothing', async () => {
    const body = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const reply = await request({ method: 'POST', path: '/api/articles.create', headers: { ...bearer(), 'Content-Type': 'application/json' }, body });
    expect(reply.status).toBe(413);
    expect(reply.json().error?.code).toBe('VALIDATION');
    expect((await api('articles.list', {})).json().value).toMatchObject({ total: 0 });
  });

  it('refuses GET on an API route with 405', async () => {
    const reply = await request({ path: '/api/settings.get', headers: bearer() });
    expect(reply.status).toBe(405);
    expect(reply.json().ok).toBe(false);
  });

  it.each(['articles.delete', '__proto__', 'constructor', 'toString', ''])('answers unknown method %j with 404 UNKNOWN_METHOD', async (method) => {
    const reply = await api(method, {});
    expect(reply.status).toBe(404);
    expect(reply.json().error?.code).toBe('UNKNOWN_METHOD');
  });

  it('maps CONFLICT to 409 with the current version, and NOT_FOUND to 404', async () => {
    const created = (await api('articles.create', { headline: HEADLINE })).json().value as Article;
    const fields = { ...fieldsOf(created), headline: HEADLINE };
    expect((await api('articles.save', { id: created.id, baseVersion: 1, fields })).status).toBe(200);
    const stale = await api('articles.save', { id: created.id, baseVersion: 1, fields: { ...fields, headline: '늦은 저장' } });
    expect(stale.status).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    const missing = await api('articles.get', { id: '7d3c1b2a-0f4e-4d5c-9b8a-6e5f4d3c2b1a' });
    expect(missing.status).toBe(404);
    expect(missing.json().error?.code).toBe('NOT_FOUND');
  });
});

describe('static files', () => {
  it('serves files of the static dir, and index.html for unknown paths', async () => {
    const js = await request({ path: '/app.js', headers: bearer() });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.text).toBe('console.log("바이라인");');
    const deep = await request({ path: encodeURI('/기사/편집'), headers: bearer() });
    expect(deep.text).toBe(INDEX_HTML);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/static/../../secret.txt',
    '/../package.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '//etc/passwd',
    '/%00/../secret.txt',
    '/%E0%A4%A',
  ])('never serves a file outside the static dir for %s', async (p) => {
    const reply = await request({ path: p, headers: bearer() });
    expect(reply.text).not.toContain(SECRET);
    expect(reply.text).not.toMatch(/root:.*:0:0:|"devDependencies"/);
    if (reply.status === 200) expect(reply.text).toBe(INDEX_HTML);
  });

  it('refuses methods other than GET and HEAD with 405', async () => {
    expect((await request({ method: 'PUT', path: '/index.html', headers: bearer(), body: 'x' })).status).toBe(405);
    const head = await request({ method: 'HEAD', path: '/', headers: bearer() });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });
});

describe('headers and binding', () => {
  it('sends the Content-Security-Policy on every kind of response', async () => {
    const replies = [
      await request({ path: '/', headers: bearer() }),
      await api('settings.get', {}),
      await api('settings.get', {}, {}),
      await request({ path: '/' }),
      await request({ path: `/?token=${server.token}` }),
      await api('settings.get', {}, { ...bearer(), Host: 'evil.example' }),
      await api('settings.get', {}, { ...bearer(), Origin: 'http://evil.example' }),
      await request({ path: '/api/settings.get', headers: bearer() }),
    ];
    for (const r of replies) expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('listens on 127.0.0.1', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(new URL(server.url).port).toBe(String(server.port));
  });

  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

  it.skipIf(!external)('does not accept connections on a non-loopback interface', async () => {
    // skipped when the machine has no non-loopback IPv4 address to try
    const outcome = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: external!, port: server.port });
      socket.setTimeout(5_000, () => {
        socket.destroy();
        resolve('timeout');
      });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(outcome).not.toBe('connected');
  });
});
