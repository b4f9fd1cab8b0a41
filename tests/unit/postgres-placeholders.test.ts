import { describe, expect, it } from 'vitest';
import { MIGRATIONS, PG_MIGRATIONS, PG_ONLY_FROM } from '../../electron/db/migrations/index';
import { withReturningId } from '../../electron/db/postgres/last-id';
import { translatePlaceholders } from '../../electron/db/postgres/placeholders';

describe('? placeholders for PostgreSQL', () => {
  it('numbers placeholders in order', () => {
    expect(translatePlaceholders('SELECT * FROM a WHERE x = ? AND y IN (?, ?)')).toEqual({ text: 'SELECT * FROM a WHERE x = $1 AND y IN ($2, $3)', count: 3 });
  });

  it('leaves a ? inside literals, identifiers, comments and dollar quotes alone', () => {
    const sql = `SELECT '?', 'it''s ?', E'\\'?', "col?", $$ ? $$, $f$ ? $f$ -- ?
      /* ? /* nested ? */ ? */ FROM t WHERE a = ?`;
    const t = translatePlaceholders(sql);
    expect(t.count).toBe(1);
    expect(t.text.endsWith('WHERE a = $1')).toBe(true);
    expect(t.text).toContain("'it''s ?'");
    expect(t.text).toContain("E'\\'?'");
  });

  it('does not take $1 or a name ending in $ for a dollar quote', () => {
    expect(translatePlaceholders('SELECT $1, ? FROM a$b')).toEqual({ text: 'SELECT $1, $1 FROM a$b', count: 1 });
  });
});

describe('lastId on PostgreSQL', () => {
  it('asks for the id only from tables whose id the database assigns', () => {
    expect(withReturningId('INSERT INTO workflow_events (a) VALUES (?)')).toEqual({
      sql: 'INSERT INTO workflow_events (a) VALUES (?) RETURNING id',
      returning: true,
    });
    expect(withReturningId('INSERT INTO articles (id) VALUES (?)').returning).toBe(false);
    expect(withReturningId('INSERT INTO publish_attempts (a) VALUES (?) RETURNING id').returning).toBe(false);
  });
});

describe('the PostgreSQL schema', () => {
  it('has a migration for every SQLite migration, same number and name', () => {
    const shared = PG_MIGRATIONS.filter((m) => m.version < PG_ONLY_FROM);
    expect(shared.map((m) => [m.version, m.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
  });

  it('numbers PostgreSQL-only migrations from 101, leaving the SQLite numbers free, and keeps the list sorted', () => {
    expect(MIGRATIONS.every((m) => m.version < PG_ONLY_FROM)).toBe(true);
    const versions = PG_MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(PG_MIGRATIONS.filter((m) => m.version >= PG_ONLY_FROM).map((m) => [m.version, m.name])).toEqual([
      [101, 'media blobs'],
      [102, 'accounts and sessions'],
      [103, 'archive search and queue at scale'],
      [104, 'newsroom settings'],
      [105, 'search reads each tsvector once'],
    ]);
  });
});
