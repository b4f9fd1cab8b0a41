/**
 * The masthead a ministry prints above a release — 보도자료, 보도참고자료, 설명자료, 해명자료, 참고자료, 동정자료 —
 * letter-spaced ("보 도 자 료"), bracketed ("[보도참고자료]", "【 해 명 자 료 】") or drawn in a box, so
 * only its letters are compared. It names the kind of document, never the story: it is the header.
 */

/** Longest first, so that 보도참고자료 is not read as 참고자료 with 보도 left over. */
const WORDS = ['보도해명자료', '보도설명자료', '보도참고자료', '설명자료', '해명자료', '참고자료', '보도자료', '동정자료', 'PRESSRELEASE'];

/** Spaces of every width, brackets and the box-drawing marks ministries put around the word. */
const FRAME = /[\s\u00a0\u3000\u200b\ufeff[\]【】〔〕〈〉《》<>＜＞「」『』()（）□■◇◆◈▣☐|｜]/g;

/**
 * What a line says besides its masthead, without spaces: undefined when the line does not open or end
 * with a masthead, '' when it is nothing else ("과학기술정보통신부 보도자료" gives "과학기술정보통신부").
 */
export function besideMasthead(text: string): string | undefined {
  const bare = text.replace(FRAME, '').toUpperCase();
  const word = WORDS.find((w) => bare.startsWith(w) || bare.endsWith(w));
  if (!word) return undefined;
  return bare.startsWith(word) ? bare.slice(word.length) : bare.slice(0, bare.length - word.length);
}
