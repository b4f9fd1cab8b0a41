/**
 * The count of the newest block's search, decided from what the ranking found (ArticleSearchSql.block's
 * page) and what the index counted alone (its candidates), both asked at once.
 */
export interface BlockAnswer {
  /** Matches in the ranked block, and its size: fewer found than walked means every match was seen. */
  found: number;
  walked: number;
  /** Candidates checked to find them; null when the index tells a match without a recheck. */
  checked: number | null;
  /** What the index counted, up to `cap`: the matches when checked is null, else a phrase's candidates. */
  candidates: number;
  cap: number;
  /** How many unchecked candidates are still checked one by one rather than estimated. */
  rest: number;
}

export type BlockTotal = { n: number; atLeast: boolean; estimated: boolean } | 'check';

/**
 * 'check' when the candidates past the block are few enough to check (ArticleSearchSql.block.total).
 * Otherwise the share of the checked candidates that matched, times all candidates, is the estimate: a
 * phrase's words are often near each other, but not in a share the index could know.
 */
export function blockTotal(a: BlockAnswer): BlockTotal {
  if (a.found < a.walked) return { n: a.found, atLeast: false, estimated: false };
  if (a.checked === null) return { n: a.candidates, atLeast: a.candidates >= a.cap, estimated: false };
  if (a.candidates - a.checked <= a.rest) return 'check';
  return { n: Math.max(a.found, Math.round((a.candidates * a.found) / a.checked)), atLeast: a.candidates >= a.cap, estimated: true };
}
