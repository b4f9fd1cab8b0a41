/** One numbered schema change, for either engine: recorded in schema_migrations by its version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
