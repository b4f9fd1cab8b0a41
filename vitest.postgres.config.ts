import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The integration tests that go through the backend, run again on PostgreSQL (`npm run test:postgres`):
 * same services, same contract, same assertions. Left out: what is about one SQLite file by nature
 * (its migrations, start-up refusals of a damaged file, disk faults under it, crash durability of its
 * WAL), and the tests that build repositories on SQLite directly (their PostgreSQL twins are the
 * postgres-*.test.ts files, which the main run already includes), and files that never open a database
 * (publish-parts.test.ts: the secret store, retries, bundle folders), which would run the same twice.
 */
// Spread, not mergeConfig: merging would add this list to the main run's include instead of replacing it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'tests/integration/backup.test.ts',
      'tests/integration/dateline.test.ts',
      'tests/integration/dispatch.test.ts',
      'tests/integration/dispatch-malformed.test.ts',
      'tests/integration/dispatch-settings.test.ts',
      'tests/integration/duplicates.test.ts',
      'tests/integration/event-stream.test.ts',
      'tests/integration/house-style-submit.test.ts',
      'tests/integration/import-documents.test.ts',
      'tests/integration/media-import.test.ts',
      'tests/integration/media-usage.test.ts',
      'tests/integration/media-web.test.ts',
      'tests/integration/publish-batch.test.ts',
      'tests/integration/publish-bundle.test.ts',
      'tests/integration/publish-bundle-meta.test.ts',
      'tests/integration/publish-target-secret.test.ts',
      'tests/integration/publish-ghost.test.ts',
      'tests/integration/publish-ghost-faults.test.ts',
      'tests/integration/publish-wordpress.test.ts',
      'tests/integration/search-owner.test.ts',
      'tests/integration/comment-threads.test.ts',
      'tests/integration/spelling-words.test.ts',
      'tests/integration/trash.test.ts',
      'tests/integration/notifications.test.ts',
      'tests/integration/web-server.test.ts',
      'tests/integration/workflow-dispatch.test.ts',
      'tests/security/fuzz-ipc.test.ts',
      'tests/security/export-safety.test.ts',
    ],
    env: { BYLINE_TEST_ENGINE: 'postgres' },
  },
});
