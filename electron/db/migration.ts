/** One numbered schema change as a runner applies it: recorded in schema_migrations by its version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export type Dialect = 'sqlite' | 'postgres';

/**
 * One schema version with its SQL for each engine, side by side in one file so that a change to one
 * dialect is made, and reviewed, next to the other. null: the version does not exist on that engine
 * (PostgreSQL-only versions number from 101, migrations/index.ts).
 */
export interface DialectMigration {
  version: number;
  name: string;
  sqlite: string | null;
  postgres: string | null;
}

/** The migrations one engine applies, in order, each with that engine's SQL. */
export function forDialect(all: readonly DialectMigration[], dialect: Dialect): Migration[] {
  return all.flatMap((m) => {
    const sql = m[dialect];
    return sql === null ? [] : [{ version: m.version, name: m.name, sql }];
  });
}
