import { escapeHtml } from '../../shared/html-escape';
import { newsArticleJsonLd, scriptSafeJson, type Publisher } from './news-article-jsonld';
import { categoryNames, type ReaderMeta } from './reader-meta';
import { seoulIso } from './seoul-time';

/*
 * The bundle page's <head> lines for search engines and sharing: the canonical address, Open Graph
 * and Twitter card tags, and the NewsArticle JSON-LD. Every value is escaped for its attribute.
 */

const meta = (attr: 'property' | 'name', key: string, value: string) => `<meta ${attr}="${key}" content="${escapeHtml(value)}">`;

export function bundleHeadLines(story: ReaderMeta, publisher: Publisher): string[] {
  const lines = [
    `<link rel="canonical" href="${escapeHtml(story.url)}">`,
    ...(story.description ? [meta('name', 'description', story.description)] : []),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', publisher.name),
    meta('property', 'og:locale', 'ko_KR'),
    meta('property', 'og:url', story.url),
    meta('property', 'og:title', story.headline),
    ...(story.description ? [meta('property', 'og:description', story.description)] : []),
  ];
  if (story.image)
    lines.push(
      meta('property', 'og:image', story.image.url),
      meta('property', 'og:image:width', String(story.image.width)),
      meta('property', 'og:image:height', String(story.image.height)),
    );
  lines.push(
    meta('property', 'article:published_time', seoulIso(story.publishedAt)),
    meta('property', 'article:modified_time', seoulIso(story.modifiedAt)),
    ...categoryNames(story).map((name) => meta('property', 'article:section', name)),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', story.headline),
    ...(story.description ? [meta('name', 'twitter:description', story.description)] : []),
    ...(story.image ? [meta('name', 'twitter:image', story.image.url)] : []),
    `<script type="application/ld+json">${scriptSafeJson(newsArticleJsonLd(story, publisher))}</script>`,
  );
  return lines;
}
