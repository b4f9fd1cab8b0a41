import type { SearchQuery } from '../../../shared/search';
import type { Executor } from '../database';
import { facetToken } from './article-index';

const term = (kind: Parameters<typeof facetToken>[0], value: string) => `facets : "${facetToken(kind, value)}"`;

/**
 * The user's match with the filters as facet terms of the same FTS5 query (see search/article-index.ts).
 * bm25 counts, on every search, the stories holding each phrase of the query, so the live-only
 * filter is asked through whichever archive token is in fewer stories: NOT the archived token while
 * most stories are live (ANDing the live token made every search walk a doclist of the whole
 * archive, half the time of a filtered search), AND the live token once most are archived.
 */
export function facetExpression(match: string, q: SearchQuery, mostlyArchived: boolean): string {
  const required = [`(${match})`];
  if (q.section) required.push(term('sec', q.section));
  if (q.state) required.push(term('st', q.state));
  if (q.tag) required.push(term('tag', q.tag));
  if (q.author) required.push(term('au', q.author));
  if (q.ownerId) required.push(term('own', q.ownerId));
  if (q.includeArchived) return required.join(' AND ');
  if (mostlyArchived) return [...required, term('arch', '0')].join(' AND ');
  return `${required.join(' AND ')} NOT ${term('arch', '1')}`;
}

/**
 * Whether most stories are archived: only a hint for facetExpression (either form gives the same
 * stories), so it is measured again only every `every` searches. The count stops at half the
 * stories, so it costs little however large the archive.
 */
export class ArchiveShare {
  private known: boolean | undefined;
  private uses = 0;

  constructor(
    private readonly db: Executor,
    private readonly every = 1_000,
  ) {}

  async mostlyArchived(): Promise<boolean> {
    if (this.known === undefined || this.uses >= this.every) {
      const half = Math.floor(((await this.db.get<{ n: number | null }>('SELECT max(rowid) AS n FROM articles'))?.n ?? 0) / 2);
      const archived = await this.db.get<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM articles WHERE archived_at IS NOT NULL LIMIT ?) AS x', [
        half + 1,
      ]);
      this.known = (archived?.n ?? 0) > half;
      this.uses = 0;
    }
    this.uses += 1;
    return this.known;
  }
}
