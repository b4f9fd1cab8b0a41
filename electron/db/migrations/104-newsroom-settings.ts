import type { DialectMigration } from '../migration';

/**
 * PostgreSQL only: the newsroom's 환경설정 (sections, default section, templates) in one row every
 * newsroom server process reads and writes (db/newsroom-settings-repo.ts), so that a change made
 * through one process is what the next answers, whichever answers. Before this, each process kept its
 * own settings.json in its data folder; the first start on this version takes that file, if the
 * process has one (server/newsroom-settings.ts).
 *
 * jsonb, so the row is always a JSON object; the shape is the zod schema's business (shared/settings.ts),
 * checked on every read and write, and a field added to it later needs no migration.
 */
const postgres = `
CREATE TABLE newsroom_settings (
  id         smallint PRIMARY KEY CHECK (id = 1),
  settings   jsonb NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
  updated_at text NOT NULL
);
`;

export const m104NewsroomSettings: DialectMigration = { version: 104, name: 'newsroom settings', sqlite: null, postgres };
