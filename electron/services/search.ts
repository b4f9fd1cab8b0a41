import { matchExpression, parseSearchQuery } from '../../shared/korean-tokens';
import type { SearchQuery, SearchResult } from '../../shared/search';
import { makeSnippet } from '../../shared/snippet';
import type { SearchRepository, SearchRow } from '../db/search/search-repo';

/** The archive search: Korean words and phrases from the FTS5 bigram index, filters, snippets. */
export class SearchService {
  constructor(private readonly repo: SearchRepository) {}

  async search(q: SearchQuery): Promise<SearchResult> {
    const terms = parseSearchQuery(q.text);
    const { rows, total, totalIsLowerBound, totalIsEstimate } =
      terms.length > 0 ? await this.repo.matching(matchExpression(terms), q) : await this.repo.filtered(q);
    const surfaces = terms.map((t) => t.surface);
    return { total, totalIsLowerBound, totalIsEstimate, items: rows.map((r) => toHit(r, surfaces)) };
  }
}

function toHit(r: SearchRow, surfaces: string[]) {
  const inBody = surfaces.length === 0 || surfaces.some((s) => r.body_text.toLowerCase().includes(s.toLowerCase()));
  const { snippet, highlights } = makeSnippet(inBody ? r.body_text : r.headline, surfaces);
  return {
    id: r.id,
    version: r.version,
    state: r.state,
    headline: r.headline,
    section: r.section,
    excerpt: r.body_text.slice(0, 120),
    characters: r.characters,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    snippet,
    highlights,
  };
}
