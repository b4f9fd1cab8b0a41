import type { Migration } from '../../migration';
import { pg001ArticlesAndRevisions } from './001-articles-and-revisions';
import { pg002QueueIndex } from './002-queue-index';
import { pg003SearchIndex } from './003-search-index';
import { pg004Media } from './004-media';
import { pg005Workflow } from './005-workflow';
import { pg006Publish } from './006-publish';
import { pg007Import } from './007-import';
import { pg008PublishTakedown } from './008-publish-takedown';
import { pg009MediaSearchState } from './009-media-search-state';
import { pg010PublishGhost } from './010-publish-ghost';
import { pg101MediaBlobs } from './101-media-blobs';

/**
 * The PostgreSQL schema, one migration per SQLite migration with the same number and name: a schema
 * version means the same tables on both engines, so a build refuses a newer schema on either alike.
 * What only a shared server needs (photo originals every workstation reaches) numbers from 101, leaving
 * SQLite's numbers free: a later SQLite 010 gets its PostgreSQL twin at 10, placed before 101 here.
 * Sorted by version, append only otherwise; a test keeps the lists in step.
 */
/** PostgreSQL-only migrations number from here; below it every number is SQLite's too. */
export const PG_ONLY_FROM = 101;

export const PG_MIGRATIONS: readonly Migration[] = [
  pg001ArticlesAndRevisions,
  pg002QueueIndex,
  pg003SearchIndex,
  pg004Media,
  pg005Workflow,
  pg006Publish,
  pg007Import,
  pg008PublishTakedown,
  pg009MediaSearchState,
  pg010PublishGhost,
  pg101MediaBlobs,
];
