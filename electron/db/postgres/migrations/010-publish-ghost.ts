import type { Migration } from '../../migration';

/** SQLite's 010 on PostgreSQL: publish_targets.kind may be 'ghost'. The CHECK (named by PostgreSQL after 006's inline one) is widened in place. */
export const pg010PublishGhost: Migration = {
  version: 10,
  name: 'publish-ghost',
  sql: `
ALTER TABLE publish_targets
  DROP CONSTRAINT publish_targets_kind_check,
  ADD CONSTRAINT publish_targets_kind_check CHECK (kind IN ('wordpress', 'html-bundle', 'ghost'));
`,
};
