import { afterEach, describe, expect, it } from 'vitest';
import { UntrustedWork, untrustedWork } from '../../electron/workers/untrusted';
import type { Result } from '../../shared/errors';
import type { MediaItem } from '../../shared/media';
import { startTestBackend } from './support/backend';
import { makeHtmlPage, releasePhoto, RELEASE } from './support/documents';
import { makeLongHtml } from './support/hostile-documents';
import { IPTC, newsPhoto } from './support/images';
import { makeTempDir, removeTempDirs } from './support/temp';

/**
 * The untrusted-file worker queue (electron/workers/untrusted.ts) on its own: a file that takes too
 * long costs its worker and nothing else. Through dispatch, import-documents.test.ts and
 * import-hostile.test.ts run every conversion through the same queue.
 */

let work: UntrustedWork | undefined;
afterEach(async () => {
  await work?.close();
  work = undefined;
});

/** A page slow enough to parse that the limit ends it: 450,000 paragraphs, 7.6 M characters. */
const slowPage = () => new Uint8Array(makeLongHtml(450_000));

describe('untrusted documents convert in a worker', () => {
  it('keeps the main event loop answering while a slow file converts, and refuses it when its time is up', async () => {
    work = new UntrustedWork({ size: 2, timeoutMs: 2_000, heapMb: 512 });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    try {
      const result = await work.convertDocument(slowPage(), '느린.html').then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(result).toMatchObject({ code: 'VALIDATION' });
      expect((result as Error).message).toMatch(/'느린\.html'.*중단했습니다/);
    } finally {
      clearInterval(timer);
    }
    // A main thread parsing the page itself would not have run the timer at all until it was done.
    expect(ticks).toBeGreaterThanOrEqual(20);
  });

  it('refuses a file whose conversion outgrows the worker heap, and carries on', async () => {
    work = new UntrustedWork({ size: 1, timeoutMs: 120_000, heapMb: 128 });
    await expect(work.convertDocument(slowPage(), '큰.html')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/메모리/) });
    const { format } = await work.convertDocument(new Uint8Array(Buffer.from(makeHtmlPage(await releasePhoto()))), '보도자료.html');
    expect(format).toBe('html');
  });

  it('costs one worker only: another file converts meanwhile, and the queue goes on after the refusal', async () => {
    work = new UntrustedWork({ size: 2, timeoutMs: 2_000, heapMb: 512 });
    const page = new Uint8Array(Buffer.from(makeHtmlPage(await releasePhoto())));
    let slowDone = false;
    const slow = work.convertDocument(slowPage(), '느린.html').finally(() => (slowDone = true));
    slow.catch(() => undefined);
    const { doc } = await work.convertDocument(page, '보도자료.html');
    expect(slowDone).toBe(false);
    expect(doc.title).toContain(RELEASE.title);
    await expect(slow).rejects.toMatchObject({ code: 'VALIDATION' });
    const again = await work.convertDocument(page, '보도자료.html');
    expect(again.format).toBe('html');
  });

  it('queues beyond its size: the second file waits for the worker', async () => {
    work = new UntrustedWork({ size: 1, timeoutMs: 30_000 });
    const page = new Uint8Array(Buffer.from(makeHtmlPage(await releasePhoto())));
    const first = work.convertDocument(page, 'a.html');
    const second = work.convertDocument(page, 'b.html');
    expect(work.load).toMatchObject({ running: 1, queued: 1 });
    await Promise.all([first, second]);
    expect(work.load).toMatchObject({ running: 0, queued: 0, idle: 1 });
  });

  it('has a file arriving while the first worker loads wait for it instead of starting a second', async () => {
    work = new UntrustedWork({ size: 2 });
    const warming = work.warm();
    const { format } = await work.convertDocument(new Uint8Array(Buffer.from(makeHtmlPage(await releasePhoto()))), '보도자료.html');
    await warming;
    expect(format).toBe('html');
    expect(work.load).toMatchObject({ running: 0, queued: 0, idle: 1 });
  });

  it('keeps AppError codes and Korean messages from inside the worker', async () => {
    work = new UntrustedWork({ size: 1 });
    await expect(work.convertDocument(new Uint8Array(Buffer.from('그냥 글입니다')), '메모.txt')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/HWPX, DOCX, PDF, HTML/),
    });
  });
});

describe('untrusted photos: the embedded texts are parsed in the worker', () => {
  it('reads the IPTC caption of a photo through the worker queue', async () => {
    const { backend } = await startTestBackend(makeTempDir('byline-photo-worker-'));
    try {
      const before = untrustedWork().answered['photo-metadata'];
      const data = new Uint8Array(await newsPhoto({ width: 400, height: 300, seed: 5, iptc: [[IPTC.caption, '워커가 읽은 설명']] }));
      const result = (await backend.dispatch('media.import', { fileName: '사진.jpg', data })) as Result<{ item: MediaItem }>;
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.item.caption).toBe('워커가 읽은 설명');
      expect(untrustedWork().answered['photo-metadata']).toBe(before + 1);
    } finally {
      await backend.close();
      removeTempDirs();
    }
  });
});
