/**
 * News copy writes compounds solid (양자기술, 과학기술정보통신부, 협력방안). Such a word is accepted
 * when it splits into known words of at least two syllables each, found by dynamic programming over
 * dictionary lookups. A one-syllable part is allowed only last and only from the short list of
 * suffixes that make institutions and abstract nouns (…부, …청, …적), or first from the prefixes
 * (핵…, 최…): letting any one-syllable word in would let most typos through as "compounds".
 */
const FINAL_SUFFIXES = new Set([
  '부',
  '청',
  '처',
  '원',
  '회',
  '국',
  '과',
  '실',
  '단',
  '층',
  '형',
  '적',
  '성',
  '화',
  '식',
  '법',
  '률',
  '율',
  '력',
  '별',
  '급',
  '권',
  '계',
  '소',
  '업',
  '제',
  '장',
  '관',
  '비',
  '금',
  '세',
  '안',
  '품',
  '학',
  '기',
  '대',
  '자',
  '사',
  '료',
  '망',
  '점',
  '액',
  '량',
  '값',
  '증',
  '용',
  '등',
  '상',
  '가',
  '시',
]);

/** Prefixes that make a word of any noun (핵물리, 최일선, 신기술, 탈원전), allowed first. */
const PREFIXES = new Set([
  '핵',
  '최',
  '신',
  '초',
  '총',
  '대',
  '재',
  '전',
  '탈',
  '범',
  '반',
  '비',
  '무',
  '미',
  '부',
  '각',
  '고',
  '저',
  '친',
  '역',
  '준',
  '타',
  '매',
]);

/**
 * Whether `word` is a sequence of known parts. `known` is called at most once per substring; the
 * caller caches across words.
 */
export function isCompound(word: string, known: (part: string) => boolean): boolean {
  const n = word.length;
  if (n < 3) return false;
  // reach[i]: word[0, i) splits into known parts.
  const reach = new Array<boolean>(n + 1).fill(false);
  reach[0] = true;
  for (let end = 2; end <= n; end += 1) {
    for (let start = end - 2; start >= 0 && !reach[end]; start -= 1) {
      if (reach[start] && !(start === 0 && end === n) && known(word.slice(start, end))) reach[end] = true;
    }
  }
  if (reach[n]) return true;
  if (reach[n - 1] && FINAL_SUFFIXES.has(word[n - 1]!)) return true;
  if (!PREFIXES.has(word[0]!)) return false;
  const rest = word.slice(1);
  return known(rest) || isCompound(rest, known);
}
