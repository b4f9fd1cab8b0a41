/**
 * People's names are most of what a raw dictionary flags in news copy, and news copy marks them:
 * a name stands right before a title (배경훈 장관은, 김은아 교수), or a transliterated name is
 * followed by its original spelling (제이 갬베타(Jay Gambetta)), and a Korean name takes a particle
 * (유승민은). Those words are not checked;
 * names written any other way are for the newsroom's word list.
 */
import { endingOf, stemsOf } from './endings';
import type { SpellToken } from './tokenize';

/** The commonest surnames; a three-syllable word starting with one and followed by a particle reads as a name (유승민은). */
const SURNAMES = new Set([
  ...'김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도석선설마길연위표명기반왕금옥육인맹제모탁국어은편용',
]);

function isKoreanName(word: string): boolean {
  const ending = endingOf(word);
  return ending.length > 0 && word.length - ending.length === 3 && SURNAMES.has(word[0]!);
}

const TITLES =
  '장관 차관 기자 교수 대표 회장 사장 부사장 부회장 의원 대통령 총리 위원장 원장 청장 처장 국장 과장 실장 소장 이사 이사장 본부장 시장 도지사 지사 군수 구청장 씨 대변인 최고기술책임자 최고경영자 최고재무책임자 연구원 박사 감독 선수 상무 전무 부장 팀장 센터장 총장 학장 대사 관장 위원 단장 회장님 변호사 판사 검사 작가 씨는 여사 후보 특파원'.split(
    ' ',
  );

function startsWithTitle(word: string): boolean {
  return TITLES.some((title) => word.startsWith(title));
}

const GLOSS = /^\(([A-Za-z][A-Za-z.'-]*(?:\s+[A-Za-z][A-Za-z.'-]*)*)\)/;

/** Indexes of the tokens that are names by the marks above. */
export function nameTokens(text: string, tokens: readonly SpellToken[]): Set<number> {
  const names = new Set<number>();
  const onlySpaceBetween = (a: SpellToken, b: SpellToken): boolean => /^ +$/.test(text.slice(a.end, b.start));
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (next && onlySpaceBetween(token, next) && startsWithTitle(next.word)) {
      names.add(i);
      // A foreign name is often two words (블라디미르 푸틴 대통령); a word with a particle is not part of one.
      const before = tokens[i - 1];
      if (before && onlySpaceBetween(before, token) && stemsOf(before.word).length === 0) names.add(i - 1);
    }
    if (isKoreanName(token.word)) names.add(i);
    const gloss = GLOSS.exec(text.slice(token.end));
    if (!gloss) continue;
    names.add(i);
    let before = gloss[1]!.split(/\s+/).length - 1;
    for (let j = i; before > 0 && j > 0 && onlySpaceBetween(tokens[j - 1]!, tokens[j]!); j -= 1, before -= 1) {
      names.add(j - 1);
    }
  }
  return names;
}
