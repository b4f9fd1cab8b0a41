import type { NewsArticle, WithContext } from 'schema-dts';
import { categoryNames, type ReaderMeta } from './reader-meta';
import { seoulIso } from './seoul-time';

/*
 * schema.org NewsArticle for the bundle's page: what Google and the portals' crawlers read for the
 * headline, the times (with the newsroom's +09:00 offset), the authors, the publisher and the lead photo.
 */

export interface Publisher {
  name: string;
  /** The publisher's logo address; none when the target has not been given one. */
  logo: string | null;
}

export function newsArticleJsonLd(meta: ReaderMeta, publisher: Publisher): WithContext<NewsArticle> {
  const sections = categoryNames(meta);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': meta.url },
    url: meta.url,
    headline: meta.headline,
    ...(meta.description ? { description: meta.description } : {}),
    datePublished: seoulIso(meta.publishedAt),
    dateModified: seoulIso(meta.modifiedAt),
    author: meta.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: publisher.name,
      ...(publisher.logo ? { logo: { '@type': 'ImageObject', url: publisher.logo } } : {}),
    },
    ...(meta.image ? { image: [{ '@type': 'ImageObject', url: meta.image.url, width: String(meta.image.width), height: String(meta.image.height) }] } : {}),
    ...(sections.length ? { articleSection: sections.length === 1 ? sections[0]! : sections } : {}),
    inLanguage: 'ko',
  };
}

/**
 * JSON for inside <script type="application/ld+json">: the HTML parser ends the element at the first
 * "</script" and treats "<!--" specially whatever JSON thinks of them, so every <, > and & is written
 * as a \u escape (the same string to a JSON reader); U+2028/2029 are escaped for older script readers.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
