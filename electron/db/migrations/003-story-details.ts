import type { Migration } from './index';

/**
 * The story's details beyond headline, deck, section and body (type, bylines, 뉴스출처, tags, summary,
 * slug, embargo, desk note). Columns that later queries filter on are columns; lists are JSON.
 * Revisions keep the same details so that a restore brings back the whole story.
 */
export const m003StoryDetails: Migration = {
  version: 3,
  name: 'story details',
  sql: `
ALTER TABLE articles ADD COLUMN story_type TEXT NOT NULL DEFAULT 'straight';
ALTER TABLE articles ADD COLUMN bylines_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN source_attribution TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN tags_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN slug TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN embargo_at TEXT;
ALTER TABLE articles ADD COLUMN desk_note TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN meta_json TEXT NOT NULL DEFAULT '{}';
`,
};
