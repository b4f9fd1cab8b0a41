import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migratePg } from '../../../electron/db/postgres/migrate';
import { openPgDatabase, type PgDatabase } from '../../../electron/db/postgres/pg-database';

/**
 * The PostgreSQL tests run against the server BYLINE_TEST_PG names (tests/peers/postgres-up.sh starts
 * one), each test in a schema of its own so that test files can run at once against one database.
 */
export const PG_URL = process.env.BYLINE_TEST_PG;

/** Shown as the name of every skipped PostgreSQL suite, so a run without a server says why. */
export const PG_SKIP_NOTE = 'set BYLINE_TEST_PG (see tests/peers/postgres-up.sh) to run';

if (!PG_URL) console.warn(`PostgreSQL tests skipped: ${PG_SKIP_NOTE}`);

export function schemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

const opened: PgDatabase[] = [];
const schemas = new Set<string>();

/** A database on a fresh (or the given) schema; closed and dropped by `cleanUpPg`. */
export async function openTestPg(schema = schemaName(), options: { migrated?: boolean } = {}): Promise<PgDatabase> {
  schemas.add(schema);
  const db = await openPgDatabase(PG_URL!, { schema, max: 4 });
  opened.push(db);
  if (options.migrated) await migratePg(db);
  return db;
}

export async function cleanUpPg(): Promise<void> {
  for (const db of opened.splice(0)) await db.close().catch(() => undefined);
  if (schemas.size === 0) return;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    schemas.clear();
  } finally {
    await admin.end();
  }
}
