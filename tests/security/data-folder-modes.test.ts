import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, type Backend } from '../../electron/host/bootstrap';
import type { MediaItem } from '../../shared/media';
import { startTestBackend } from '../integration/support/backend';
import { makeImage } from '../integration/support/images';
import { ok } from '../integration/support/publish-article';
import { makeTempDir, removeTempDirs } from '../integration/support/temp';

/*
 * The data folder holds every story, the key that opens the CMS passwords and photos with their GPS:
 * only its owner may read any of it, whatever the umask, and a folder an older Byline left open is
 * closed at the next start.
 */

let backend: Backend | undefined;

afterEach(async () => {
  await backend?.close();
  backend = undefined;
  removeTempDirs();
});

const mode = (file: string) => statSync(file).mode & 0o777;

/** Everything a working day leaves in the data folder: stories, a photo, a backup, changed preferences, a CMS password. */
async function useIt(b: Backend, dataDir: string): Promise<{ photo: string; backup: string }> {
  await ok(b, 'articles.create', { headline: '권한 확인 기사' });
  const data = new Uint8Array(await makeImage('jpeg', { width: 400, height: 300, seed: 3 }));
  const { item } = await ok<{ item: MediaItem }>(b, 'media.import', { fileName: '현장.jpg', data });
  await ok(b, 'settings.set', { defaultSection: '사회' });
  await ok(b, 'publish.saveTarget', {
    kind: 'wordpress',
    name: '사이트',
    settings: { url: 'https://wp.example.com', username: 'desk' },
    secret: 'abcd efgh ijkl mnop',
  });
  const backup = await ok<{ name: string }>(b, 'backup.create', {});
  expect(readdirSync(dataDir)).toEqual(expect.arrayContaining([DATABASE_FILE_NAME, 'settings.json', 'secret.key', 'media', 'backups']));
  return { photo: item.id, backup: backup.name };
}

function expectPrivate(dataDir: string, photo: string, backup: string): void {
  expect(mode(dataDir)).toBe(0o700);
  for (const name of [DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}-wal`, `${DATABASE_FILE_NAME}-shm`, 'settings.json', 'secret.key'])
    expect([name, mode(path.join(dataDir, name))]).toEqual([name, 0o600]);
  for (const folder of ['media', path.join('media', photo), 'backups', path.join('backups', 'media'), path.join('backups', 'media', photo)])
    expect([folder, mode(path.join(dataDir, folder))]).toEqual([folder, 0o700]);
  expect(mode(path.join(dataDir, 'backups', backup))).toBe(0o600);
  expect(mode(path.join(dataDir, 'media', photo, 'original.jpg'))).toBe(0o400);
}

describe.skipIf(process.platform === 'win32')("the data folder is its owner's only", () => {
  it('is created 0700 with its files 0600, whatever the umask would give', async () => {
    const dataDir = path.join(makeTempDir('byline-modes-'), 'Byline');
    ({ backend } = await startTestBackend(dataDir));
    const { photo, backup } = await useIt(backend, dataDir);
    expectPrivate(dataDir, photo, backup);
  });

  it('closes a folder an older Byline left readable, at the next start', async () => {
    const dataDir = path.join(makeTempDir('byline-modes-'), 'Byline');
    ({ backend } = await startTestBackend(dataDir));
    const { photo, backup } = await useIt(backend, dataDir);
    await backend.close();
    backend = undefined;
    for (const name of [DATABASE_FILE_NAME, 'settings.json', path.join('backups', backup)]) chmodSync(path.join(dataDir, name), 0o644);
    for (const name of ['', 'media', 'backups', path.join('backups', 'media')]) chmodSync(path.join(dataDir, name), 0o755);
    // BYLINE_DATA_DIR may name a folder that holds other things: those are not Byline's to change.
    writeFileSync(path.join(dataDir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    chmodSync(path.join(dataDir, 'run.sh'), 0o755);

    ({ backend } = await startTestBackend(dataDir));
    await ok(backend, 'articles.create', { headline: '다시 시작한 뒤' });
    expectPrivate(dataDir, photo, backup);
    expect(mode(path.join(dataDir, 'run.sh'))).toBe(0o755);
  });
});
