import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../electron/db/storage-error';
import { MediaRepository } from '../../electron/db/media-repo';
import type { PgDatabase } from '../../electron/db/postgres/pg-database';
import { MediaFileStore } from '../../electron/media/file-store';
import { findRendition } from '../../electron/media/rendition-route';
import { SharedMediaStore } from '../../electron/media/shared-media-store';
import { MediaService } from '../../electron/services/media';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeImage } from './support/images';
import { makeTempDir, removeTempDirs, sha256File } from './support/temp';

/**
 * Workstations of one newsroom: each its own media folder and connection, one PostgreSQL schema. A photo
 * imported on one is shown, served and exported on another, from the original the shared server holds.
 */

interface Workstation {
  db: PgDatabase;
  dir: string;
  media: MediaService;
  shared: SharedMediaStore;
}

async function workstation(schema: string, migrated = false): Promise<Workstation> {
  const db = await openTestPg(schema, { migrated });
  const dir = makeTempDir('byline-shared-media-');
  const shared = new SharedMediaStore(db);
  return { db, dir, shared, media: new MediaService({ repo: new MediaRepository(db), files: new MediaFileStore(dir), shared }) };
}

/** Every file of a photo's folder, by name, as its hash (comparing megabytes element by element is slow). */
function folder(dir: string, id: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, id)).sort()) out[name] = sha256File(path.join(dir, id, name));
  return out;
}

describe.skipIf(!PG_URL)(`Photos shared through PostgreSQL (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  afterEach(async () => {
    await cleanUpPg();
    removeTempDirs();
  });

  it('imports on one workstation and shows, serves and exports the photo on another', async () => {
    const schema = schemaName();
    const a = await workstation(schema, true);
    const b = await workstation(schema);
    const data = await makeImage('jpeg', { width: 1800, height: 1200, seed: 41 });

    const { item } = await a.media.import({ fileName: '국회_본회의.jpg', data });
    expect(await a.db.get('SELECT format, sha256 = media_id AS same FROM media_blobs WHERE media_id = ?', [item.id])).toEqual({ format: 'jpeg', same: true });

    // B lists it from the shared rows, and has no file of it yet.
    expect((await b.media.search({ query: '', limit: 10, offset: 0 })).items.map((i) => i.id)).toEqual([item.id]);
    expect(existsSync(path.join(b.dir, item.id))).toBe(false);

    // The editor on B asks for a rendition: the route fetches the photo once, then serves it from disk.
    const found = await findRendition(b.dir, `/media/${item.id}/800.webp`, (id) => b.media.materialise(id));
    expect(found).toMatchObject({ file: path.join(b.dir, item.id, '800.webp'), contentType: 'image/webp' });
    expect((await sharp(readFileSync(found!.file)).metadata()).width).toBe(800);
    expect(folder(b.dir, item.id)).toEqual(folder(a.dir, item.id));
    expect(await b.media.materialise(item.id)).toEqual(item);

    // A third workstation exports it (a CMS upload) without ever having shown it.
    const c = await workstation(schema);
    const exported = await c.media.exportPhoto(item.id, { maxWidth: 1024 });
    expect((await sharp(exported).metadata()).format).toBe('jpeg');
    expect(folder(c.dir, item.id)).toEqual(folder(a.dir, item.id));
  });

  it('fetches once for many rendition requests at once, and stores each original once', async () => {
    const schema = schemaName();
    const a = await workstation(schema, true);
    const b = await workstation(schema);
    const data = await makeImage('png', { width: 900, height: 700, seed: 5 });
    const { item } = await a.media.import({ fileName: '그래픽.png', data });

    let fetches = 0;
    const fetch = b.shared.fetch.bind(b.shared);
    b.shared.fetch = (id) => {
      fetches += 1;
      return fetch(id);
    };
    const paths = ['320.webp', '320.jpg', '800.webp', '800.jpg', '1600.webp', '1600.jpg'].map((f) => `/media/${item.id}/${f}`);
    const served = await Promise.all(paths.map((p) => findRendition(b.dir, p, (id) => b.media.materialise(id))));
    expect(served.every((f) => f !== undefined)).toBe(true);
    expect(fetches).toBe(1);

    // The same file imported on B is the stored photo, and the server still holds one original.
    const again = await b.media.import({ fileName: '그래픽-사본.png', data });
    expect(again).toMatchObject({ reused: true, item: { id: item.id, fileName: '그래픽.png' } });
    expect(await a.db.get('SELECT count(*) AS n FROM media_blobs')).toEqual({ n: 1 });
  });

  it('refuses bytes stored under another photo’s id', async () => {
    const a = await workstation(schemaName(), true);
    const data = await makeImage('jpeg', { width: 400, height: 300, seed: 9 });
    await expect(a.shared.put('0'.repeat(64), 'jpeg', data)).rejects.toMatchObject({ code: '23514' });
  });

  it('says in Korean that an original damaged on the server cannot be used, and writes nothing locally', async () => {
    const schema = schemaName();
    const a = await workstation(schema, true);
    const b = await workstation(schema);
    const { item } = await a.media.import({ fileName: '현장.jpg', data: await makeImage('jpeg', { width: 1200, height: 800, seed: 77 }) });

    // Damage below SQL (a failing disk, a bad restore) does not pass through the hash check: take it away to flip a byte.
    await a.db.exec('ALTER TABLE media_blobs DROP CONSTRAINT media_blobs_hash_is_id');
    await a.db.run('UPDATE media_blobs SET data = set_byte(data, 5000, (get_byte(data, 5000) + 1) % 256) WHERE media_id = ?', [item.id]);

    const err = await b.media.materialise(item.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err).toMatchObject({ code: 'STORAGE', reason: 'CORRUPT' });
    expect((err as Error).message).toMatch(/공유 서버에 저장된 사진 '현장\.jpg'의 원본이 손상되었습니다/);
    await expect(b.media.exportPhoto(item.id)).rejects.toMatchObject({ reason: 'CORRUPT' });
    expect(await findRendition(b.dir, `/media/${item.id}/320.jpg`, (id) => b.media.materialise(id))).toBeUndefined();
    expect(readdirSync(b.dir)).toEqual([]);
  });

  it('says which photo has no original on the server', async () => {
    const schema = schemaName();
    const a = await workstation(schema, true);
    const b = await workstation(schema);
    const { item } = await a.media.import({ fileName: '빠진원본.jpg', data: await makeImage('jpeg', { width: 640, height: 480, seed: 3 }) });
    await a.db.run('DELETE FROM media_blobs WHERE media_id = ?', [item.id]);

    await expect(b.media.materialise(item.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/'빠진원본\.jpg'의 원본이 공유 서버에 없습니다/),
    });
    expect(readdirSync(b.dir)).toEqual([]);
  });
});
