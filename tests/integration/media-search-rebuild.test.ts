import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/db/database';
import { MediaRepository, type NewMedia } from '../../electron/db/media-repo';
import { migrate } from '../../electron/db/migrate';
import { migratePg } from '../../electron/db/postgres/migrate';
import type { PgDatabase } from '../../electron/db/postgres/pg-database';
import { rebuildSearchIndexIfNeeded, TOKENIZER_VERSION } from '../../electron/db/search/article-index';
import { matchExpression, parseSearchQuery } from '../../shared/korean-tokens';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/** The same cases on both engines: a tokenizer change must reach PostgreSQL's photo index as it reaches FTS5's. */
const ENGINES = [
  { engine: 'sqlite', skip: false },
  { engine: 'postgres', skip: !PG_URL },
] as const;

// Skipped, with the reason in its name, where no PostgreSQL is given.
for (const { engine, skip } of ENGINES)
  describe.skipIf(skip)(`photo search on ${engine}${skip ? ` (${PG_SKIP_NOTE})` : ''}`, () => {
    let db: Database;
    let repo: MediaRepository;

    beforeEach(async () => {
      db = engine === 'postgres' ? await openTestPg() : await openDatabase(path.join(makeTempDir('byline-media-search-'), 'byline.sqlite3'));
      repo = new MediaRepository(db);
    });

    afterEach(async () => {
      if (engine === 'postgres') await cleanUpPg();
      else await db.close();
      removeTempDirs();
    });

    const migrateTo = async (target?: number) => {
      if (engine === 'postgres') await migratePg(db as PgDatabase, target === undefined ? {} : { target });
      else await migrate(db, target === undefined ? {} : { target });
    };

    function photo(n: number, caption: string, credit: string): NewMedia {
      return {
        id: String(n).repeat(64).slice(0, 64),
        fileName: `photo-${n}.jpg`,
        format: 'jpeg',
        bytes: 1000,
        width: 800,
        height: 600,
        caption,
        credit,
        creator: '',
        copyright: '',
        takenAt: null,
        gps: null,
        renditions: [],
        embedded: {},
        now: `2025-09-0${n}T00:00:00.000Z`,
      };
    }

    const found = async (text: string) => (await repo.search(matchExpression(parseSearchQuery(text)), 20, 0)).items.map((i) => i.fileName).sort();

    /** What an older tokenizer left behind: whole words, no Hangul bigrams, so 유채 is not in 유채꽃. */
    async function indexTheOldWay(): Promise<void> {
      await db.exec(engine === 'postgres' ? 'DELETE FROM media_search' : "INSERT INTO media_search (media_search) VALUES ('delete-all')");
      await db.run('INSERT INTO media_search (rowid, caption, credit, other, singles) SELECT rowid, caption, credit, file_name, ? FROM media', ['']);
    }

    describe('the photo index follows the tokenizer version, as the story index does', () => {
      it('is rebuilt when another tokenizer version built it, and only then', async () => {
        await migrateTo();
        await repo.insert(photo(1, '제주 유채꽃 축제에 관광객 몰려', '제주도청'));
        await repo.insert(photo(2, '배경훈 장관 브리핑', '포탈뉴스통신'));
        await rebuildSearchIndexIfNeeded(db);
        await indexTheOldWay();
        await db.run('UPDATE media_search_state SET tokenizer_version = ?', [TOKENIZER_VERSION - 1]);
        expect(await found('유채')).toEqual([]);

        // The story index is current: only the photos are rebuilt.
        expect(await rebuildSearchIndexIfNeeded(db)).toEqual({ rebuilt: false, rows: 0, media: { rebuilt: true, rows: 2 } });
        expect(await found('유채')).toEqual(['photo-1.jpg']);
        expect(await found('장관')).toEqual(['photo-2.jpg']);
        expect(await found('뉴스통신')).toEqual(['photo-2.jpg']);
        expect(await rebuildSearchIndexIfNeeded(db)).toEqual({ rebuilt: false, rows: 0, media: { rebuilt: false, rows: 0 } });
      });

      it('is rebuilt once for a database from before migration 9, whose photo index version was never recorded', async () => {
        await migrateTo(8);
        await repo.insert(photo(1, '제주 유채꽃 축제에 관광객 몰려', '제주도청'));
        await indexTheOldWay();
        await migrateTo();
        expect(await found('관광')).toEqual([]);
        expect((await rebuildSearchIndexIfNeeded(db)).media).toEqual({ rebuilt: true, rows: 1 });
        expect(await found('관광')).toEqual(['photo-1.jpg']);
        expect((await rebuildSearchIndexIfNeeded(db)).media).toEqual({ rebuilt: false, rows: 0 });
      });

      it('keeps following edits after a rebuild: the old caption is gone, the new one found', async () => {
        await migrateTo();
        const { item } = await repo.insert(photo(1, '제주 유채꽃 축제', '제주도청'));
        await db.run('UPDATE media_search_state SET tokenizer_version = ?', [TOKENIZER_VERSION - 1]);
        await rebuildSearchIndexIfNeeded(db);
        await repo.update(item.id, { caption: '부산 불꽃 축제' }, '2025-09-09T00:00:00.000Z');
        expect(await found('유채')).toEqual([]);
        expect(await found('불꽃')).toEqual(['photo-1.jpg']);
        expect(await found('축제')).toEqual(['photo-1.jpg']);
      });
    });
  });
