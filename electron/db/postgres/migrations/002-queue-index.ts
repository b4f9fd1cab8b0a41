import type { Migration } from '../../migration';

/** SQLite's 002, unchanged: the 내 기사 queue is an index walk, newest first. */
export const pg002QueueIndex: Migration = {
  version: 2,
  name: 'queue index',
  sql: `CREATE INDEX articles_queue ON articles (archived_at, updated_at DESC, id);`,
};
