import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { startTestBackend } from '../integration/support/backend';
import { makeTempDir, removeTempDirs } from '../integration/support/temp';
import { httpClient } from './support/http-client';

/**
 * The ?token= exchange answers with a redirect. Its Location must stay on this server: a path that a
 * browser reads as protocol-relative (`//evil.example/`, `/\evil.example`) would carry the freshly
 * authorised tab to another host. Requests go out through node:http, so the paths are sent exactly as
 * written (fetch would normalise them first).
 */

let backend: Backend;
let server: WebServer;
let client: ReturnType<typeof httpClient>;

beforeAll(async () => {
  ({ backend } = await startTestBackend(path.join(makeTempDir('byline-redirect-'), 'data')));
  server = await startWebServer({ dispatch: backend.dispatch, staticDir: makeTempDir('byline-static-'), port: 0 });
  client = httpClient(server.port);
});
afterAll(async () => {
  client.close();
  await server.close();
  await backend.close();
  removeTempDirs();
});

const PATHS = [
  '/.//evil.example/',
  '//evil.example/',
  '///evil.example/',
  '/\\evil.example',
  '/\\/evil.example/',
  '/./\\evil.example',
  '/%2F%2Fevil.example/',
  '/%5Cevil.example',
  '/.%2F%2Fevil.example/',
  '/..//evil.example/',
  '/a/..//evil.example/',
  '/%09/evil.example',
  '/https://evil.example/',
  '/queue/%2F%2Fevil.example',
];

describe('the token exchange redirects to this server only', () => {
  it.each(PATHS)('GET %s?token=… sets the cookie and redirects to /', async (p) => {
    const reply = await client.request({ path: `${p}?token=${server.token}`, headers: { Host: `127.0.0.1:${server.port}` } });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(reply.headers['set-cookie']?.[0]).toMatch(/HttpOnly/);
  });

  it.each([
    ['/queue/mine', '/queue/mine'],
    ['/desk/', '/desk/'],
  ])('a plain path of this app (%s) is kept, and still resolves to this server', async (p, expected) => {
    const reply = await client.request({ path: `${p}?token=${server.token}`, headers: { Host: `127.0.0.1:${server.port}` } });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe(expected);
    expect(new URL(reply.headers.location!, `http://127.0.0.1:${server.port}/a/b`).host).toBe(`127.0.0.1:${server.port}`);
  });

  it('a wrong token still gets no redirect at all', async () => {
    const reply = await client.request({ path: '/.//evil.example/?token=wrong', headers: { Host: `127.0.0.1:${server.port}` } });
    expect(reply.status).toBe(401);
    expect(reply.headers.location).toBeUndefined();
  });
});
