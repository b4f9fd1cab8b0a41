import { AppError } from './errors';
import { stemsOf } from './spelling/endings';

/** The longest word the 뉴스룸 사전 keeps (a long coined name fits; a pasted sentence does not). */
export const WORD_MAX = 50;

/**
 * A word as the 뉴스룸 사전 keeps it: NFC (an IME and a pasted word spell the same syllable alike, or the
 * checker would still flag one of them), no surrounding spaces, one word. Bad input is refused in Korean.
 */
export function normaliseWord(raw: string): string {
  const word = raw.normalize('NFC').trim();
  if (word === '') throw new AppError('VALIDATION', '추가할 낱말을 입력하세요.');
  if ([...word].length > WORD_MAX) throw new AppError('VALIDATION', `낱말은 ${WORD_MAX}자까지 넣을 수 있습니다.`);
  if (/\s/u.test(word)) throw new AppError('VALIDATION', '뉴스룸 사전에는 띄어 쓰지 않은 낱말 하나만 넣을 수 있습니다.');
  if (/[\p{Cc}\p{Cf}]/u.test(word)) throw new AppError('VALIDATION', '낱말에 보이지 않는 제어 문자가 들어 있습니다.');
  if (!/[\p{L}]/u.test(word)) throw new AppError('VALIDATION', '낱말에는 글자가 하나 이상 있어야 합니다.');
  return word;
}

/**
 * What 뉴스룸 사전에 추가 puts in for a flagged word: its stem without the shortest particle or ending
 * (갬베타는 → 갬베타, 쿼텍실라는 → 쿼텍실라 rather than 쿼텍실 + 라는), since the checker takes the
 * particle off before it looks a word up; the word itself when the stem would be a single syllable. The
 * menu shows it before it is added.
 */
export function dictionaryForm(word: string): string {
  const stem = stemsOf(word).at(-1);
  return stem !== undefined && [...stem].length >= 2 ? stem : word;
}
