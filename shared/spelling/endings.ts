/**
 * Particles (조사) and the common endings news copy puts after a noun, so that a word the dictionary
 * does not know with them (협력방안을, 갬베타는, 양자기술이다) is judged by its stem. Hunspell's Korean
 * affix rules already cover the nouns it knows; these are for the ones it does not: compounds, names
 * and the newsroom's own words.
 */
const ENDINGS = [
  // Copula and 하다/되다 forms after a noun.
  ...'이었습니다 했습니다 됐습니다 되었다 이었다 입니다 이라며 이라고 이라는 이라면 했다고 한다고 했으며 하였다 하겠다 해왔다 됐다고 된다고 시켰다 하기로 했다 한다 하는 하고 하며 하여 했던 하기 하면 해야 해서 된다 됐다 되는 되며 되고 되어 시킨 이다 이며 이고 이자 였다 이나 이든 이란 이면 라며 라고 라는 라면 이라 하다 해 할 한 된 돼 되'.split(
    ' ',
  ),
  // Particles, combined ones first.
  ...'에게서는 에서부터 으로부터 로부터 에게서 에서는 에서도 에서의 에서만 으로는 으로도 으로서 으로써 으로의 으로만 까지는 까지도 까지의 부터는 부터의 에게는 에게도 과의 와의 과는 와는 과도 와도 에는 에도 에의 에만 로는 로도 로서 로써 로의 로만 만의 만을 만이 만은 보다 처럼 마다 조차 밖에 께서 에게 한테 이랑 까지 부터 에서 으로 들은 들이 들을 들의 들과 들도 들에 은 는 이 가 을 를 의 에 로 와 과 도 만 께 랑 나 들 며 요 고'.split(
    ' ',
  ),
].sort((a, b) => b.length - a.length);

/**
 * The word's stems with one ending taken off, longest ending first. The stem keeps at least one
 * syllable; the word itself is not included.
 */
export function stemsOf(word: string): string[] {
  const stems: string[] = [];
  for (const ending of ENDINGS) {
    if (word.length > ending.length && word.endsWith(ending)) stems.push(word.slice(0, word.length - ending.length));
  }
  return stems;
}

/** The longest ending the word carries, or '' — what a suggestion re-attaches. */
export function endingOf(word: string): string {
  for (const ending of ENDINGS) {
    if (word.length > ending.length && word.endsWith(ending)) return ending;
  }
  return '';
}
