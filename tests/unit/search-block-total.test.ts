import { describe, expect, it } from 'vitest';
import { blockTotal } from '../../electron/db/search/block-total';

const answer = { walked: 1000, cap: 10_001, rest: 1000 };

describe('the count of the newest block, from the ranking and the index asked at once', () => {
  it('is the block itself when fewer matches than the block holds were found, whatever the index counted', () => {
    expect(blockTotal({ ...answer, found: 412, checked: 900, candidates: 9_000 })).toEqual({ n: 412, atLeast: false, estimated: false });
    expect(blockTotal({ ...answer, found: 999, checked: null, candidates: 999 })).toEqual({ n: 999, atLeast: false, estimated: false });
  });

  it("is the index's count of a word, a lower bound once it reached the cap", () => {
    expect(blockTotal({ ...answer, found: 1000, checked: null, candidates: 4_321 })).toEqual({ n: 4_321, atLeast: false, estimated: false });
    expect(blockTotal({ ...answer, found: 1000, checked: null, candidates: 10_001 })).toEqual({ n: 10_001, atLeast: true, estimated: false });
  });

  it("asks for a check of a phrase's candidates when few are left past the block", () => {
    expect(blockTotal({ ...answer, found: 1000, checked: 1_400, candidates: 2_400 })).toBe('check');
  });

  it('estimates a phrase from the share of its checked candidates that matched, never below what was found', () => {
    expect(blockTotal({ ...answer, found: 1000, checked: 1_397, candidates: 10_000 })).toEqual({ n: 7_158, atLeast: false, estimated: true });
    expect(blockTotal({ ...answer, found: 1000, checked: 1_000, candidates: 10_001 })).toEqual({ n: 10_001, atLeast: true, estimated: true });
    expect(blockTotal({ ...answer, found: 1000, checked: 5_000, candidates: 6_100 })).toEqual({ n: 1_220, atLeast: false, estimated: true });
  });
});
