import type { Migration } from '../migration';

/** The 내 기사 queue lists live stories newest first (id breaks ties): an index walk, not a sort, as the archive grows. */
export const m002QueueIndex: Migration = {
  version: 2,
  name: 'queue index',
  sql: `CREATE INDEX articles_queue ON articles (archived_at, updated_at DESC, id);`,
};
