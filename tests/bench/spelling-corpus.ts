/**
 * The spelling engine's measuring ground: the seed story (its one typo, 디랙터, corrected) and 20
 * published Korean Wikinews stories as correct copy, 320 other Wikinews stories as the archive the
 * vocabulary is learnt from (none of the scored ones: a hold-out), and typos seeded into the scored
 * stories with a fixed seed. Sources and licences: tests/fixtures/spelling/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { combineCharacter, disassembleCompleteCharacter } from 'es-hangul';
import { loadHunspell, type LoadedSpeller } from '../../shared/spelling/hunspell';
import { spellTokens } from '../../shared/spelling/tokenize';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures', 'spelling');

interface StoryFile {
  headline: string;
  deck?: string;
  body: string[];
}

function paragraphsOf(story: StoryFile): string[] {
  return [story.headline, ...(story.deck ? [story.deck] : []), ...story.body];
}

/** Each scored story as its paragraphs: the seed first, then the 20 Wikinews stories. */
export function scoredStories(): string[][] {
  const seed = JSON.parse(readFileSync(path.join(fixtures, 'seed-story.json'), 'utf8')) as StoryFile;
  const stories = JSON.parse(readFileSync(path.join(fixtures, 'stories.json'), 'utf8')) as StoryFile[];
  return [paragraphsOf(seed), ...stories.map(paragraphsOf)];
}

/** The archive's stories as whole texts, for learnVocabulary. */
export function archiveTexts(): string[] {
  const archive = JSON.parse(readFileSync(path.join(fixtures, 'archive.json'), 'utf8')) as StoryFile[];
  return archive.map((story) => paragraphsOf(story).join('\n'));
}

export async function loadKoreanSpeller(): Promise<LoadedSpeller> {
  const dir = path.join(root, 'node_modules', 'dictionary-ko');
  return loadHunspell(readFileSync(path.join(dir, 'index.aff')), readFileSync(path.join(dir, 'index.dic')));
}

export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Vowels a hurried or unsure writer confuses (디렉터 → 디랙터). */
const VOWEL_SLIPS: Record<string, string> = {
  ㅐ: 'ㅔ',
  ㅔ: 'ㅐ',
  ㅓ: 'ㅗ',
  ㅗ: 'ㅓ',
  ㅜ: 'ㅡ',
  ㅡ: 'ㅜ',
  ㅕ: 'ㅛ',
  ㅛ: 'ㅕ',
  ㅒ: 'ㅖ',
  ㅖ: 'ㅒ',
  ㅚ: 'ㅙ',
  ㅙ: 'ㅞ',
  ㅞ: 'ㅚ',
  ㅢ: 'ㅣ',
  ㅣ: 'ㅢ',
  ㅏ: 'ㅑ',
  ㅑ: 'ㅏ',
  ㅘ: 'ㅝ',
  ㅝ: 'ㅘ',
  ㅟ: 'ㅢ',
};

export type TypoKind = 'wrong-vowel' | 'dropped-final' | 'swapped-jamo';

/** One typo in `word`, or null when this kind cannot apply to it. */
export function seedTypo(word: string, kind: TypoKind, random: () => number): string | null {
  const syllables = [...word].map((s) => disassembleCompleteCharacter(s));
  if (syllables.some((s) => !s)) return null;
  const parts = syllables as Array<{ choseong: string; jungseong: string; jongseong: string }>;
  const at = Math.floor(random() * parts.length);
  const p = parts[at]!;
  if (kind === 'wrong-vowel') {
    const slip = VOWEL_SLIPS[p.jungseong];
    if (!slip) return null;
    parts[at] = { ...p, jungseong: slip };
  } else if (kind === 'dropped-final') {
    const withFinal = parts.map((s, i) => (s.jongseong ? i : -1)).filter((i) => i >= 0);
    if (withFinal.length === 0) return null;
    const i = withFinal[Math.floor(random() * withFinal.length)]!;
    parts[i] = { ...parts[i]!, jongseong: '' };
  } else {
    // The initial consonants of two neighbouring syllables trade places (기술 → 시굴).
    const i = Math.min(at, parts.length - 2);
    if (i < 0 || parts[i]!.choseong === parts[i + 1]!.choseong) return null;
    const [a, b] = [parts[i]!, parts[i + 1]!];
    parts[i] = { ...a, choseong: b.choseong };
    parts[i + 1] = { ...b, choseong: a.choseong };
  }
  const out = parts.map((s) => combineCharacter(s.choseong, s.jungseong, s.jongseong)).join('');
  return out === word ? null : out;
}

export interface SeededTypo {
  paragraph: string;
  start: number;
  end: number;
  original: string;
  typo: string;
  kind: TypoKind;
}

/**
 * `count` typos, one per paragraph copy, in words of two or more syllables. A slip that makes
 * another word the raw dictionary knows (정부 → 정보) is a real-word error no spelling checker can
 * see; such slips are drawn again rather than counted.
 */
export function seedTypos(
  stories: string[][],
  speller: LoadedSpeller,
  count: number,
  /** Whether the word is left alone where it stands in the correct copy: a typo in a word already flagged would count for nothing. */
  cleanAt: (paragraph: string, start: number) => boolean,
  seed = 23,
): SeededTypo[] {
  const random = mulberry32(seed);
  const paragraphs = stories.flat();
  const kinds: TypoKind[] = ['wrong-vowel', 'dropped-final', 'swapped-jamo'];
  const typos: SeededTypo[] = [];
  for (let tries = 0; typos.length < count && tries < count * 200; tries += 1) {
    const paragraph = paragraphs[Math.floor(random() * paragraphs.length)]!;
    const tokens = spellTokens(paragraph).filter((t) => t.word.length >= 2);
    if (tokens.length === 0) continue;
    const token = tokens[Math.floor(random() * tokens.length)]!;
    if (!cleanAt(paragraph, token.start)) continue;
    const kind = kinds[typos.length % kinds.length]!;
    const typo = seedTypo(token.word, kind, random);
    if (!typo || speller.spell(typo)) continue;
    typos.push({
      paragraph: paragraph.slice(0, token.start) + typo + paragraph.slice(token.end),
      start: token.start,
      end: token.start + typo.length,
      original: token.word,
      typo,
      kind,
    });
  }
  return typos;
}
