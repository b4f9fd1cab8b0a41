import { existsSync, mkdirSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORTS_DIR_NAME, type Backend } from '../../electron/host/bootstrap';
import { MediaFileStore } from '../../electron/media/file-store';
import { findRendition } from '../../electron/media/rendition-route';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import type { Result } from '../../shared/errors';
import { startTestBackend } from '../integration/support/backend';
import { approvedSeedArticle, ok } from '../integration/support/publish-article';
import { makeTempDir, removeTempDirs } from '../integration/support/temp';

/*
 * Paths stored in the database or on disk are judged where they are used: a value written straight into
 * the database (as a crafted restore or a hand edit would) or a folder swapped for a link must not let
 * an export, a takedown or a photo read reach outside its root.
 */

let dir: string;
let backend: Backend;

beforeEach(async () => {
  dir = makeTempDir('byline-stored-paths-');
  ({ backend } = await startTestBackend(dir));
});

afterEach(async () => {
  await backend.close();
  removeTempDirs();
});

const PUBLIC = 'https://news.example.com/stories/';

describe("a bundle target's folder", () => {
  it('a takedown never removes a folder outside exports named by a stored "..", and says why in Korean', async () => {
    const story = await approvedSeedArticle(backend);
    const chief = await ok<{ id: string }>(backend, 'profiles.create', { name: '최국장', email: '', role: 'chief' });
    const target = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '포털 묶음',
      settings: { url: PUBLIC, folder: 'portal' },
    });
    await ok<PublishAttempt>(backend, 'publish.run', { articleId: story.article.id, targetId: target.id }, { actorId: story.desk.id });
    await backend.db.run("UPDATE articles SET state = 'published' WHERE id = ?", [story.article.id]);
    await backend.db.run('DELETE FROM article_locks WHERE article_id = ?', [story.article.id]);
    await ok(backend, 'workflow.withdraw', { id: story.article.id, reason: '사실관계 확인 필요' }, { actorId: chief.id });

    const victim = path.join(dir, 'victim', story.article.id);
    mkdirSync(victim, { recursive: true });
    writeFileSync(path.join(victim, 'keep.txt'), '남아야 할 파일');
    await backend.db.run('UPDATE publish_targets SET settings_json = ? WHERE id = ?', [JSON.stringify({ ...target.settings, folder: '../victim' }), target.id]);

    // The bundle kind's schema refuses the stored folder as the target is read, before any path is made of it.
    const refused = (await backend.dispatch(
      'publish.takedown',
      {
        articleId: story.article.id,
        targetId: target.id,
      },
      { actorId: story.desk.id },
    )) as Result<PublishAttempt>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/포털 묶음.*폴더 이름은 영문, 숫자/);
    expect(existsSync(path.join(victim, 'keep.txt'))).toBe(true);

    // A name that passes the schema is still judged where it is used: a link out of exports is refused there.
    await backend.db.run('UPDATE publish_targets SET settings_json = ? WHERE id = ?', [JSON.stringify({ ...target.settings, folder: 'linked' }), target.id]);
    mkdirSync(path.join(dir, EXPORTS_DIR_NAME), { recursive: true });
    symlinkSync(path.join(dir, 'victim'), path.join(dir, EXPORTS_DIR_NAME, 'linked'));
    const attempt = await ok<PublishAttempt>(backend, 'publish.takedown', { articleId: story.article.id, targetId: target.id }, { actorId: story.desk.id });
    expect(attempt.result).toBe('failed');
    expect(attempt.error).toMatch(/링크/);
    expect(existsSync(path.join(victim, 'keep.txt'))).toBe(true);
  });

  it('an export refuses a folder under exports that was replaced by a link to elsewhere', async () => {
    const story = await approvedSeedArticle(backend);
    const target = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '포털 묶음',
      settings: { url: PUBLIC, folder: 'portal' },
    });
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(path.join(dir, EXPORTS_DIR_NAME), { recursive: true });
    symlinkSync(elsewhere, path.join(dir, EXPORTS_DIR_NAME, 'portal'));

    const attempt = await ok<PublishAttempt>(backend, 'publish.run', { articleId: story.article.id, targetId: target.id }, { actorId: story.desk.id });
    expect(attempt).toMatchObject({ result: 'failed' });
    expect(attempt.error).toMatch(/링크/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('a photo folder replaced by a link', () => {
  it('is never linked or copied into a public bundle', async () => {
    const story = await approvedSeedArticle(backend);
    const target = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '포털 묶음',
      settings: { url: PUBLIC, folder: 'portal' },
    });
    const id = story.lead.mediaId;
    const outside = path.join(dir, 'outside-photo');
    mkdirSync(outside);
    for (const f of readdirSync(path.join(backend.mediaDir, id))) writeFileSync(path.join(outside, f), '사진이 아닌 비밀');
    renameSync(path.join(backend.mediaDir, id), path.join(dir, 'moved-away'));
    symlinkSync(outside, path.join(backend.mediaDir, id));

    const attempt = await ok<PublishAttempt>(backend, 'publish.run', { articleId: story.article.id, targetId: target.id }, { actorId: story.desk.id });
    expect(attempt).toMatchObject({ result: 'failed', error: expect.stringMatching(/사진 보관함 안에 없습니다/) });
    expect(existsSync(path.join(dir, EXPORTS_DIR_NAME, 'portal', story.article.id))).toBe(false);
  });

  it('is neither served as a rendition nor read as a photo file', async () => {
    const id = 'ab'.repeat(32);
    const outside = path.join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, '320.webp'), '사진이 아닌 비밀');
    writeFileSync(path.join(outside, 'original.jpg'), '사진이 아닌 비밀');
    symlinkSync(outside, path.join(backend.mediaDir, id));

    expect(await findRendition(backend.mediaDir, `/media/${id}/320.webp`)).toBeUndefined();
    const store = new MediaFileStore(backend.mediaDir);
    await expect(store.read(id, 'original.jpg')).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/보관함 밖/) });
    expect(await store.has(id, ['original.jpg'])).toBe(false);
  });
});
