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

/** Every table's rows, sorted, hashed: equal before and after means nothing was written. */
export async function logicalDump(db: Executor): Promise<{ hash: string; rows: Record<string, number> }> {
  const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  for (const { name } of tables) {
    const data = await db.all<Record<string, unknown>>(`SELECT * FROM "${name.replaceAll('"', '""')}"`);
    const lines = data.map((r) => JSON.stringify(r)).sort();
    rows[name] = lines.length;
    hash.update(`${name}\n${lines.join('\n')}\n`);
  }
  const schema = await db.all<{ sql: string | null }>('SELECT sql FROM sqlite_master ORDER BY type, name');
  hash.update(schema.map((s) => s.sql ?? '').join('\n'));
  return { hash: hash.digest('hex'), rows };
}
