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

/** Each table's rows as one JSON text per row, read from SQLite's catalogue or PostgreSQL's for the current schema. */
async function tableRows(db: Executor): Promise<{ tables: Map<string, string[]>; schema: string }> {
  // Asked, not found out by a failing sqlite_master query: on PostgreSQL that failure alone took ~50 ms.
  if ((db as { engine?: string }).engine === 'postgres') return postgresRows(db);
  let names: Array<{ name: string }>;
  let schema: Array<{ sql: string | null }>;
  try {
    names = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    schema = await db.all<{ sql: string | null }>('SELECT sql FROM sqlite_master ORDER BY type, name');
  } catch {
    return postgresRows(db);
  }
  const tables = new Map<string, string[]>();
  for (const { name } of names) {
    const data = await db.all<Record<string, unknown>>(`SELECT * FROM ${quoteName(name)}`);
    tables.set(
      name,
      data.map((r) => JSON.stringify(r)),
    );
  }
  return { tables, schema: schema.map((s) => s.sql ?? '').join('\n') };
}

/*
 * PostgreSQL in two round trips, not one per table: information_schema and a query per table took some
 * 400 ms a dump, and the malformed-input tests take a dump around every refused call. The catalogue is
 * scanned once (every test's schema lives in the one cluster, so pg_class grows to many thousand rows).
 */
async function postgresRows(db: Executor): Promise<{ tables: Map<string, string[]>; schema: string }> {
  const columns = await db.all<{ t: string; k: string; c: string; d: string }>(
    `SELECT c.relname AS t, c.relkind AS k, a.attname AS c, format_type(a.atttypid, a.atttypmod) AS d
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema())
        AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const names = [...new Set(columns.filter((c) => c.k === 'r' || c.k === 'p').map((c) => c.t))];
  const tables = new Map<string, string[]>(names.map((name) => [name, []]));
  if (names.length > 0) {
    const union = names
      .map((name) => `SELECT '${name.replaceAll("'", "''")}' AS t, row_to_json(dumped.*)::text AS r FROM ${quoteName(name)} AS dumped`)
      .join(' UNION ALL ');
    for (const { t, r } of await db.all<{ t: string; r: string }>(union)) tables.get(t)!.push(r);
  }
  return { tables, schema: columns.map((c) => `${c.t}.${c.c}:${c.d}`).join('\n') };
}

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every table's rows, sorted, hashed: equal before and after means nothing was written. */
export async function logicalDump(db: Executor): Promise<{ hash: string; rows: Record<string, number> }> {
  const { tables, schema } = await tableRows(db);
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  for (const [name, data] of tables) {
    const lines = data.sort();
    rows[name] = lines.length;
    hash.update(`${name}\n${lines.join('\n')}\n`);
  }
  hash.update(schema);
  return { hash: hash.digest('hex'), rows };
}
