import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import type { Result } from '../../shared/errors';
import type { MediaItem } from '../../shared/media';
import { canMount, dataDirOn, mountSmallDisk, type SmallDisk } from '../security/support/mounts';
import { startTestBackend } from './support/backend';
import { makeImage } from './support/images';
import { logicalDump, removeTempDirs } from './support/temp';

/**
 * A photo import on a disk that fills up (a real size-limited tmpfs): refused with STORAGE in Korean,
 * no half-written photo folder or staging leftovers, no row; the same import succeeds once there is room.
 */

const mountable = canMount();
if (!mountable) console.log('[media-disk] this machine does not allow mounting a tmpfs: media disk-fault test skipped');

let disk: SmallDisk | undefined;
let backend: Backend | undefined;

afterEach(async () => {
  await backend?.close().catch(() => undefined);
  disk?.remove();
  removeTempDirs();
  backend = disk = undefined;
});

describe.skipIf(!mountable)('importing a photo onto a full disk', () => {
  // skipped only where mounting a tmpfs is not permitted (printed above)
  it('refuses with STORAGE, leaves nothing behind, and imports once there is room', async () => {
    disk = mountSmallDisk(8 * 1024 * 1024);
    const dataDir = dataDirOn(disk);
    ({ backend } = await startTestBackend(dataDir));
    const media = path.join(dataDir, 'media');
    const photo = new Uint8Array(await makeImage('png', { width: 1200, height: 900, seed: 77 }));
    const before = await logicalDump(backend.db);

    disk.fill();
    const refused = (await backend.dispatch('media.import', { fileName: '현장.png', data: photo })) as Result<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE', details: { reason: 'FULL' } } });
    if (!refused.ok) expect(refused.error.message).toMatch(/디스크 공간이 부족/);
    expect(readdirSync(media)).toEqual(existsSync(path.join(media, '.staging')) ? ['.staging'] : []);
    expect(existsSync(path.join(media, '.staging')) ? readdirSync(path.join(media, '.staging')) : []).toEqual([]);
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);

    disk.free();
    const imported = (await backend.dispatch('media.import', { fileName: '현장.png', data: photo })) as Result<{ item: MediaItem; reused: boolean }>;
    expect(imported).toMatchObject({ ok: true, value: { reused: false } });
    expect(readdirSync(path.join(media, (imported as { value: { item: MediaItem } }).value.item.id))).toHaveLength(7);
  });
});
