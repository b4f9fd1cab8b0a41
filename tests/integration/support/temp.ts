import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Executor } from '../../../electron/db/database';

/** Temp folders made during one test, removed by `removeTempDirs` in afterEach. */
const made: string[] = [];

export function makeTempDir(prefix = 'byline-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The tables of the database `db` is on: SQLite's catalogue, or PostgreSQL's for the current schema. */
async function tableNames(db: Executor): Promise<{ names: string[]; schema: string }> {
  try {
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    const schema = await db.all<{ sql: string | null }>('SELECT sql FROM sqlite_master ORDER BY type, name');
    return { names: tables.map((t) => t.name), schema: schema.map((s) => s.sql ?? '').join('\n') };
  } catch {
    const tables = await db.all<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const columns = await db.all<{ t: string; c: string; d: string }>(
      'SELECT table_name AS t, column_name AS c, data_type AS d FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position',
    );
    return { names: tables.map((t) => t.name), schema: columns.map((c) => `${c.t}.${c.c}:${c.d}`).join('\n') };
  }
}

/** Every table's rows, sorted, hashed: equal before and after means nothing was written. */
export async function logicalDump(db: Executor): Promise<{ hash: string; rows: Record<string, number> }> {
  const { names, schema } = await tableNames(db);
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  for (const name of names) {
    const data = await db.all<Record<string, unknown>>(`SELECT * FROM "${name.replaceAll('"', '""')}"`);
    const lines = data.map((r) => JSON.stringify(r)).sort();
    rows[name] = lines.length;
    hash.update(`${name}\n${lines.join('\n')}\n`);
  }
  hash.update(schema);
  return { hash: hash.digest('hex'), rows };
}
