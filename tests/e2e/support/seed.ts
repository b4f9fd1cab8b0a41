import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface SeedArticle {
  section: string;
  headline: string;
  deck: string;
  creditLine: string;
  body: string[];
  sourceAttribution: string;
  attributionLine: string;
}

/** The portal story the workstation must be able to compose and reproduce exactly (copied from ../shared/fixtures). */
export const seed = JSON.parse(readFileSync(path.join(here, '..', '..', 'fixtures', 'seed-article.json'), 'utf8')) as SeedArticle;

/** The body as the reporter types it: the agency credit is the newsroom's, added at preview and export. */
export const typedBody = seed.body.map((p, i) => (i === 0 ? p.replace(`(${seed.creditLine}) `, '') : p));
