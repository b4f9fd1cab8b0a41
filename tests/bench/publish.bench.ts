import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Backend } from '../../electron/host/bootstrap';
import { DEFAULT_META, type Article, type ArticleFields } from '../../shared/article';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { MediaItem, PhotoRef } from '../../shared/media';
import type { Profile } from '../../shared/profiles';
import { seed, typedBody } from '../fixtures/seed';
import { startTestBackend } from '../integration/support/backend';
import { makeImage } from '../integration/support/images';
import { ok } from '../integration/support/publish-article';
import { percentile, report } from './report';

const STORIES = 1_000;
const PHOTOS = 12;
/** Stories exported at once: the database queue serialises the log writes, the file work overlaps. */
const CONCURRENCY = 4;

/** Bundles' worth of empty files and folders the file-system figure creates. */
const PROBE_BUNDLES = 100;

/**
 * Milliseconds the file system takes to create one bundle's folders and files (the folder, photos/, a
 * folder per photo, six renditions per photo, index.html and ninjs.json), empty, beside the exports.
 * On ext4 without a journal a new inode skips every inode freed in the last seconds to minutes, so
 * after other work deleted many files this alone can cost more than the whole export does otherwise:
 * this figure tells a slow disk from a slow export. Taken before and after the export (the slower is
 * reported), as the disk's state changes with what else runs.
 */
function fileCreationPerBundle(dir: string, photos: number): number {
  const root = mkdtempSync(path.join(dir, 'fs-probe-'));
  const started = performance.now();
  for (let b = 0; b < PROBE_BUNDLES; b += 1) {
    const bundle = path.join(root, String(b));
    mkdirSync(path.join(bundle, 'photos'), { recursive: true });
    for (const name of ['index.html', 'ninjs.json']) closeSync(openSync(path.join(bundle, name), 'wx'));
    for (let p = 0; p < photos; p += 1) {
      mkdirSync(path.join(bundle, 'photos', String(p)));
      for (let r = 0; r < 6; r += 1) closeSync(openSync(path.join(bundle, 'photos', String(p), String(r)), 'wx'));
    }
  }
  return Math.round(((performance.now() - started) / PROBE_BUNDLES) * 100) / 100;
}

/**
 * 1,000 approved stories (the seed story, each with a lead photo and a photo in the body, drawn from
 * a library of 12 real photos) exported through publish.run to an HTML bundle target: the approved
 * version read back, rendered by the shared converter, renditions linked, ninjs 3.1 written, the
 * bundle renamed into place, the record and the attempt logged. Stories per second, target 200.
 */
export async function benchPublish(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-publish-'));
  let backend: Backend | undefined;
  try {
    ({ backend } = await startTestBackend(dir));
    const b = backend;
    const photos: MediaItem[] = [];
    for (let i = 0; i < PHOTOS; i += 1) {
      const data = new Uint8Array(await makeImage('jpeg', { width: 1600, height: 1067, seed: 900 + i }));
      photos.push((await ok<{ item: MediaItem }>(b, 'media.import', { fileName: `현장 사진 ${i}.jpg`, data })).item);
    }
    const ref = (i: number, what: string): PhotoRef => ({
      mediaId: photos[i % PHOTOS]!.id,
      caption: `${what} 사진 설명 ${i}`,
      credit: '과학기술정보통신부 제공',
      alt: `${what} 대체 텍스트`,
    });
    const reporter = await ok<Profile>(b, 'profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' });
    const desk = await ok<Profile>(b, 'profiles.create', { name: '박데스크', email: '', role: 'desk', sections: [seed.section] });
    const ids: string[] = [];
    for (let i = 0; i < STORIES; i += 1) {
      const created = await ok<Article>(b, 'articles.create', {}, { actorId: reporter.id });
      const body = editorStateFromParagraphs(typedBody.map((p, j) => (j === 1 ? `${p} (${i})` : p)));
      body.root.children.splice(2, 0, { type: 'photo', version: 1, ...ref(i + 1, '본문') } as never);
      const fields: ArticleFields = {
        ...DEFAULT_META,
        headline: `${seed.headline} ${i}`,
        deck: seed.deck,
        section: seed.section,
        body,
        storyType: 'press_release',
        sourceAttribution: seed.sourceAttribution,
        bylines: [{ name: '김기자', email: 'kim@example.com', title: '기자' }],
        tags: ['양자'],
        leadPhoto: ref(i, '대표'),
      };
      const saved = await ok<Article>(b, 'articles.save', { id: created.id, baseVersion: 1, fields }, { actorId: reporter.id });
      await ok(b, 'workflow.submit', { id: created.id, version: saved.version, note: '' }, { actorId: reporter.id });
      await ok(b, 'workflow.startReview', { id: created.id }, { actorId: desk.id });
      await ok(b, 'workflow.approve', { id: created.id, version: saved.version, note: '' }, { actorId: desk.id });
      ids.push(created.id);
    }
    const target = await ok<PublishTarget>(b, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '벤치 묶음',
      settings: { url: 'https://news.example.com/stories/', folder: 'bench' },
    });

    const fsBefore = fileCreationPerBundle(dir, 2);
    const perArticle: number[] = [];
    let next = 0;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          const t0 = performance.now();
          const attempt = await ok<PublishAttempt>(b, 'publish.run', { articleId: id, targetId: target.id }, { actorId: desk.id });
          if (attempt.result !== 'exported') throw new Error(`export failed: ${attempt.error}`);
          perArticle.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    report({ bench: 'publish', metric: 'bundle_export_stories_per_second', value: Math.round((STORIES / seconds) * 10) / 10, unit: 'stories/s', target: 200 });
    report({ bench: 'publish', metric: 'bundle_export_story_p95', value: percentile(perArticle, 95), unit: 'ms' });
    // CPU time of this process per story (main thread and the libuv pool: sqlite3 and file copies), less sensitive to a shared machine than wall time.
    report({ bench: 'publish', metric: 'bundle_export_cpu_per_story', value: Math.round(((cpu.user + cpu.system) / 1000 / STORIES) * 100) / 100, unit: 'ms' });
    report({ bench: 'publish', metric: 'bundle_file_creation', value: Math.max(fsBefore, fileCreationPerBundle(dir, 2)), unit: 'ms' });
  } finally {
    await backend?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
