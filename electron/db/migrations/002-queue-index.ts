import type { DialectMigration } from '../migration';

/** The 내 기사 queue lists live stories newest first (id breaks ties): an index walk, not a sort, as the archive grows. */
const sqlite = `CREATE INDEX articles_queue ON articles (archived_at, updated_at DESC, id);`;

/** SQLite's 002, unchanged: the 내 기사 queue is an index walk, newest first. */
const postgres = `CREATE INDEX articles_queue ON articles (archived_at, updated_at DESC, id);`;

export const m002QueueIndex: DialectMigration = { version: 2, name: 'queue index', sqlite, postgres };
