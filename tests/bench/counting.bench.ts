import { countCharacters } from '../../shared/counting';
import { koreanParagraphs } from './korean-text';
import { percentile, report } from './report';

/** The status bar recounts the body after each pause in typing; on a 20,000-character story it must not stall input. */
export async function benchCounting(): Promise<void> {
  const text = koreanParagraphs(20_000).join('\n');
  const segmenter = new Intl.Segmenter('ko', { granularity: 'grapheme' });
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < 60; i += 1) {
    let started = performance.now();
    countCharacters(text);
    samples.push(performance.now() - started);
    started = performance.now();
    let n = 0;
    for (const { segment } of segmenter.segment(text)) if (segment !== '\n') n += 1;
    if (n === 0) throw new Error('empty corpus');
    baseline.push(performance.now() - started);
  }
  report({ bench: 'counting', metric: 'count_20k_p95', value: percentile(samples, 95), unit: 'ms', target: 4, baseline: percentile(baseline, 95) });
}
