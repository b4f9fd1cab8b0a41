import { parseRenditionPath, type RenditionFormat, type RenditionWidth } from '../../shared/media';
import type { PlacedPhoto } from '../../shared/photo-refs';
import type { PortalCategory } from '../../shared/settings-portal';
import { textCounts, type OutgoingArticle } from './outgoing-article';

/*
 * IPTC ninjs from a story: 3.1 (camelCase: firstCreated, pubStatus…; IPTC's recommendation for new
 * work) and 2.2 (lower-case keys). Photos travel as associations, each with its renditions. Both are
 * validated against IPTC's schemas in tests/integration/publish-ninjs.test.ts.
 */

export type NinjsVersion = '2.2' | '3.1';

/** Where a photo's rendition is published: an absolute URL (the schemas require `format: uri`). */
export type RenditionHref = (ref: PlacedPhoto, width: RenditionWidth, format: RenditionFormat) => string;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type NinjsObject = { [key: string]: Json };

const CONTENT_TYPE: Record<RenditionFormat, string> = { jpeg: 'image/jpeg', webp: 'image/webp' };

export function articleUri(articleId: string): string {
  return `urn:byline:story:${articleId}`;
}

export function photoUri(mediaId: string): string {
  return `urn:byline:media:${mediaId}`;
}

const GENRE: Record<string, string> = { straight: '스트레이트', press_release: '보도자료', feature: '기획', photo: '포토', opinion: '오피니언' };

function photoAssociation(story: OutgoingArticle, index: number, href: RenditionHref): NinjsObject {
  const { ref, item } = story.photos[index]!;
  const renditions: NinjsObject[] = (item?.renditions ?? []).flatMap((r) => {
    const nominal = parseRenditionPath(r.path);
    if (!nominal) return [];
    return [
      {
        name: `${nominal.width}-${nominal.format}`,
        href: href(ref, nominal.width, nominal.format),
        contentType: CONTENT_TYPE[nominal.format],
        width: r.width,
        height: r.height,
        sizeInBytes: r.bytes,
      },
    ];
  });
  const descriptions: NinjsObject[] = [];
  if (ref.caption.trim()) descriptions.push({ role: 'caption', value: ref.caption.trim() });
  if (ref.alt.trim()) descriptions.push({ role: 'alt', contentType: 'text/plain', value: ref.alt.trim() });
  const assoc: NinjsObject = {
    name: ref.role === 'lead' ? 'featureimage' : `${ref.role}-${index}`,
    rel: ref.role === 'lead' ? 'featureimage' : 'inline',
    uri: photoUri(ref.mediaId),
    type: 'picture',
    representationType: 'full',
    language: 'ko',
  };
  if (descriptions.length) assoc.descriptions = descriptions;
  if (ref.credit.trim()) assoc.infoSources = [{ name: ref.credit.trim(), role: 'credit' }];
  if (item?.creator) assoc.by = item.creator;
  if (item?.copyright) assoc.copyrightNotice = item.copyright;
  if (renditions.length) assoc.renditions = renditions;
  return assoc;
}

export interface NinjsOptions {
  copyrightHolder: string;
  url?: string;
  /** The section's Naver and Daum categories (환경설정 > 포털 분류): subjects with rel "naver-category" or "daum-category". */
  categories?: readonly PortalCategory[];
}

/** ninjs 3.1. */
export function ninjs3(story: OutgoingArticle, href: RenditionHref, options: NinjsOptions): NinjsObject {
  const f = story.fields;
  const out: NinjsObject = {
    uri: articleUri(story.articleId),
    type: 'text',
    representationType: 'full',
    version: String(story.version),
    firstCreated: story.createdAt,
    versionCreated: story.versionCreatedAt,
    pubStatus: 'usable',
    language: 'ko',
    standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' },
    headlines: [{ role: 'main', value: story.parts.headline }],
  };
  if (f.embargoAt) out.embargoedUntil = f.embargoAt;
  if (options.copyrightHolder) out.copyrightHolder = options.copyrightHolder;
  if (story.parts.deckLines.length) (out.headlines as NinjsObject[]).push({ role: 'sub', value: story.parts.deckLines.join('\n') });
  if (f.summary.trim()) out.descriptions = [{ role: 'summary', value: f.summary.trim() }];
  const counts = textCounts(story.contentText);
  out.bodies = [
    { role: 'text', contentType: 'text/html', charCount: counts.charCount, wordCount: counts.wordCount, value: story.contentHtml },
    { role: 'text', contentType: 'text/plain', charCount: counts.charCount, wordCount: counts.wordCount, value: story.contentText },
  ];
  if (f.bylines.length) {
    out.by = f.bylines.map((b) => [b.name, b.title].filter(Boolean).join(' ')).join(', ');
    out.people = f.bylines.map((b) => ({ name: b.name, rel: 'author', ...(b.email ? { contactInfo: [{ type: 'email', value: b.email }] } : {}) }));
  }
  if (f.slug) out.slugline = f.slug;
  const subjects: NinjsObject[] = [
    ...(f.section ? [{ name: f.section, rel: 'section', literal: f.section }] : []),
    ...(options.categories ?? []).map((c) => ({ name: c.name, rel: `${c.portal}-category`, literal: c.name })),
    ...f.tags.map((t) => ({ name: t, rel: 'tag', literal: t })),
  ];
  if (subjects.length) out.subjects = subjects;
  out.genres = [{ name: GENRE[f.storyType] ?? f.storyType, literal: f.storyType }];
  if (f.sourceAttribution.trim()) out.infoSources = [{ name: f.sourceAttribution.trim(), role: 'originator' }];
  out.altIds = [{ role: 'byline-id', value: story.articleId }];
  if (options.url) out.renditions = [{ name: 'web', href: options.url, contentType: 'text/html' }];
  if (story.photos.length) out.associations = story.photos.map((_, i) => photoAssociation(story, i, href));
  return out;
}

/** 3.1's camelCase keys and their 2.2 names; keys not listed are the same in both. */
const V2_KEYS: Record<string, string> = {
  representationType: 'representationtype',
  firstCreated: 'firstcreated',
  versionCreated: 'versioncreated',
  contentCreated: 'contentcreated',
  embargoedUntil: 'embargoed',
  pubStatus: 'pubstatus',
  copyrightHolder: 'copyrightholder',
  copyrightNotice: 'copyrightnotice',
  usageTerms: 'usageterms',
  edNote: 'ednote',
  contentType: 'contenttype',
  charCount: 'charcount',
  wordCount: 'wordcount',
  sizeInBytes: 'sizeinbytes',
  infoSources: 'infosources',
  altIds: 'altids',
  contactInfo: 'contactinfo',
};

function toV2(value: Json, associationItem = false): Json {
  if (Array.isArray(value)) return value.map((v) => toV2(v));
  if (value === null || typeof value !== 'object') return value;
  const out: NinjsObject = {};
  for (const [key, v] of Object.entries(value)) {
    // 2.2 has no `rel` on an association.
    if (key === 'rel' && associationItem) continue;
    out[V2_KEYS[key] ?? key] = key === 'associations' && Array.isArray(v) ? v.map((a) => toV2(a, true)) : toV2(v);
  }
  return out;
}

/** ninjs 2.2: the same story with 2.x's lower-case keys (`by` is a plain string in both). */
export function ninjs2(story: OutgoingArticle, href: RenditionHref, options: NinjsOptions): NinjsObject {
  const v3 = ninjs3(story, href, options);
  const v2 = toV2(v3) as NinjsObject;
  v2.standard = { name: 'ninjs', version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#' };
  return v2;
}

export function ninjs(version: NinjsVersion, story: OutgoingArticle, href: RenditionHref, options: NinjsOptions): NinjsObject {
  return version === '3.1' ? ninjs3(story, href, options) : ninjs2(story, href, options);
}
