import type { Migration } from '../../migration';

/**
 * SQLite's 008 on PostgreSQL. correction_prefix stays an integer 0/1, as on SQLite, so the repository
 * reads and writes it the same on both engines. The attempt log's CHECK is widened in place: ALTER
 * TABLE fires no row trigger, so the append-only log is never copied or rewritten.
 */
export const pg008PublishTakedown: Migration = {
  version: 8,
  name: 'publish-takedown',
  sql: `
ALTER TABLE publish_targets ADD COLUMN takedown text NOT NULL DEFAULT 'draft' CHECK (takedown IN ('draft', 'trash'));
ALTER TABLE publish_targets ADD COLUMN correction_prefix integer NOT NULL DEFAULT 0 CHECK (correction_prefix IN (0, 1));

ALTER TABLE publish_attempts
  DROP CONSTRAINT publish_attempts_result_check,
  ADD CONSTRAINT publish_attempts_result_check
    CHECK (result IN ('published', 'updated', 'scheduled', 'exported', 'failed', 'withdrawn'));
`,
};
