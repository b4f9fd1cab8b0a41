import type { DialectMigration } from '../migration';

/**
 * PostgreSQL only: the newsroom server signs people in (electron/server/). A profile becomes an account
 * when it has a login; profiles from before the server keep working as owners and authors in history
 * but cannot sign in until an admin gives them a login and a password.
 *
 * - Password hashes live in their own table, so that no query that lists people can select one.
 * - Sessions and one-time links are stored as SHA-256 of the token only (server/session-token.ts): a copy
 *   of these tables signs nobody in.
 * - Sign-in failures are counted per login and per address in the database, not in a server's memory,
 *   so that two server processes behind one proxy throttle as one.
 * - Times are ISO-8601 text in UTC, as in every other table, so comparisons are string comparisons.
 */
const postgres = `
ALTER TABLE profiles ADD COLUMN login text CHECK (login IS NULL OR login ~ '^[a-z0-9][a-z0-9._-]{1,31}$');
ALTER TABLE profiles ADD COLUMN title text NOT NULL DEFAULT '' CHECK (length(title) <= 30);
ALTER TABLE profiles ADD COLUMN admin boolean NOT NULL DEFAULT false;
ALTER TABLE profiles ADD COLUMN disabled_at text;
CREATE UNIQUE INDEX profiles_login ON profiles (login) WHERE login IS NOT NULL;

CREATE TABLE account_passwords (
  profile_id  text PRIMARY KEY REFERENCES profiles(id),
  hash        text NOT NULL CHECK (hash LIKE 'scrypt$%'),
  must_change boolean NOT NULL DEFAULT false,
  changed_at  text NOT NULL
);

CREATE TABLE sessions (
  token_hash   text PRIMARY KEY CHECK (length(token_hash) = 64),
  profile_id   text NOT NULL REFERENCES profiles(id),
  client       text NOT NULL CHECK (client IN ('browser', 'workstation')),
  address      text NOT NULL DEFAULT '',
  user_agent   text NOT NULL DEFAULT '' CHECK (length(user_agent) <= 300),
  created_at   text NOT NULL,
  last_seen_at text NOT NULL,
  revoked_at   text
);
CREATE INDEX sessions_live_by_profile ON sessions (profile_id) WHERE revoked_at IS NULL;

CREATE TABLE one_time_links (
  token_hash text PRIMARY KEY CHECK (length(token_hash) = 64),
  purpose    text NOT NULL CHECK (purpose IN ('setup', 'reset')),
  profile_id text REFERENCES profiles(id),
  created_at text NOT NULL,
  expires_at text NOT NULL,
  used_at    text
);

CREATE TABLE sign_in_failures (
  key          text PRIMARY KEY CHECK (key LIKE 'login:%' OR key LIKE 'address:%'),
  failures     integer NOT NULL CHECK (failures >= 0),
  first_at     text NOT NULL,
  last_at      text NOT NULL,
  locked_until text
);

CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           text NOT NULL,
  actor_id     text,
  action       text NOT NULL,
  subject      text NOT NULL DEFAULT '',
  address      text NOT NULL DEFAULT '',
  details_json text NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
`;

export const m102Accounts: DialectMigration = { version: 102, name: 'accounts and sessions', sqlite: null, postgres };
