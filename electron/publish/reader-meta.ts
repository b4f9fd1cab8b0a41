import { parseRenditionPath } from '../../shared/media';
import { portalCategories, type PortalCategory, type PortalSettings } from '../../shared/settings-portal';
import type { OutgoingArticle } from './outgoing-article';

/*
 * What search engines and portals read of a story, gathered once per bundle: the page's JSON-LD and
 * Open Graph tags, the folder's feed and news sitemap are each a rendering of this. The folder's
 * listing (bundle-listing.ts) keeps it per story, so the feed and sitemap never re-read a bundle.
 */

export interface ReaderImage {
  url: string;
  width: number;
  height: number;
}

export interface ReaderMeta {
  articleId: string;
  /** The page's canonical address. */
  url: string;
  headline: string;
  /** The 요약, else the deck, else the story's first line; at most 200 characters. */
  description: string;
  /** 입력: when readers first got the story (UTC ISO). */
  publishedAt: string;
  /** 수정: the last correction, else the first publication. */
  modifiedAt: string;
  authors: string[];
  section: string;
  categories: PortalCategory[];
  image: ReaderImage | null;
}

/** When a story first reached readers and when it was last corrected (publish service, PublishRun.times). */
export interface StoryTimes {
  firstPublishedAt: string;
  correctedAt: string | null;
}

const DESCRIPTION_MAX = 200;

function describe(story: OutgoingArticle): string {
  const text = [story.fields.summary, story.parts.deckLines.join(' '), story.contentText.split('\n')[0] ?? '']
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .find(Boolean);
  if (!text) return '';
  return [...text].length > DESCRIPTION_MAX ? `${[...text].slice(0, DESCRIPTION_MAX - 1).join('')}…` : text;
}

/** The lead photo's widest JPEG rendition, where `href` says it is served. */
function leadImage(story: OutgoingArticle, href: (mediaId: string, file: string) => string): ReaderImage | null {
  const lead = story.photos.find((p) => p.ref.role === 'lead') ?? story.photos[0];
  const jpegs = (lead?.item?.renditions ?? [])
    .map((r) => ({ r, nominal: parseRenditionPath(r.path) }))
    .filter((x) => x.nominal?.format === 'jpeg')
    .sort((a, b) => b.r.width - a.r.width);
  const best = jpegs[0];
  if (!lead || !best?.nominal) return null;
  return { url: href(lead.ref.mediaId, `${best.nominal.width}.jpg`), width: best.r.width, height: best.r.height };
}

export function readerMeta(
  story: OutgoingArticle,
  input: { url: string; times: StoryTimes; portal: PortalSettings | undefined; photoHref: (mediaId: string, file: string) => string; agencyCredit: string },
): ReaderMeta {
  const authors = story.fields.bylines.map((b) => b.name.trim()).filter(Boolean);
  return {
    articleId: story.articleId,
    url: input.url,
    headline: story.parts.headline,
    description: describe(story),
    publishedAt: input.times.firstPublishedAt,
    modifiedAt: input.times.correctedAt ?? input.times.firstPublishedAt,
    authors: authors.length ? authors : [input.agencyCredit].filter(Boolean),
    section: story.fields.section,
    categories: portalCategories(input.portal, story.fields.section),
    image: leadImage(story, input.photoHref),
  };
}

/** The story's category words for a reader-facing field: each portal's (duplicates once), else the desk section. */
export function categoryNames(meta: Pick<ReaderMeta, 'categories' | 'section'>): string[] {
  const names = [...new Set(meta.categories.map((c) => c.name))];
  return names.length ? names : [meta.section].filter(Boolean);
}
