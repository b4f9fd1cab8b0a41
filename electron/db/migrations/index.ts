import type { Migration } from '../migration';
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

export type { Migration };

/** Append only: a released migration is never edited, a change is a new number. */
export const MIGRATIONS: readonly Migration[] = [
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
];
