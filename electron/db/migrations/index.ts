import { forDialect, type DialectMigration, type Migration } from '../migration';
import { m001ArticlesAndRevisions } from './001-articles-and-revisions';
import { m002QueueIndex } from './002-queue-index';
import { m003SearchIndex } from './003-search-index';
import { m004Media } from './004-media';
import { m005Workflow } from './005-workflow';
import { m006Publish } from './006-publish';
import { m007Import } from './007-import';
import { m008PublishTakedown } from './008-publish-takedown';
import { m009MediaSearchState } from './009-media-search-state';
import { m010PublishGhost } from './010-publish-ghost';
import { m011PublishTargetSettings } from './011-publish-target-settings';
import { m012DuplicateSignatures } from './012-duplicate-signatures';
import { m013TrashAndRecall } from './013-trash-and-recall';
import { m014SpellingWords } from './014-spelling-words';
import { m015CommentThreads } from './015-comment-threads';
import { m016Notifications } from './016-notifications';
import { m101MediaBlobs } from './101-media-blobs';
import { m102Accounts } from './102-accounts';
import { m103PgArchiveAtScale } from './103-pg-archive-at-scale';
import { m104NewsroomSettings } from './104-newsroom-settings';
import { m105PgSearchReads } from './105-pg-search-reads';

export type { Migration };

/**
 * Every schema version, one file each holding both engines' SQL: a version means the same tables on
 * SQLite and PostgreSQL, so a build refuses a newer schema on either alike. What only a shared server
 * needs (photo originals every workstation reaches) numbers from 101 with `sqlite: null`, leaving the
 * low numbers free for versions both engines get. Sorted by version; append only: a released migration
 * is never edited (tests/integration/migrations-released.test.ts holds their SQL), a change is a new number.
 */
export const ALL_MIGRATIONS: readonly DialectMigration[] = [
  m001ArticlesAndRevisions,
  m002QueueIndex,
  m003SearchIndex,
  m004Media,
  m005Workflow,
  m006Publish,
  m007Import,
  m008PublishTakedown,
  m009MediaSearchState,
  m010PublishGhost,
  m011PublishTargetSettings,
  m012DuplicateSignatures,
  m013TrashAndRecall,
  m014SpellingWords,
  m015CommentThreads,
  m016Notifications,
  m101MediaBlobs,
  m102Accounts,
  m103PgArchiveAtScale,
  m104NewsroomSettings,
  m105PgSearchReads,
];

/** PostgreSQL-only migrations number from here; below it every number is SQLite's too. */
export const PG_ONLY_FROM = 101;

/** What migrate.ts applies to SQLite. */
export const MIGRATIONS: readonly Migration[] = forDialect(ALL_MIGRATIONS, 'sqlite');

/** What postgres/migrate.ts applies to PostgreSQL. */
export const PG_MIGRATIONS: readonly Migration[] = forDialect(ALL_MIGRATIONS, 'postgres');
