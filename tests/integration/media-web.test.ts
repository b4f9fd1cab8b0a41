import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { createWebClient } from '../../renderer/client/web-client';
import { MAX_PHOTO_BYTES, type MediaItem } from '../../shared/media';
import { startTestBackend } from './support/backend';
import { IPTC, makeImage, newsPhoto, noise, pngBomb } from './support/images';
import { logicalDump, makeTempDir, removeTempDirs } from './support/temp';

/**
 * The photo library over web mode's HTTP, against the real server, dispatch and database: uploads as
 * raw bodies with their other fields in X-Byline-Input, renditions served under /media/ behind the
 * token, and the renderer's web client sending files that way.
 */

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

let backend: Backend;
let server: WebServer;
let dataDir: string;

function request(options: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) as ReturnType<Reply['json']> });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const bearer = () => ({ Authorization: `Bearer ${server.token}` });
const upload = (body: Buffer, fields: unknown = { fileName: '현장 사진.jpg' }, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: '/api/media.import',
    headers: { ...bearer(), 'Content-Type': 'application/octet-stream', 'X-Byline-Input': encodeURIComponent(JSON.stringify(fields)), ...headers },
    body,
  });

const photoDirs = () => (existsSync(backend.mediaDir) ? readdirSync(backend.mediaDir).filter((n) => /^[0-9a-f]{64}$/.test(n)) : []);

beforeEach(async () => {
  const dir = makeTempDir('byline-media-web-');
  dataDir = path.join(dir, 'data');
  const root = path.join(dir, 'static');
  mkdirSync(root);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>바이라인</title>');
  ({ backend } = await startTestBackend(dataDir));
  server = await startWebServer({ dispatch: backend.dispatch, staticDir: root, mediaDir: backend.mediaDir, port: 0 });
});

afterEach(async () => {
  await server.close();
  await backend.close();
  removeTempDirs();
});

describe('uploading over HTTP', () => {
  it('imports a raw JPEG body with its file name in X-Byline-Input, and reuses it the second time', async () => {
    const jpeg = await newsPhoto({
      width: 1000,
      height: 700,
      seed: 1,
      iptc: [
        [IPTC.caption, '양자컴퓨터 시연 현장'],
        [IPTC.credit, '포탈뉴스통신'],
      ],
    });
    const reply = await upload(jpeg);
    expect(reply.status).toBe(200);
    const { item, reused } = reply.json().value as { item: MediaItem; reused: boolean };
    expect(reused).toBe(false);
    expect(item).toMatchObject({
      fileName: '현장 사진.jpg',
      format: 'jpeg',
      width: 1000,
      height: 700,
      caption: '양자컴퓨터 시연 현장',
      credit: '포탈뉴스통신',
    });
    const again = await upload(jpeg, { fileName: 'again.jpg' });
    expect(again.json().value).toMatchObject({ reused: true, item: { id: item.id } });
  });

  it('refuses a file over MAX_PHOTO_BYTES with 413 in Korean after reading it, and stores nothing', async () => {
    const before = await logicalDump(backend.db);
    const reply = await upload(Buffer.alloc(MAX_PHOTO_BYTES + 1024 * 1024, 0xff));
    expect(reply.status).toBe(413);
    expect(reply.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/파일이 너무 큽니다 \(최대 100 MB\)/) });
    expect(photoDirs()).toEqual([]);
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
  });

  it.each<[string, () => Promise<Buffer> | Buffer, unknown, RegExp]>([
    ['random bytes', () => noise(10_000), { fileName: 'a.jpg' }, /사진 파일이 아닙니다/],
    ['a PNG bomb', () => pngBomb(), { fileName: 'bomb.png' }, /압축 폭탄/],
    ['a name with a path', () => makeImage('jpeg', { width: 64, height: 64, seed: 2 }), { fileName: '../../byline.sqlite3' }, /경로 구분자/],
    ['an empty body', () => Buffer.alloc(0), { fileName: 'a.jpg' }, /빈 파일/],
    ['no file name', () => makeImage('jpeg', { width: 64, height: 64, seed: 3 }), {}, /fileName/],
    ['an unknown field', () => makeImage('jpeg', { width: 64, height: 64, seed: 4 }), { fileName: 'a.jpg', path: '/tmp' }, /path/],
  ])('refuses %s with 400 VALIDATION and stores nothing', async (_label, make, fields, message) => {
    const before = await logicalDump(backend.db);
    const reply = await upload(await make(), fields);
    expect(reply.status).toBe(400);
    expect(reply.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(message) });
    expect(photoDirs()).toEqual([]);
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
  });

  it('refuses a malformed X-Byline-Input header, one that is not an object, and one that carries the file field', async () => {
    const jpeg = await makeImage('jpeg', { width: 64, height: 64, seed: 5 });
    const raw = (value: string) => upload(jpeg, undefined, { 'X-Byline-Input': value });
    for (const value of [
      '%E0%A4%A',
      '{not json',
      encodeURIComponent('[1,2]'),
      encodeURIComponent('null'),
      encodeURIComponent(JSON.stringify({ fileName: 'a.jpg', data: [1, 2] })),
    ]) {
      const reply = await raw(value);
      expect([value, reply.status, reply.json().error?.code]).toEqual([value, 400, 'VALIDATION']);
      expect(reply.json().error?.message).toMatch(/X-Byline-Input/);
    }
    expect(photoDirs()).toEqual([]);
  });

  it('takes a file only as application/octet-stream, and only for a method that takes a file', async () => {
    const jpeg = await makeImage('jpeg', { width: 64, height: 64, seed: 6 });
    const asJson = await request({
      method: 'POST',
      path: '/api/media.import',
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileName: 'a.jpg', data: [...jpeg] }),
    });
    expect(asJson.status).toBe(400);
    const asText = await upload(jpeg, { fileName: 'a.jpg' }, { 'Content-Type': 'text/plain' });
    expect(asText.status).toBe(415);
    const toOther = await request({
      method: 'POST',
      path: '/api/media.search',
      headers: { ...bearer(), 'Content-Type': 'application/octet-stream' },
      body: jpeg,
    });
    expect(toOther.status).toBe(415);
    expect(photoDirs()).toEqual([]);
  });

  it('refuses an upload without the token', async () => {
    const jpeg = await makeImage('jpeg', { width: 64, height: 64, seed: 7 });
    const reply = await upload(jpeg, { fileName: 'a.jpg' }, { Authorization: 'Bearer wrong' });
    expect(reply.status).toBe(401);
    expect(photoDirs()).toEqual([]);
  });
});

describe('serving renditions', () => {
  let item: MediaItem;
  beforeEach(async () => {
    item = ((await upload(await makeImage('jpeg', { width: 2000, height: 1000, seed: 9 }))).json().value as { item: MediaItem }).item;
  });

  it('serves each rendition with its type and an immutable private cache, at its width', async () => {
    for (const r of item.renditions) {
      const reply = await request({ path: r.path, headers: bearer() });
      expect([r.path, reply.status, reply.headers['content-type'], reply.headers['cache-control']]).toEqual([
        r.path,
        200,
        r.format === 'jpeg' ? 'image/jpeg' : 'image/webp',
        'private, max-age=31536000, immutable',
      ]);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(Number(reply.headers['content-length'])).toBe(r.bytes);
      const meta = await sharp(reply.body).metadata();
      expect([meta.width, meta.height]).toEqual([r.width, r.height]);
    }
    const head = await request({ method: 'HEAD', path: `/media/${item.id}/800.webp`, headers: bearer() });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('serves renditions with the session cookie, as an <img> in the page asks for them', async () => {
    const cookie = (await request({ path: `/?token=${server.token}` })).headers['set-cookie']![0]!.split(';')[0]!;
    expect((await request({ path: `/media/${item.id}/320.jpg`, headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('refuses renditions without the token', async () => {
    const reply = await request({ path: `/media/${item.id}/800.webp` });
    expect(reply.status).toBe(401);
    expect(reply.body.toString('utf8')).not.toContain('WEBP');
  });

  it.each(['original.jpg', '801.webp', '800.png', '800.jpeg', '800.webp/', '..%2f..%2fbyline.sqlite3', '%2e%2e/original.jpg'])(
    'answers 404 for /media/<id>/%s',
    async (tail) => {
      const reply = await request({ path: `/media/${item.id}/${tail}`, headers: bearer() });
      expect(reply.status).toBe(404);
      expect(reply.body.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    },
  );

  it.each(['/media/', '/media/x/800.webp', `/media/${'0'.repeat(64)}/800.webp`, `/media/${'A'.repeat(64)}/800.webp`])('answers 404 for %s', async (p) => {
    const reply = await request({ path: p, headers: bearer() });
    expect(reply.status).toBe(404);
  });

  it('leaves /media/ for the page, never the data folder, when dot segments climb out of it', async () => {
    for (const p of [`/media/${item.id}/../../byline.sqlite3`, '/media/../settings.json', `/media/${item.id}/../original.jpg`]) {
      const reply = await request({ path: p, headers: bearer() });
      const served = reply.status === 404 ? 'not found' : reply.body.toString('utf8');
      expect([p, served]).toEqual([p, p.includes('/original.jpg') ? 'not found' : '<!doctype html><title>바이라인</title>']);
    }
  });
});

describe('the renderer web client', () => {
  it('sends a file as the raw body and gets the imported photo back', async () => {
    const client = createWebClient((input, init) =>
      fetch(`http://127.0.0.1:${server.port}${String(input)}`, { ...init, headers: { ...(init?.headers as Record<string, string>), ...bearer() } }),
    );
    const data = new Uint8Array(await makeImage('webp', { width: 900, height: 600, seed: 10 }));
    const { item } = await client.call('media.import', { fileName: '한글 이름 #1 & 100%.webp', data });
    expect(item).toMatchObject({ fileName: '한글 이름 #1 & 100%.webp', format: 'webp', width: 900, height: 600 });
    expect((await client.call('media.get', { id: item.id })).id).toBe(item.id);
    await expect(client.call('media.import', { fileName: 'x.jpg', data: new Uint8Array(noise(100)) })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
