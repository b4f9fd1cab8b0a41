/** One JSON line per figure, as DESIGN.md fixes the format for `npm run bench`. */
export interface Figure {
  bench: string;
  /** sqlite or postgres, where a bench runs on either with the same metric names. */
  engine?: string;
  metric: string;
  value: number;
  unit: string;
  target?: number;
  baseline?: number;
  /** What the figure depends on that its name cannot say (a cost, which process, how it was sampled). */
  note?: string;
}

export function report(figure: Figure): void {
  console.log(JSON.stringify(figure));
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index]! * 100) / 100;
}
