import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../electron/db/storage-error';
import type { Backend } from '../../electron/host/bootstrap';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { DEFAULT_META, type Article, type ArticleFields } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import { startWebMode } from '../e2e/support/web-server';
import { startTestBackend } from '../integration/support/backend';
import { logicalDump, makeTempDir, removeTempDirs } from '../integration/support/temp';
import { httpClient } from './support/http-client';
import { canMount, dataDirOn, mountSmallDisk, type SmallDisk } from './support/mounts';

/**
 * Disk faults on real file systems: a small tmpfs filled to the last page, and a data folder whose
 * mount is read-only. The reporter gets a clear Korean message with code STORAGE, the last saved
 * version stays readable, nothing half-written is left behind, and the database passes
 * integrity_check once the disk is usable again.
 */

const mountable = canMount();
if (!mountable) console.log('[disk-faults] this machine does not allow mounting a tmpfs: disk-fault tests skipped');

let disk: SmallDisk | undefined;
let backend: Backend | undefined;
let server: WebServer | undefined;

afterEach(async () => {
  await server?.close();
  await backend?.close().catch(() => undefined);
  disk?.remove();
  removeTempDirs();
  server = backend = disk = undefined;
});

const fields = (headline: string, text: string): ArticleFields => ({
  ...DEFAULT_META,
  headline,
  deck: '',
  section: 'IT/과학',
  body: editorStateFromParagraphs(['(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.', text]),
});

async function call<T>(method: string, input: unknown): Promise<Result<T>> {
  return (await backend!.dispatch(method, input)) as Result<T>;
}
async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await call<T>(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** sha256 of every file in a folder, by name: the same before and after means nothing was written. */
function folderHashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const file = path.join(e.parentPath, e.name);
        return [path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')];
      }),
  );
}

/** Text that does not shrink: every save of it needs fresh pages. */
const bulk = (n: number) => Array.from({ length: n }, (_, i) => `양자기술 협력 ${i.toString(36)} `).join('');

describe.skipIf(!mountable)('a full disk', () => {
  // skipped only where mounting a tmpfs is not permitted (printed above)
  it('refuses the save with STORAGE and a Korean message, keeps the last version, and saves again once there is room', async () => {
    disk = mountSmallDisk(6 * 1024 * 1024);
    const dataDir = dataDirOn(disk);
    ({ backend } = await startTestBackend(dataDir));
    server = await startWebServer({ dispatch: backend.dispatch, staticDir: makeTempDir('byline-static-'), port: 0 });
    const http = httpClient(server.port);

    const created = await ok<Article>('articles.create', { headline: '디스크 시험' });
    const good = fields('마지막으로 저장된 제목', '저장된 본문');
    await ok<Article>('articles.save', { id: created.id, baseVersion: 1, fields: good });
    const before = await logicalDump(backend.db);

    const filled = disk.fill();
    expect(filled).toBeGreaterThan(0);
    const big = fields('디스크가 찬 뒤의 제목', bulk(20_000));
    const reply = await http.request({
      method: 'POST',
      path: '/api/articles.save',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: created.id, baseVersion: 2, fields: big }),
    });
    http.close();
    expect(reply.status).toBe(503);
    const refused = JSON.parse(reply.text) as Result<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE', details: { reason: 'FULL' } } });
    if (refused.ok) return;
    expect(refused.error.message).toMatch(/디스크 공간이 부족/);
    expect(refused.error.message).toMatch(/마지막으로 저장된 버전은 그대로/);
    expect(refused.error.message).not.toMatch(/SQLITE|\n\s+at /);

    // A backup needs room too: refused the same way, and no half-made backup is listed.
    const backup = await call('backup.create', {});
    expect(backup).toMatchObject({ ok: false, error: { code: 'STORAGE', details: { reason: 'FULL' } } });

    // Reading still works on a full disk, and nothing of the refused save is stored.
    const still = await ok<Article>('articles.get', { id: created.id });
    expect([still.version, still.headline]).toEqual([2, good.headline]);
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);

    disk.free();
    const retried = await ok<Article>('articles.save', { id: created.id, baseVersion: 2, fields: big });
    expect(retried.version).toBe(3);
    expect(await backend.db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect((await ok<Array<{ version: number }>>('articles.revisions', { id: created.id })).map((r) => r.version)).toEqual([3, 2, 1]);

    await server.close();
    server = undefined;
    await backend.close();
    ({ backend } = await startTestBackend(dataDir));
    expect((await ok<Article>('articles.get', { id: created.id })).headline).toBe(big.headline);
    expect(await backend.db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('lists no half-made backup after a backup failed for want of space', async () => {
    disk = mountSmallDisk(3 * 1024 * 1024);
    ({ backend } = await startTestBackend(dataDirOn(disk)));
    const created = await ok<Article>('articles.create', { headline: '백업 시험' });
    await ok<Article>('articles.save', { id: created.id, baseVersion: 1, fields: fields('백업 시험', bulk(8_000)) });
    disk.fill();
    expect(await call('backup.create', {})).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    disk.free();
    const listed = await ok<Array<{ name: string }>>('backup.list', {});
    for (const { name } of listed) expect(await call('backup.restore', { name })).toMatchObject({ ok: true });
  });
});

describe.skipIf(!mountable)('a read-only data folder', () => {
  // skipped only where mounting a tmpfs is not permitted (printed above)
  it('refuses to start with a READONLY message that names the folder, and changes no file', async () => {
    disk = mountSmallDisk(8 * 1024 * 1024);
    const dataDir = dataDirOn(disk);
    ({ backend } = await startTestBackend(dataDir));
    const created = await ok<Article>('articles.create', { headline: '읽기 전용 시험' });
    await ok<Article>('articles.save', { id: created.id, baseVersion: 1, fields: fields('읽기 전용 폴더 전의 제목', '본문') });
    await backend.close();
    backend = undefined;
    const hashes = folderHashes(dataDir);

    disk.readOnly();
    const refusal = await startTestBackend(dataDir).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(StorageError);
    expect((refusal as StorageError).reason).toBe('READONLY');
    expect((refusal as StorageError).message).toMatch(/데이터 폴더에 쓸 수 없어/);
    expect((refusal as StorageError).message).toContain(dataDir);

    // The command-line host says the same in words and exits, rather than running half-working.
    const cli = await startWebMode(dataDir).then(
      async (s) => {
        await s.stop();
        return 'started';
      },
      (err: Error) => err.message,
    );
    expect(cli).toMatch(/exited with 2/);
    expect(cli).toMatch(/데이터 폴더에 쓸 수 없어 시작하지 않았습니다/);
    expect(folderHashes(dataDir)).toEqual(hashes);

    disk.readWrite();
    ({ backend } = await startTestBackend(dataDir));
    expect((await ok<Article>('articles.get', { id: created.id })).headline).toBe('읽기 전용 폴더 전의 제목');
    expect(await backend.db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('keeps a crash-interrupted folder (with its WAL) intact while read-only, and recovers it once writable', async () => {
    disk = mountSmallDisk(8 * 1024 * 1024);
    const dataDir = dataDirOn(disk);
    const running = await startWebMode(dataDir);
    const url = new URL(running.url);
    const http = httpClient(Number(url.port));
    const post = async <T>(method: string, input: unknown) =>
      JSON.parse(
        (
          await http.request({
            method: 'POST',
            path: `/api/${method}`,
            headers: { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(input),
          })
        ).text,
      ) as Result<T>;
    const created = await post<Article>('articles.create', { headline: '중단 시험' });
    if (!created.ok) throw new Error(created.error.message);
    const saved = await post<Article>('articles.save', { id: created.value.id, baseVersion: 1, fields: fields('중단 전에 저장된 제목', '본문') });
    expect(saved.ok).toBe(true);
    http.close();
    await running.stop('SIGKILL');
    expect(readdirSync(dataDir)).toContain('byline.sqlite3-wal');
    const hashes = folderHashes(dataDir);

    disk.readOnly();
    const refusal = await startTestBackend(dataDir).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect((refusal as StorageError).reason).toBe('READONLY');
    expect(folderHashes(dataDir)).toEqual(hashes);

    disk.readWrite();
    ({ backend } = await startTestBackend(dataDir));
    expect((await ok<Article>('articles.get', { id: created.value.id })).headline).toBe('중단 전에 저장된 제목');
    expect(await backend.db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
