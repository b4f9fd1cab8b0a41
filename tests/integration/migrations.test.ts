import { openSync, readFileSync, writeFileSync, closeSync, writeSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/db/database';
import { StorageError } from '../../electron/db/storage-error';
import { migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations/index';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { logicalDump, makeTempDir, removeTempDirs, sha256File } from './support/temp';

const LATEST = MIGRATIONS.at(-1)!.version;
const ARTICLE_ID = '5f0c2a9e-7b1d-4e3a-9c8f-2d6b4a1e0f37';
const HEADLINE = '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진';
const BODY = editorStateFromParagraphs(['(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.', '[뉴스출처 : 과학기술정보통신부]']);

const open: Database[] = [];
async function openDb(file: string): Promise<Database> {
  const db = await openDatabase(file);
  open.push(db);
  return db;
}
async function closeDb(db: Database): Promise<void> {
  open.splice(open.indexOf(db), 1);
  await db.close();
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
  removeTempDirs();
});

function dbFile(): string {
  return path.join(makeTempDir('byline-migrate-'), 'byline.sqlite3');
}

async function versions(db: Database): Promise<number[]> {
  return (await db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
}

async function catchError(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

/** Rows that schema version 1 (articles and revisions) already holds. */
async function insertV1Rows(db: Database): Promise<void> {
  await db.run(
    `INSERT INTO articles (id, version, state, headline, deck, section, body_json, body_text, char_count, created_at, updated_at)
     VALUES (?, 2, 'draft', ?, '미국 에너지부 산하 브룩헤이븐 국립연구소 방문', 'IT/과학', ?, '본문', 2, '2025-09-23T01:00:00.000Z', '2025-09-23T02:00:00.000Z')`,
    [ARTICLE_ID, HEADLINE, JSON.stringify(BODY)],
  );
  for (const version of [1, 2]) {
    await db.run('INSERT INTO revisions (article_id, version, headline, deck, section, body_json, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      ARTICLE_ID,
      version,
      HEADLINE,
      '',
      'IT/과학',
      JSON.stringify(BODY),
      `2025-09-23T0${version}:00:00.000Z`,
    ]);
  }
}

describe('migrate', () => {
  it('knows its migrations in order, numbered from 1 without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.name.length).toBeGreaterThan(0);
  });

  it('brings an empty file to the latest version and records every migration', async () => {
    const db = await openDb(dbFile());
    expect(await migrate(db)).toEqual({ from: 0, to: LATEST });
    expect(await versions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    const names = await db.all<{ name: string; applied_at: string }>('SELECT name, applied_at FROM schema_migrations ORDER BY version');
    expect(names.map((n) => n.name)).toEqual(MIGRATIONS.map((m) => m.name));
    for (const n of names) expect(Number.isNaN(Date.parse(n.applied_at))).toBe(false);
    const tables = (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['articles', 'revisions', 'schema_migrations']));
  });

  /** Each row cut down to the columns its counterpart in `like` has. */
  function sameColumns(rows: unknown[], like: unknown[]): unknown[] {
    return rows.map((row, i) => Object.fromEntries(Object.keys((like[i] ?? {}) as object).map((k) => [k, (row as Record<string, unknown>)[k]])));
  }

  it.each(MIGRATIONS.map((m) => m.version))('upgrades a database left at version %i, keeping its rows', async (version) => {
    const file = dbFile();
    const first = await openDb(file);
    expect(await migrate(first, { target: version })).toEqual({ from: 0, to: version });
    expect(await versions(first)).toEqual(MIGRATIONS.filter((m) => m.version <= version).map((m) => m.version));
    if (version >= 1) await insertV1Rows(first);
    const before = await first.all('SELECT * FROM articles ORDER BY id');
    const revisionsBefore = await first.all('SELECT * FROM revisions ORDER BY id');
    await closeDb(first);

    const second = await openDb(file);
    expect(await migrate(second)).toEqual({ from: version, to: LATEST });
    expect(await versions(second)).toEqual(MIGRATIONS.map((m) => m.version));
    // Later migrations may add columns; every value that existed before must be unchanged.
    expect(sameColumns(await second.all('SELECT * FROM articles ORDER BY id'), before)).toEqual(before);
    expect(sameColumns(await second.all('SELECT * FROM revisions ORDER BY id'), revisionsBefore)).toEqual(revisionsBefore);
    const article = await second.get<{ headline: string; body_json: string }>('SELECT headline, body_json FROM articles WHERE id = ?', [ARTICLE_ID]);
    expect(article?.headline).toBe(HEADLINE);
    expect(JSON.parse(article!.body_json)).toEqual(BODY);
  });

  it('is idempotent: a second run applies nothing and changes nothing', async () => {
    const db = await openDb(dbFile());
    await migrate(db);
    await insertV1Rows(db);
    const dump = await logicalDump(db);
    expect(await migrate(db)).toEqual({ from: LATEST, to: LATEST });
    expect(await migrate(db)).toEqual({ from: LATEST, to: LATEST });
    expect(await logicalDump(db)).toEqual(dump);
  });

  it('never goes down: a lower target on a newer database changes nothing', async () => {
    const db = await openDb(dbFile());
    await migrate(db);
    expect(await migrate(db, { target: 1 })).toEqual({ from: LATEST, to: LATEST });
    expect(await versions(db)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('applies each migration once when two connections migrate the same file at the same time', async () => {
    const file = dbFile();
    const [a, b] = await Promise.all([openDb(file), openDb(file)]);
    const results = await Promise.all([migrate(a!), migrate(b!)]);
    for (const r of results) expect(r.to).toBe(LATEST);
    const rows = await a!.all<{ version: number; n: number }>('SELECT version, count(*) AS n FROM schema_migrations GROUP BY version ORDER BY version');
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, n: 1 })));
    expect(await versions(b!)).toEqual(MIGRATIONS.map((m) => m.version));
  });
});

describe('openDatabase', () => {
  it('sets WAL, foreign keys, synchronous=FULL and a busy timeout', async () => {
    const db = await openDb(dbFile());
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    const timeout = await db.get<{ timeout: number }>('PRAGMA busy_timeout');
    expect(timeout?.timeout).toBeGreaterThan(0);
  });

  it('enforces foreign keys: a revision of a missing article is refused', async () => {
    const db = await openDb(dbFile());
    await migrate(db);
    await expect(
      db.run("INSERT INTO revisions (article_id, version, headline, deck, section, body_json, saved_at) VALUES ('없는-기사', 1, '', '', '', '{}', 'x')"),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('refuses a database from a newer Byline with TOO_NEW and leaves the file unchanged', async () => {
    const file = dbFile();
    const db = await openDb(file);
    await migrate(db);
    await insertV1Rows(db);
    await db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', '2030-01-01T00:00:00.000Z')", [LATEST + 7]);
    await closeDb(db);
    const hash = sha256File(file);

    const again = await openDb(file);
    const err = await catchError(migrate(again));
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).reason).toBe('TOO_NEW');
    expect((err as StorageError).code).toBe('STORAGE');
    expect((err as StorageError).toApiError().details).toEqual({ reason: 'TOO_NEW' });
    expect(await versions(again)).toEqual([...MIGRATIONS.map((m) => m.version), LATEST + 7]);
    await closeDb(again);
    expect(sha256File(file)).toBe(hash);
  });

  it.each([
    ['random bytes', () => Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256))],
    ['a text file', () => Buffer.from('과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진\n'.repeat(200), 'utf8')],
  ])('refuses %s with CORRUPT and leaves it unchanged', async (_label, content) => {
    const file = dbFile();
    writeFileSync(file, content());
    const hash = sha256File(file);
    const err = await catchError(openDb(file));
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).reason).toBe('CORRUPT');
    expect(sha256File(file)).toBe(hash);
  });

  it('refuses a SQLite file whose pages are damaged with CORRUPT and leaves it unchanged', async () => {
    const file = dbFile();
    const db = await openDb(file);
    await migrate(db);
    for (let i = 0; i < 50; i += 1) await insertV1RowsWithId(db, i);
    await closeDb(db);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(4096 * 4);
    // Scribble over everything after the first page (the header and schema stay readable).
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0xa5), 0, size - 4096, 4096);
    closeSync(fd);
    const hash = sha256File(file);
    const err = await catchError(openDb(file));
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).reason).toBe('CORRUPT');
    expect(sha256File(file)).toBe(hash);
  });
});

async function insertV1RowsWithId(db: Database, n: number): Promise<void> {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  await db.run(`INSERT INTO articles (id, version, headline, body_json, body_text, created_at, updated_at) VALUES (?, 1, ?, ?, ?, 'c', 'u')`, [
    id,
    `${HEADLINE} ${n}`,
    JSON.stringify(BODY),
    '양자기술 협력 '.repeat(40),
  ]);
}

describe('revisions table', () => {
  it('is append-only: UPDATE and DELETE are refused and the row stays', async () => {
    const db = await openDb(dbFile());
    await migrate(db);
    await insertV1Rows(db);
    const before = await db.all('SELECT * FROM revisions ORDER BY id');
    await expect(db.run("UPDATE revisions SET headline = '[정정보도] 바뀐 제목' WHERE version = 1")).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM revisions WHERE version = 1')).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM revisions')).rejects.toThrow(/append-only/);
    expect(await db.all('SELECT * FROM revisions ORDER BY id')).toEqual(before);
  });

  it('refuses a second revision with the same article and version', async () => {
    const db = await openDb(dbFile());
    await migrate(db);
    await insertV1Rows(db);
    await expect(
      db.run("INSERT INTO revisions (article_id, version, headline, deck, section, body_json, saved_at) VALUES (?, 2, '', '', '', '{}', 'x')", [ARTICLE_ID]),
    ).rejects.toThrow(/UNIQUE/);
  });

  it('keeps rows readable by a fresh connection after close (file is the source of truth)', async () => {
    const file = dbFile();
    const db = await openDb(file);
    await migrate(db);
    await insertV1Rows(db);
    await closeDb(db);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const again = await openDb(file);
    expect((await again.get<{ n: number }>('SELECT count(*) AS n FROM revisions'))?.n).toBe(2);
  });
});
