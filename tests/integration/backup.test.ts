import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { fieldsOf, type Article } from '../../shared/article';
import type { Result } from '../../shared/errors';
import { BackupStore } from '../../electron/db/backup';
import { startTestBackend, TEST_ENGINE } from './support/backend';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL } from './support/pg';
import { makeImage } from './support/images';
import { logicalDump, makeTempDir, removeTempDirs } from './support/temp';

let dir: string;
let backend: Backend;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await backend.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

beforeEach(async () => {
  dir = makeTempDir('byline-backup-');
  ({ backend } = await startTestBackend(dir));
});

afterEach(async () => {
  await backend.close();
  removeTempDirs();
});

/**
 * Every table's rows, except the search indexes' and their build stamps: a restore rebuilds those from
 * the rows (db/restore-rows.ts) instead of copying the backup's index structures.
 */
async function storedRows(): Promise<Record<string, string[]>> {
  const tables = await backend.db.all<{ name: string }>(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'article_search%' AND name NOT LIKE 'media_search%' AND name <> 'search_index_state' ORDER BY name",
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) out[name] = (await backend.db.all(`SELECT * FROM "${name}"`)).map((r) => JSON.stringify(r)).sort();
  return out;
}

const headlines = async () => (await call<{ items: Array<{ headline: string }> }>('search.query', { sort: 'date' })).items.map((i) => i.headline).sort();

// A shared PostgreSQL is backed up on the server (see the suites below): these are the SQLite file's backups.
describe.skipIf(TEST_ENGINE === 'postgres')('backup and restore', () => {
  it('restores exactly the stories of the backup, searchable, and keeps what it replaced as a backup', async () => {
    await call<Article>('articles.create', { headline: '백업 전 기사 하나' });
    await call<Article>('articles.create', { headline: '백업 전 기사 둘' });
    const backup = await call<{ name: string; bytes: number }>('backup.create', {});
    expect(backup.bytes).toBeGreaterThan(0);
    const atBackup = await storedRows();

    await call<Article>('articles.create', { headline: '백업 뒤에 쓴 기사' });
    const result = await call<{ safety: { name: string } }>('backup.restore', { name: backup.name });
    expect(await headlines()).toEqual(['백업 전 기사 둘', '백업 전 기사 하나']);
    expect(await storedRows()).toEqual(atBackup);
    expect((await call<{ total: number }>('search.query', { text: '기사 둘' })).total).toBe(1);
    expect((await backend.db.all<{ integrity_check: string }>('PRAGMA integrity_check'))[0]!.integrity_check).toBe('ok');

    // The state that was replaced is itself restorable: nothing is lost by a restore.
    expect(result.safety.name).toMatch(/before-restore/);
    await call('backup.restore', { name: result.safety.name });
    expect(await headlines()).toEqual(['백업 뒤에 쓴 기사', '백업 전 기사 둘', '백업 전 기사 하나']);
  });

  it('keeps the photos: a photo folder lost after the backup comes back with the restore', async () => {
    const data = new Uint8Array(await makeImage('jpeg', { width: 1200, height: 800, seed: 7 }));
    const { item } = await call<{ item: { id: string } }>('media.import', { fileName: '현장.jpg', data });
    const story = await call<Article>('articles.create', { headline: '사진 기사' });
    await call<Article>('articles.save', {
      id: story.id,
      baseVersion: story.version,
      fields: { ...fieldsOf(story), leadPhoto: { mediaId: item.id, caption: '현장', credit: '포탈뉴스통신', alt: '' } },
    });
    const backup = await call<{ name: string }>('backup.create', {});
    const folder = path.join(backend.mediaDir, item.id);
    const files = readdirSync(folder).sort();
    expect(files).toContain('original.jpg');

    rmSync(folder, { recursive: true });
    await call('backup.restore', { name: backup.name });
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(files);
    // A second backup copies nothing twice: the pool holds each photo once.
    await call('backup.create', {});
    expect(readdirSync(path.join(dir, 'backups', 'media')).filter((n) => !n.startsWith('.'))).toEqual([item.id]);
  });

  it('survives a restart after a restore', async () => {
    await call<Article>('articles.create', { headline: '남을 기사' });
    const backup = await call<{ name: string }>('backup.create', {});
    await call<Article>('articles.create', { headline: '사라질 기사' });
    await call('backup.restore', { name: backup.name });
    await backend.close();
    ({ backend } = await startTestBackend(dir));
    expect(await headlines()).toEqual(['남을 기사']);
  });

  it('clears at start what a restore or backup killed mid-way left behind, and keeps a restore still running', async () => {
    await backend.close();
    const backups = path.join(dir, 'backups');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const leftovers = ['.restore-AbC123', '.byline-20260101-000000-000.sqlite3.partial'];
    mkdirSync(path.join(backups, leftovers[0]!), { recursive: true });
    writeFileSync(path.join(backups, leftovers[0]!, 'backup.sqlite3'), 'x'.repeat(4096));
    writeFileSync(path.join(backups, leftovers[1]!), 'x'.repeat(4096));
    for (const name of leftovers) utimesSync(path.join(backups, name), hourAgo, hourAgo);
    mkdirSync(path.join(backups, '.restore-running'));
    const kept = 'byline-20260101-000000-000.sqlite3';
    writeFileSync(path.join(backups, kept), 'a backup is never swept');
    utimesSync(path.join(backups, kept), hourAgo, hourAgo);
    ({ backend } = await startTestBackend(dir));
    expect(
      readdirSync(backups)
        .filter((n) => n !== 'media')
        .sort(),
    ).toEqual(['.restore-running', kept]);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    await call<Article>('articles.create', { headline: '그대로 있을 기사' });
    const before = await logicalDump(backend.db);
    const name = 'byline-20260101-000000-000.sqlite3';
    mkdirSync(path.join(dir, 'backups'), { recursive: true });
    writeFileSync(path.join(dir, 'backups', name), '망가진 파일 '.repeat(1000));
    const result = await backend.dispatch('backup.restore', { name });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('STORAGE');
    expect(!result.ok && result.error.message).toContain('손상');
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
    expect((await call<Array<{ name: string }>>('backup.list', {})).some((b) => b.name.includes('before-restore'))).toBe(false);
  });

  it('lists backups newest first and never reaches outside the backup folder', async () => {
    await call('backup.create', {});
    await call('backup.create', {});
    const first = await call<{ name: string }>('backup.create', {});
    const second = await call<{ name: string }>('backup.create', {});
    const list = await call<Array<{ name: string }>>('backup.list', {});
    expect(list.map((b) => b.name).slice(0, 2)).toEqual([second.name, first.name]);
    for (const name of ['../byline.sqlite3', '..', 'byline.sqlite3']) {
      const r = await backend.dispatch('backup.restore', { name });
      expect(r.ok).toBe(false);
    }
  });
});

describe.skipIf(!PG_URL)(`backups on a shared PostgreSQL (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  afterEach(cleanUpPg);

  it('refuses to list, make or restore a workstation copy, in Korean, and writes nothing', async () => {
    const db = await openTestPg(undefined, { migrated: true });
    const backups = path.join(dir, 'pg-backups');
    mkdirSync(backups);
    // A SQLite backup left from before the newsroom moved to the server must not be put back over it.
    const leftover = 'byline-20260101-000000-000.sqlite3';
    writeFileSync(path.join(backups, leftover), 'SQLite format 3');
    const store = new BackupStore(db, backups);

    const refusals: Array<() => unknown> = [() => store.list(), () => store.create(), () => store.restore(leftover)];
    for (const attempt of refusals) {
      const err = await Promise.resolve()
        .then(attempt)
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'STORAGE', details: { engine: 'postgres' } });
      expect((err as Error).message).toMatch(/pg_dump/);
      expect((err as Error).message).toMatch(/편집국 모두의 작업/);
    }
    expect(readdirSync(backups)).toEqual([leftover]);
  });
});

describe.skipIf(TEST_ENGINE !== 'postgres')('backups through dispatch on a shared PostgreSQL', () => {
  it('answers every backup method with the refusal, not an SQL error', async () => {
    for (const [method, input] of [
      ['backup.list', {}],
      ['backup.create', {}],
      ['backup.restore', { name: 'byline-20260101-000000-000.sqlite3' }],
    ] as const) {
      const result = await backend.dispatch(method, input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('STORAGE');
      expect(!result.ok && result.error.message).toMatch(/pg_dump/);
    }
  });
});
