import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { DATABASE_FILE_NAME } from '../../electron/host/bootstrap';

const cli = path.resolve('electron/web/cli.ts');

/** Starts web mode as `npm run web` does and returns how it ended (it must end: these databases are refused). */
function runWebMode(dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli], {
    env: { ...process.env, BYLINE_DATA_DIR: dataDir, BYLINE_PORT: '0' },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('web mode refuses a database it cannot trust, and leaves it as it was', () => {
  let dir: string;
  let dbFile: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'byline-refusal-'));
    dbFile = path.join(dir, DATABASE_FILE_NAME);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a file that is not a database', () => {
    writeFileSync(dbFile, '이것은 데이터베이스가 아닙니다. '.repeat(400));
    const before = sha256(dbFile);
    const run = runWebMode(dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('손상');
    expect(run.stdout).not.toContain('http://');
    expect(sha256(dbFile)).toBe(before);
  });

  it('a database written by a newer Byline', async () => {
    const db = await openDatabase(dbFile);
    await migrate(db);
    await db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01T00:00:00.000Z')");
    await db.close();
    const before = sha256(dbFile);
    const run = runWebMode(dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('더 새로운 바이라인');
    expect(sha256(dbFile)).toBe(before);
  });
});
