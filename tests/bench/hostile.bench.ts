import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Result } from '../../shared/errors';
import { startTestBackend } from '../integration/support/backend';
import { makeHtmlPage, releasePhoto } from '../integration/support/documents';
import { makeDeepHtml, makeDuplicateBombDocx, makePdfImageBomb } from '../integration/support/hostile-documents';
import { makeImage, pngBomb } from '../integration/support/images';
import { report } from './report';

const BENCH = 'hostile';

/**
 * Four bombs submitted at once to a real backend (web mode's, on SQLite): the review's DOCX whose
 * duplicate word/document.xml inflates to 1 GiB, a 20,000 × 20,000 RGB PDF image of zeros, HTML
 * 10,000 <div>s deep and a 40,000 × 40,000 PNG. Measured: the main event loop's p99 delay while they
 * are refused (the windows' responsiveness), the slowest refusal, and the process's peak RSS (worker
 * threads live in the process, so theirs is included).
 */
export async function benchHostile(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-hostile-'));
  const { backend } = await startTestBackend(dir);
  try {
    const bombs: Array<[string, string, Uint8Array]> = [
      ['import.document', '보도자료.docx', new Uint8Array(await makeDuplicateBombDocx())],
      ['import.document', '보도자료.pdf', new Uint8Array(await makePdfImageBomb(20_000, 20_000, 'rgb'))],
      ['import.document', '보도자료.html', new Uint8Array(makeDeepHtml(10_000))],
      ['media.import', '사진.png', new Uint8Array(pngBomb(40_000, 40_000))],
    ];
    // Both workers' first start (under tsx, seconds of compiling the converters) is not what is measured.
    const page = new Uint8Array(Buffer.from(makeHtmlPage(await releasePhoto())));
    const warm = await Promise.all([
      backend.dispatch('import.document', { fileName: 'warm-1.html', data: page }),
      backend.dispatch('import.document', { fileName: 'warm-2.html', data: page }),
      backend.dispatch('media.import', { fileName: 'warm.jpg', data: new Uint8Array(await makeImage('jpeg', { width: 64, height: 64, seed: 3 })) }),
    ]);
    for (const w of warm as Array<Result<unknown>>) if (!w.ok) throw new Error(`warm-up failed: ${w.error.message}`);

    const rssBefore = process.memoryUsage.rss();
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const refusals = await Promise.all(
      bombs.map(async ([method, fileName, data]) => {
        const started = performance.now();
        const result = (await backend.dispatch(method, { fileName, data })) as Result<unknown>;
        return { fileName, ms: performance.now() - started, result };
      }),
    );
    delay.disable();
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());

    if (process.env.BYLINE_BENCH_VERBOSE)
      console.error(refusals.map((r) => `${r.fileName} ${Math.round(r.ms)} ms`).join(', '), 'rss before', Math.round(rssBefore / 1048576));
    for (const r of refusals) {
      if (r.result.ok || r.result.error.code !== 'VALIDATION') throw new Error(`${r.fileName} was not refused: ${JSON.stringify(r.result).slice(0, 200)}`);
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    report({ bench: BENCH, metric: 'main_loop_delay_p99', value: round(delay.percentile(99) / 1e6), unit: 'ms', target: 50 });
    report({ bench: BENCH, metric: 'refusal_max_ms', value: round(Math.max(...refusals.map((r) => r.ms))), unit: 'ms', baseline: 18_800 });
    report({ bench: BENCH, metric: 'refusal_peak_rss_mb', value: Math.round(peakRss / 1024 / 1024), unit: 'MB', baseline: 3_600 });
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
