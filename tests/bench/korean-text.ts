import { seed } from '../fixtures/seed';

/** Real newsroom prose (the seed story), repeated and varied until it reaches `characters`. */
export function koreanParagraphs(characters: number): string[] {
  const out: string[] = [];
  let total = 0;
  for (let i = 0; total < characters; i += 1) {
    const source = seed.body[i % seed.body.length]!;
    const paragraph = source.slice(0, Math.min(source.length, characters - total));
    out.push(paragraph);
    total += paragraph.length;
  }
  return out;
}
