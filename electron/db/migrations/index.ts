import { m001ArticlesAndRevisions } from './001-articles-and-revisions';
import { m002QueueIndex } from './002-queue-index';
import { m003SearchIndex } from './003-search-index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited, a change is a new number. */
export const MIGRATIONS: readonly Migration[] = [m001ArticlesAndRevisions, m002QueueIndex, m003SearchIndex];
