import { describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../electron/db/migrations/index';
import released from './support/released-migrations.json';

/*
 * A released migration has run on newsroom databases: its SQL is never edited, a change is a new
 * number. The fixture holds every released version's SQL for both engines as it shipped; a version
 * added later is appended to the fixture in the commit that adds it.
 */

describe('released migrations', () => {
  it('keep the SQL they were released with, byte for byte, on both engines', () => {
    const shipped = ALL_MIGRATIONS.filter((m) => m.version <= released.at(-1)!.version);
    expect(shipped.map((m) => ({ version: m.version, name: m.name, sqlite: m.sqlite, postgres: m.postgres }))).toEqual(released);
  });

  it('are numbered in order, each once', () => {
    const versions = ALL_MIGRATIONS.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    for (const m of ALL_MIGRATIONS) expect(m.sqlite !== null || m.postgres !== null).toBe(true);
  });
});
