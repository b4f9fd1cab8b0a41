import { z } from 'zod';
import { ArticleState, ArticleSummary } from './article';
import { ProfileId } from './profiles';

const IsoTime = z.iso.datetime();

/** A search: words (all must occur) and "quoted phrases", combinable with filters. Empty text lists by date. */
export const SearchQuery = z.strictObject({
  text: z.string().max(200).default(''),
  section: z.string().max(50).optional(),
  state: ArticleState.optional(),
  /** A reporter's name as it stands in the byline. */
  author: z.string().max(50).optional(),
  tag: z.string().max(50).optional(),
  /** Only the stories this profile owns: the reporter who started them (내 기사). */
  ownerId: ProfileId.optional(),
  /** Only stories that show a photo (lead, body or gallery), or only those that show none. */
  hasPhotos: z.boolean().optional(),
  /** Last-updated range, inclusive. */
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  includeArchived: z.boolean().default(false),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});
export type SearchQuery = z.output<typeof SearchQuery>;

/** Start and end (UTF-16 offsets) of a match inside `snippet`. */
const Highlight = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

export const SearchHit = ArticleSummary.extend({
  /** A passage of the body (or the headline) around the first match. */
  snippet: z.string(),
  highlights: z.array(Highlight),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  items: z.array(SearchHit),
  total: z.number().int().min(0),
  /** A very common word matches more stories than are counted exactly: `total` is then "at least". */
  totalIsLowerBound: z.boolean(),
  /**
   * `total` is estimated: on PostgreSQL, a phrase's matches past the first block are counted from the
   * share of checked candidates that match (search/pg-sql.ts), not each checked.
   */
  totalIsEstimate: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResult>;
