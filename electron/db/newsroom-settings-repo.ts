import { AppError } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import type { SettingsStore } from '../services/settings';
import type { Database } from './database';

/** A newsroom has one set of 환경설정: the row's id is always this (migration 104 checks it). */
const ROW_ID = 1;

const WRITE = `INSERT INTO newsroom_settings (id, settings, updated_at) VALUES (?, ?::jsonb, ?)`;

/**
 * The newsroom server's 환경설정, one row of the newsroom's PostgreSQL (migration 104). Every read asks
 * the database, so no server process can answer with a copy another has changed meanwhile: settings are
 * read a few times per story created or published, far from a load worth a cache and its invalidation.
 */
export class NewsroomSettingsRepository implements SettingsStore {
  private constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  /**
   * Opens the row, writing `seed()` first if the newsroom has none yet. Two processes starting at once may
   * both find none; the first insert wins and the other's is dropped, so both serve the same settings.
   * `seeded`: this process's seed is the one stored.
   */
  static async open(
    db: Database,
    seed: () => Settings | Promise<Settings>,
    now: () => Date = () => new Date(),
  ): Promise<{ store: NewsroomSettingsRepository; seeded: boolean }> {
    if (db.engine !== 'postgres') throw new AppError('INTERNAL', '뉴스룸 환경설정은 PostgreSQL에만 있습니다.');
    const store = new NewsroomSettingsRepository(db, now);
    if (await db.get('SELECT 1 AS one FROM newsroom_settings WHERE id = ?', [ROW_ID])) return { store, seeded: false };
    const value = JSON.stringify(await seed());
    const { changes } = await db.run(`${WRITE} ON CONFLICT (id) DO NOTHING`, [ROW_ID, value, now().toISOString()]);
    return { store, seeded: changes === 1 };
  }

  async read(): Promise<unknown> {
    const row = await this.db.get<{ settings: unknown }>('SELECT settings FROM newsroom_settings WHERE id = ?', [ROW_ID]);
    return row?.settings;
  }

  /** The row is locked while `change` decides, so a change made at the same moment on another process waits and builds on this one. */
  update(change: (current: unknown) => Settings): Promise<Settings> {
    return this.db.transaction(
      async (tx) => {
        const row = await tx.get<{ settings: unknown }>('SELECT settings FROM newsroom_settings WHERE id = ? FOR UPDATE', [ROW_ID]);
        const next = change(row?.settings);
        await tx.run(`${WRITE} ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`, [
          ROW_ID,
          JSON.stringify(next),
          this.now().toISOString(),
        ]);
        return next;
      },
      { rowLocked: true },
    );
  }
}
