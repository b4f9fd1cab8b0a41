import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The PostgreSQL a bench runs on: BYLINE_TEST_PG, else the throwaway cluster tests/peers/postgres-up.sh
 * starts (or finds running). Without one, the reason in words, for the bench to say why it skipped.
 */
export function findTestPostgres(): { url: string } | { skipped: string } {
  const given = process.env.BYLINE_TEST_PG?.trim();
  if (given) return { url: given };
  const script = fileURLToPath(new URL('../peers/postgres-up.sh', import.meta.url));
  const run = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  const url = run.stdout?.match(/^BYLINE_TEST_PG=(.+)$/m)?.[1];
  if (run.status === 0 && url) return { url };
  const why = run.stderr?.trim().split('\n').at(-1) || run.error?.message || `postgres-up.sh exited with ${run.status}`;
  return { skipped: `no PostgreSQL (${why}); set BYLINE_TEST_PG or install postgresql` };
}

export interface ConnectionCount {
  total: number;
  /** Application name 'byline': the workstations' query pools. */
  pools: number;
  /** 'byline-listener': one LISTEN connection per workstation. */
  listeners: number;
}

/** One connection of the bench's own (not counted in what it reports), outside any workstation. */
export interface PgAdmin {
  maxConnections(): Promise<number>;
  /** Connections to this database now. Another run on the same database (a test suite) counts too. */
  connections(): Promise<ConnectionCount>;
  dropSchema(schema: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPgAdmin(url: string): Promise<PgAdmin> {
  const client = new pg.Client({ connectionString: url, application_name: 'byline-bench-admin' });
  await client.connect();
  return {
    maxConnections: async () => Number((await client.query<{ max_connections: string }>('SHOW max_connections')).rows[0]!.max_connections),
    connections: async () =>
      (
        await client.query<ConnectionCount>(
          `SELECT count(*)::int AS total,
                  (count(*) FILTER (WHERE application_name = 'byline'))::int AS pools,
                  (count(*) FILTER (WHERE application_name = 'byline-listener'))::int AS listeners
             FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )
      ).rows[0]!,
    dropSchema: async (schema) => {
      await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
    },
    close: () => client.end(),
  };
}
