import { escapeHtml } from '../../shared/html-escape';
import type { ReaderMeta } from './reader-meta';
import { seoulIso } from './seoul-time';

/*
 * The bundle folder's Google News sitemap: one news:news entry per story published in the last two
 * days (older ones Google ignores), at most 1,000 (Google's limit per news sitemap), newest first.
 */

export const NEWS_SITEMAP_FILE = 'news-sitemap.xml';
export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
export const NEWS_WINDOW_MS = 2 * 24 * 3600_000;
export const NEWS_SITEMAP_MAX = 1000;

/** Text for XML: escaped, and without the control characters XML 1.0 cannot carry at all. */
// eslint-disable-next-line no-control-regex
const xmlText = (s: string) => escapeHtml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));

/** Whether a story is recent enough for the news sitemap at `now`. */
export function inNewsWindow(meta: Pick<ReaderMeta, 'publishedAt'>, now: Date): boolean {
  return now.getTime() - new Date(meta.publishedAt).getTime() <= NEWS_WINDOW_MS;
}

export function newsSitemap(stories: readonly ReaderMeta[], publication: string, now: Date): string {
  const entries = stories
    .filter((s) => inNewsWindow(s, now))
    .slice(0, NEWS_SITEMAP_MAX)
    .map((s) =>
      [
        '  <url>',
        `    <loc>${xmlText(s.url)}</loc>`,
        '    <news:news>',
        '      <news:publication>',
        `        <news:name>${xmlText(publication)}</news:name>`,
        '        <news:language>ko</news:language>',
        '      </news:publication>',
        `      <news:publication_date>${seoulIso(s.publishedAt)}</news:publication_date>`,
        `      <news:title>${xmlText(s.headline)}</news:title>`,
        '    </news:news>',
        '  </url>',
      ].join('\n'),
    );
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...entries, '</urlset>', ''].join('\n');
}
