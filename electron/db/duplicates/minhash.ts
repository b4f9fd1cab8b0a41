/**
 * Near-duplicate signatures for Korean stories: MinHash over shingles, with LSH bands for the lookup.
 *
 * Text is normalised first (NFC, lower case, every space, punctuation mark and symbol dropped), so that
 * re-spacing (띄어쓰기), quotation marks, bullets (□, ㅇ) and line breaks change nothing. A shingle is a run
 * of SHINGLE overlapping syllable bigrams (SHINGLE + 1 characters) of what is left, about two words: long
 * enough that a ministry's stock phrases (관계자는 …라고 밝혔다), shared by every story on the beat, are few
 * of a story's shingles (unrelated stories on one beat measured 0.14–0.28 Jaccard with 5 syllables, 0.20–0.44
 * with 3), short enough that a light edit (a particle, a number, a word) disturbs only the few shingles
 * around it. Shingles are a set, so reordered paragraphs change only the shingles across their joins, and
 * the headline is not part of the text signed (services/duplicates.ts checks the body).
 *
 * The signature is one-permutation MinHash (Li, Owen, Zhang 2012) with densification (Shrivastava, Li
 * 2014): each shingle is hashed once, its hash's top bits choose one of BINS bins and the smallest hash in
 * each bin is kept; an empty bin borrows the next filled bin to its right. One hash per shingle rather than
 * one per shingle and bin: a 4,000-character story costs ~4,000 hashes, not 500,000, which is what makes
 * signing 100,000 stories at start-up a matter of seconds. The share of bins two signatures agree on
 * estimates the Jaccard similarity of their shingle sets.
 */

/** Bigrams per shingle (4 overlapping bigrams span 5 syllables). */
export const SHINGLE = 4;
/** Bins (MinHash values) per signature. */
export const BINS = 128;
/** LSH: BANDS bands of ROWS values; two stories become candidates if any band agrees entirely. */
export const ROWS = 4;
export const BANDS = BINS / ROWS;
/** Too little text to judge (an empty draft, a headline only): such a story is neither signed nor checked. */
export const MIN_SHINGLES = 40;
/**
 * Version of what the functions here compute: stored with every signature, and a signature of another
 * version is made again (duplicates-repo.ts), as the search index is for TOKENIZER_VERSION.
 */
export const SIGNER_VERSION = 1;

const BIN_BITS = Math.log2(BINS);

/** NFC, lower case, letters and digits only: what is left is what two copies of a release share. */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** FNV-1a over a substring's UTF-16 code units, finished with murmur3's mixer so that its top bits are uniform. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

/** murmur3's 32-bit finaliser: every input bit moves every output bit. */
export function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The hash of every shingle of the normalised text (repeats included; the bins keep minima, so they cost nothing). */
export function shingleHashes(text: string): Uint32Array {
  const norm = normalise(text);
  const width = SHINGLE + 1;
  const count = Math.max(0, norm.length - width + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) out[i] = hashOf(norm, i, i + width);
  return out;
}

/**
 * The signature of a text, or null when it has fewer than MIN_SHINGLES shingles. A bin's value is the
 * smallest hash that fell in it; an empty bin takes its right neighbour's (circularly), mixed with the
 * distance so that it cannot agree by accident with a bin that was filled.
 */
export function signatureOf(text: string): Uint32Array | null {
  const hashes = shingleHashes(text);
  if (new Set(hashes).size < MIN_SHINGLES) return null;
  const sig = new Uint32Array(BINS).fill(0xffffffff);
  const filled = new Uint8Array(BINS);
  for (const h of hashes) {
    const bin = h >>> (32 - BIN_BITS);
    filled[bin] = 1;
    if (h < sig[bin]!) sig[bin] = h;
  }
  const dense = Uint32Array.from(sig);
  for (let bin = 0; bin < BINS; bin += 1) {
    if (filled[bin]) continue;
    let step = 1;
    while (!filled[(bin + step) % BINS]) step += 1;
    dense[bin] = mix(sig[(bin + step) % BINS]! ^ Math.imul(step, 0x9e3779b1));
  }
  return dense;
}

/** The share of bins on which two signatures agree: an estimate of the Jaccard similarity of their shingles. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < BINS; i += 1) if (a[i] === b[i]) same += 1;
  return same / BINS;
}

/**
 * One hash per band, with the band's number in it (band 3 of one story must not meet band 7 of another),
 * as a signed 32-bit integer so that both engines store it as a plain integer column.
 */
export function bandsOf(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let band = 0; band < BANDS; band += 1) {
    let h = mix(band + 1);
    for (let r = 0; r < ROWS; r += 1) h = mix((h ^ sig[band * ROWS + r]!) >>> 0);
    out.push(h | 0);
  }
  return out;
}

/** A signature as stored (4 bytes per bin, little-endian), and back; a stored value of the wrong size reads as none. */
export function signatureToBytes(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(BINS * 4);
  sig.forEach((v, i) => buf.writeUInt32LE(v, i * 4));
  return buf;
}

export function signatureFromBytes(bytes: Uint8Array | null): Uint32Array | null {
  if (!bytes || bytes.byteLength !== BINS * 4) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(BINS);
  for (let i = 0; i < BINS; i += 1) sig[i] = buf.readUInt32LE(i * 4);
  return sig;
}
