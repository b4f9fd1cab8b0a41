import { describe, expect, it } from 'vitest';
import { bandsOf, BANDS, BINS, normalise, signatureFromBytes, signatureOf, signatureToBytes, similarity } from '../../electron/db/duplicates/minhash';
import { SIMILAR } from '../../electron/services/duplicates';
import { duplicateCases, paragraphsOf, VARIANT_KINDS } from '../fixtures/near-duplicates';

const bodyOf = (f: Parameters<typeof paragraphsOf>[0]) => paragraphsOf(f).join('\n');

/** The exact Jaccard similarity of two texts' 5-syllable shingles, which the signatures estimate. */
function exactJaccard(a: string, b: string): number {
  const set = (t: string) => {
    const n = normalise(t);
    const s = new Set<string>();
    for (let i = 0; i + 5 <= n.length; i += 1) s.add(n.slice(i, i + 5));
    return s;
  };
  const [x, y] = [set(a), set(b)];
  let both = 0;
  for (const s of x) if (y.has(s)) both += 1;
  return both / (x.size + y.size - both);
}

describe('near-duplicate signatures', () => {
  it('normalises Korean text: NFC, spacing, punctuation and bullets do not count', () => {
    const composed = '과학기술정보통신부는 7일 “양자 전략”을 발표했다.';
    const decomposed = composed.normalize('NFD');
    expect(normalise(decomposed)).toBe(normalise(composed));
    expect(normalise('□ 과학기술 정보통신부는\n 7일, 양자전략을 발표했다')).toBe(normalise('과학기술정보통신부는 7일 양자 전략을 발표했다.'));
    expect(normalise('ABC 123 가나')).toBe('abc123가나');
  });

  it('has no signature for a text too short to judge, and one for a paragraph', () => {
    expect(signatureOf('')).toBeNull();
    expect(signatureOf('장관이 발표했다.')).toBeNull();
    expect(signatureOf('.'.repeat(5000))).toBeNull();
    expect(signatureOf('가'.repeat(5000))).toBeNull();
    const sig = signatureOf('과학기술정보통신부는 7일 양자 기술 발전 전략을 발표하고, 2030년까지 양자컴퓨터 연구에 1조 원을 투자한다고 밝혔다.');
    expect(sig).not.toBeNull();
    expect(sig!.length).toBe(BINS);
  });

  it('estimates the Jaccard similarity of the shingles within a few hundredths', () => {
    const { cases, unrelated } = duplicateCases(77, 30);
    const errors: number[] = [];
    cases.forEach((c, k) => {
      const a = bodyOf(c.original.fields);
      for (const b of [bodyOf(c.variant), bodyOf(unrelated[k]!.fields)]) {
        errors.push(Math.abs(similarity(signatureOf(a)!, signatureOf(b)!) - exactJaccard(a, b)));
      }
    });
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    expect(mean).toBeLessThan(0.05);
    expect(Math.max(...errors)).toBeLessThan(0.15);
  });

  it('gives the same bands to the same text, whatever its spacing, and different bands to another band of the same values', () => {
    const text = bodyOf(duplicateCases(5, 1).cases[0]!.original.fields);
    const sig = signatureOf(text)!;
    expect(bandsOf(signatureOf(text.replace(/ /g, '  ').replace(/\./g, ' .'))!)).toEqual(bandsOf(sig));
    const bands = bandsOf(sig);
    expect(bands).toHaveLength(BANDS);
    expect(bands.every((b) => Number.isInteger(b) && b >= -(2 ** 31) && b < 2 ** 31)).toBe(true);
    // Band 0 and band 1 holding the same four values must not meet in the index.
    const same = new Uint32Array(BINS).fill(42);
    const sameBands = bandsOf(same);
    expect(new Set(sameBands).size).toBe(BANDS);
  });

  it('stores a signature as bytes and reads it back; a stored value of the wrong size reads as none', () => {
    const sig = signatureOf(bodyOf(duplicateCases(9, 1).cases[0]!.original.fields))!;
    expect(signatureFromBytes(signatureToBytes(sig))).toEqual(sig);
    expect(signatureFromBytes(Buffer.alloc(10))).toBeNull();
    expect(signatureFromBytes(null)).toBeNull();
  });

  it('finds near-duplicates by band and threshold with precision ≥ 0.95 and recall ≥ 0.9 against stories on the same beat', () => {
    const { cases, unrelated } = duplicateCases(20251226, 200);
    // The archive: the originals and the unrelated stories, in one band index.
    const archive = [...cases.map((c) => c.original.fields), ...unrelated.map((u) => u.fields)].map((f) => signatureOf(bodyOf(f))!);
    const index = new Map<number, number[]>();
    archive.forEach((sig, i) => bandsOf(sig).forEach((b) => index.set(b, [...(index.get(b) ?? []), i])));
    const found = (sig: Uint32Array, except: number) =>
      [...new Set(bandsOf(sig).flatMap((b) => index.get(b) ?? []))].filter((i) => i !== except && similarity(sig, archive[i]!) >= SIMILAR);
    let truePositives = 0;
    let reported = 0;
    const missedByKind = Object.fromEntries(VARIANT_KINDS.map((k) => [k, 0]));
    cases.forEach((c, k) => {
      const hits = found(signatureOf(bodyOf(c.variant))!, -1);
      reported += hits.length;
      if (hits.includes(k)) truePositives += 1;
      else missedByKind[c.kind]! += 1;
    });
    // An unrelated story checked against the archive it is in: anything it finds is a false positive.
    unrelated.forEach((_, k) => (reported += found(archive[cases.length + k]!, cases.length + k).length));
    const precision = truePositives / reported;
    const recall = truePositives / cases.length;
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    // Each kind of change is found, not only the easy ones.
    expect(missedByKind).toEqual({ same: 0, light_edits: 0, reordered: 0, new_headline: 0, written_from: 0 });
  });
});
