import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnVocabulary } from '../../shared/spelling/archive-vocabulary';
import { isCompound } from '../../shared/spelling/compound';
import { endingOf, stemsOf } from '../../shared/spelling/endings';
import { SpellEngine } from '../../shared/spelling/engine';
import type { LoadedSpeller } from '../../shared/spelling/hunspell';
import { NEWS_WORDS } from '../../shared/spelling/news-words';
import { spellTokens } from '../../shared/spelling/tokenize';
import { loadKoreanSpeller, seedTypo, mulberry32 } from '../bench/spelling-corpus';

/** The real dictionary (hunspell-asm + dictionary-ko), loaded once for the file. */
let speller: LoadedSpeller;
beforeAll(async () => {
  speller = await loadKoreanSpeller();
}, 120_000);
afterAll(() => speller.dispose());

const words = (text: string) => spellTokens(text).map((t) => t.word);

describe('spellTokens', () => {
  it('gives Hangul words with UTF-16 offsets into the text as given', () => {
    const text = '😀 장관은 IBM과 협력했다.';
    for (const token of spellTokens(text)) expect(text.slice(token.start, token.end)).toBe(token.word);
    expect(words(text)).toEqual(['장관은', '협력했다']);
  });

  it('skips numbers with their units, Latin, hanja, links, e-mail and bracketed credits', () => {
    const text = '(포탈뉴스통신) 9월 23일 5개 韓美간 www.예시.kr hong@예시.kr 【서울=뉴시스】 [뉴스출처 : 과학기술정보통신부] 장관';
    expect(words(text)).toEqual(['장관']);
  });

  it('checks words inside parentheses that are not the opening credit', () => {
    expect(words('기반시설(인프라) 구축')).toEqual(['기반시설', '인프라', '구축']);
  });
});

describe('endings', () => {
  it('takes the longest particle off first', () => {
    expect(stemsOf('협력방안에서는')[0]).toBe('협력방안');
    expect(endingOf('갬베타는')).toBe('는');
    expect(endingOf('양자기술이다')).toBe('이다');
    expect(stemsOf('가')).toEqual([]);
  });
});

describe('isCompound', () => {
  const known = (part: string) => speller.spell(part);
  it('splits solid compounds into known words of two syllables or more', () => {
    expect(isCompound('양자기술', known)).toBe(true);
    expect(isCompound('과학기술정보통신부', known)).toBe(true);
    expect(isCompound('핵물리', known)).toBe(true);
  });
  it('does not make a compound of a typo', () => {
    expect(isCompound('디랙터', known)).toBe(false);
    expect(isCompound('양자기숧', known)).toBe(false);
  });
});

describe('SpellEngine against dictionary-ko', () => {
  const engine = () => new SpellEngine(speller, NEWS_WORDS);

  it('flags 디랙터 and suggests 디렉터 with the particle kept, and lets the compound with a particle through', () => {
    const findings = engine().check('과학기술정보통신부는 연구소의 디랙터와 협력방안을 논의했다.');
    expect(findings.map((f) => f.word)).toEqual(['디랙터와']);
    expect(findings[0]!.suggestions[0]).toBe('디렉터와');
    expect(findings[0]!.start).toBe('과학기술정보통신부는 연구소의 '.length);
  });

  it('does not flag names before a title or glossed in Latin', () => {
    expect(engine().check('배경훈 장관은 제이 갬베타(Jay Gambetta) 부사장을 만났다.')).toEqual([]);
  });

  it('accepts the newsroom words with or without particles, and forgets them when replaced', () => {
    const spelling = engine();
    expect(spelling.check('브룩헤이븐에서')).toHaveLength(1);
    spelling.accept(['브룩헤이븐']);
    expect(spelling.check('브룩헤이븐에서 브룩헤이븐')).toEqual([]);
    spelling.accept([]);
    expect(spelling.check('브룩헤이븐')).toHaveLength(1);
  });

  it('adds hunspell suggestions between checks, not during one', () => {
    const spelling = engine();
    expect(spelling.check('사람잉')[0]!.suggestions).toEqual([]);
    while (spelling.suggestPending(1000));
    expect(spelling.check('사람잉')[0]!.suggestions).toContain('사람이');
  });

  it('flags seeded typos of every kind in words it accepts', () => {
    const random = mulberry32(7);
    const spelling = engine();
    for (const [word, kind] of [
      ['협력방안을', 'dropped-final'],
      ['연구시설을', 'wrong-vowel'],
      ['디렉터', 'wrong-vowel'],
    ] as const) {
      expect(spelling.isCorrect(word)).toBe(true);
      const typo = seedTypo(word, kind, random)!;
      expect([typo, spelling.isCorrect(typo)]).toEqual([typo, false]);
    }
  });
});

describe('learnVocabulary', () => {
  it('learns stems written in at least minStories stories, counting a story once', () => {
    const stories = ['레고랜드가 문을 열었다. 레고랜드는 춘천에 있다.', '레고랜드에서 행사가 열렸다.', '디랙터 디랙터 디랙터'];
    const learnt = learnVocabulary(stories, 2);
    expect(learnt).toContain('레고랜드');
    expect(learnt).not.toContain('디랙터');
    expect(learnVocabulary(stories, 1)).toContain('디랙터');
    expect(learnVocabulary([], 2)).toEqual([]);
  });
});
