/**
 * News copy writes compounds solid (양자기술, 과학기술정보통신부, 협력방안). Such a word is accepted
 * when it splits into known words of at least two syllables each, found by dynamic programming over
 * dictionary lookups. A one-syllable part is allowed only last and only from the short list of
 * suffixes that make institutions and abstract nouns (…부, …청, …적), or first from the prefixes
 * (핵…, 최…): letting any one-syllable word in would let most typos through as "compounds".
 */
const FINAL_SUFFIXES = new Set([
  ...'부청처원회국과실단층형적성화식법률율력별급권계소업제장관비금세안품학기대자사료망점액량값증용등상가시류산차수측현군읍역호도주선전체표파지인',
]);

/** Prefixes that make a word of any noun (핵물리, 최일선, 신기술, 탈원전), allowed first. */
const PREFIXES = new Set([...'핵최신초총대재전탈범반비무미부각고저친역준타매']);

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
