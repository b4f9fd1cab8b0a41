import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import type { Result } from '../../shared/errors';
import { startTestBackend } from './support/backend';
import { approvedSeedArticle, ok, type ApprovedArticle } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * A publish target's sealed password (WordPress) or Admin API key (Ghost) belongs to the site and the
 * account it was typed for. Moving the target to another address or user must not carry it there:
 * the next publish asks for it again instead of sending it to the new host. Each "site" here is a real
 * HTTP server on 127.0.0.1 that records every request's Authorization header and refuses it.
 */

interface Site {
  url: string;
  /** Authorization headers received, in order ('' for a request without one). */
  auth: string[];
  close(): Promise<void>;
}

async function site(): Promise<Site> {
  const auth: string[] = [];
  const server = http.createServer((req, res) => {
    auth.push(req.headers.authorization ?? '');
    req.resume();
    res.writeHead(401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ code: 'rest_not_logged_in', message: 'no', errors: [{ type: 'UnauthorizedError', message: 'no' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    auth,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const WP_PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const GHOST_KEY = `${'a'.repeat(24)}:${'b'.repeat(64)}`;

let backend: Backend;
let siteA: Site;
let siteB: Site;
let story: ApprovedArticle;

beforeEach(async () => {
  ({ backend } = await startTestBackend(path.join(makeTempDir('byline-target-secret-'), 'data')));
  [siteA, siteB] = await Promise.all([site(), site()]);
  story = await approvedSeedArticle(backend);
});

afterEach(async () => {
  await backend.close();
  await Promise.all([siteA.close(), siteB.close()]);
  removeTempDirs();
});

const save = (input: Record<string, unknown>) => ok<PublishTarget>(backend, 'publish.saveTarget', input);
const publish = async (targetId: number) =>
  (await backend.dispatch('publish.run', { articleId: story.article.id, targetId }, { actorId: story.desk.id })) as Result<PublishAttempt>;
const listed = async (id: number) => (await ok<PublishTarget[]>(backend, 'publish.targets', {})).find((t) => t.id === id)!;

describe('WordPress: the application password stays with the site and user it was typed for', () => {
  it('a new address drops it: the next publish asks for it and sends nothing to the new host', async () => {
    const t = await save({ kind: 'wordpress', name: '본사 사이트', settings: { url: siteA.url, username: 'desk' }, secret: WP_PASSWORD });
    expect(t.hasSecret).toBe(true);
    const moved = await save({ id: t.id, kind: 'wordpress', name: '본사 사이트', settings: { url: siteB.url, username: 'desk' } });

    const r = await publish(t.id);
    expect(siteB.auth).toEqual([]);
    expect(siteA.auth).toEqual([]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toMatch(/비밀번호/);
    }
    // The settings screen shows that the password must be typed again.
    expect(moved.hasSecret).toBe(false);
    expect((await listed(t.id)).hasSecret).toBe(false);
  });

  it('a new user name drops it too: the old password never goes out under the new name', async () => {
    const t = await save({ kind: 'wordpress', name: '본사 사이트', settings: { url: siteA.url, username: 'desk' }, secret: WP_PASSWORD });
    const renamed = await save({ id: t.id, kind: 'wordpress', name: '본사 사이트', settings: { url: siteA.url, username: 'intruder' } });
    const r = await publish(t.id);
    expect(siteA.auth).toEqual([]);
    expect(r.ok).toBe(false);
    expect(renamed.hasSecret).toBe(false);
  });

  it('a new address with a new password uses the new one there', async () => {
    const t = await save({ kind: 'wordpress', name: '본사 사이트', settings: { url: siteA.url, username: 'desk' }, secret: WP_PASSWORD });
    const moved = await save({
      id: t.id,
      kind: 'wordpress',
      name: '본사 사이트',
      settings: { url: siteB.url, username: 'desk2' },
      secret: 'zzzz yyyy xxxx wwww vvvv uuuu',
    });
    expect(moved.hasSecret).toBe(true);
    const r = await publish(t.id);
    expect(r.ok && r.value.result).toBe('failed');
    expect(siteB.auth.length).toBeGreaterThan(0);
    expect(new Set(siteB.auth)).toEqual(new Set([basic('desk2', 'zzzz yyyy xxxx wwww vvvv uuuu')]));
  });

  it('renaming the target or changing its choices keeps the password', async () => {
    const t = await save({ kind: 'wordpress', name: '본사 사이트', settings: { url: siteA.url, username: 'desk' }, secret: WP_PASSWORD });
    const edited = await save({
      id: t.id,
      kind: 'wordpress',
      name: '본사 사이트 (새 이름)',
      settings: { url: siteA.url, username: 'desk', takedown: 'trash', correctionPrefix: true },
    });
    expect(edited.hasSecret).toBe(true);
    const r = await publish(t.id);
    expect(r.ok && r.value.result).toBe('failed');
    expect(new Set(siteA.auth)).toEqual(new Set([basic('desk', WP_PASSWORD)]));
  });
});

describe('Ghost: the Admin API key stays with the site it was typed for', () => {
  it('a new address drops it: the next publish asks for the key and sends nothing to the new host', async () => {
    const t = await save({ kind: 'ghost', name: 'Ghost 사이트', settings: { url: siteA.url }, secret: GHOST_KEY });
    const moved = await save({ id: t.id, kind: 'ghost', name: 'Ghost 사이트', settings: { url: siteB.url } });
    const r = await publish(t.id);
    expect(siteB.auth).toEqual([]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Admin API 키/);
    expect(moved.hasSecret).toBe(false);
  });

  it('the same address keeps it', async () => {
    const t = await save({ kind: 'ghost', name: 'Ghost 사이트', settings: { url: siteA.url }, secret: GHOST_KEY });
    const edited = await save({ id: t.id, kind: 'ghost', name: 'Ghost', settings: { url: siteA.url } });
    expect(edited.hasSecret).toBe(true);
    const r = await publish(t.id);
    expect(r.ok && r.value.result).toBe('failed');
    expect(siteA.auth.length).toBeGreaterThan(0);
    expect(siteA.auth.every((a) => a.startsWith('Ghost '))).toBe(true);
  });
});
