import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Real newsroom prose (the seed story), repeated and varied until it reaches `characters`. */
export function koreanParagraphs(characters: number): string[] {
  const seed = JSON.parse(readFileSync(path.join(here, '..', 'fixtures', 'seed-article.json'), 'utf8')) as { body: string[] };
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
