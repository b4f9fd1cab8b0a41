import { m001ArticlesAndRevisions } from './001-articles-and-revisions';
import { m002QueueIndex } from './002-queue-index';
import { m003StoryDetails } from './003-story-details';
import { m004SearchIndex } from './004-search-index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited, a change is a new number. */
export const MIGRATIONS: readonly Migration[] = [m001ArticlesAndRevisions, m002QueueIndex, m003StoryDetails, m004SearchIndex];
