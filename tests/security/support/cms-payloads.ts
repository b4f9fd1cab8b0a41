import { ghostPostText, wordpressMediaText, wordpressPostText, wordpressTermName } from '../../../electron/publish/cms-fields';
import { ghostPostBody, imageUploadForm } from '../../../electron/publish/ghost';
import { bundleHeadLines } from '../../../electron/publish/bundle-head';
import { bundlePage } from '../../../electron/publish/html-bundle';
import { readerMeta } from '../../../electron/publish/reader-meta';
import { ninjs2, ninjs3 } from '../../../electron/publish/ninjs';
import type { OutgoingArticle } from '../../../electron/publish/outgoing-article';
import { asciiFileName } from '../../../electron/publish/wordpress';
import { mediaBody, mediaUploadForm, postBody, termBody } from '../../../electron/publish/wordpress-payload';
import { postContent } from '../../../electron/publish/post-content';
import { postSlug } from '../../../electron/publish/post-slug';
import { storyMark } from '../../../electron/publish/story-key';

/*
 * Every payload Byline sends for one story, built by the same functions the publishers call, with
 * each string field at a path ("wordpress.post.title", "ghost.post.tags.0.name"), and what each
 * CMS makes of that field, as its documentation and the real peers show (not as Byline's code says).
 */

export const CMS_ORIGIN = 'https://cms.example';

/**
 * html: read as HTML (must hold nothing that runs or loads, and show exactly what was typed);
 * shortcodes: as html, and WordPress also runs shortcodes and embeds there (the_content);
 * plain: kept and shown as text; fixed: a key, a URL, a date or a word Byline chooses;
 * filename: an uploaded file's name, made by Byline from the photo's (ASCII letters, digits, hyphens).
 */
export type FieldKind = 'html' | 'shortcodes' | 'plain' | 'fixed' | 'filename';

const KINDS: Array<[RegExp, FieldKind]> = [
  [/^wordpress\.post\.(title|excerpt)$/, 'html'],
  [/^wordpress\.post\.content$/, 'shortcodes'],
  [/^wordpress\.post\.(slug|status|date_gmt)$/, 'fixed'],
  [/^wordpress\.(media|upload)\.\d+\.title$/, 'html'],
  [/^wordpress\.(media|upload)\.\d+\.(caption|alt_text|description)$/, 'shortcodes'],
  [/^wordpress\.upload\.\d+\.slug$/, 'fixed'],
  [/^wordpress\.term\.\d+\.name$/, 'html'],
  [/^ghost\.post\.(title|custom_excerpt|feature_image_alt)$/, 'plain'],
  [/^ghost\.post\.tags\.\d+\.name$/, 'plain'],
  [/^ghost\.post\.(html|feature_image_caption)$/, 'html'],
  [/^ghost\.post\.(feature_image|status|published_at)$/, 'fixed'],
  [/^ghost\.image\.\d+\.(purpose|ref)$/, 'fixed'],
  [/^(ghost\.image|wordpress\.upload)\.\d+\.file$/, 'filename'],
];

export function fieldKind(path: string): FieldKind | undefined {
  return KINDS.find(([re]) => re.test(path))?.[1];
}

/** Every string in a JSON-ish value, by path. */
export function stringFields(value: unknown, path: string, out: Array<[string, string]>): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => stringFields(v, `${path}.${i}`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringFields(v, `${path}.${k}`, out);
}

/** The WordPress and Ghost payloads of a story, every string field with its path. */
export function cmsFields(story: OutgoingArticle): Array<[string, string]> {
  const f = story.fields;
  const out: Array<[string, string]> = [];
  const mark = storyMark(story.articleId);
  const post = postBody({
    slug: postSlug('date-words', { articleId: story.articleId, headline: f.headline, editorSlug: f.slug, at: new Date(story.createdAt) }),
    mark,
    // The post as readers get it: deck block and printed byline included.
    ...wordpressPostText(story, postContent(story, { byline: true, mark })),
    status: 'publish',
    categories: [1],
    tags: [2],
    featuredMedia: 3,
  });
  stringFields(post, 'wordpress.post', out);
  story.photos.forEach(({ ref }, i) => {
    const texts = wordpressMediaText(ref, `byline-photo-${ref.mediaId.slice(0, 16)}`);
    stringFields(mediaBody(texts), `wordpress.media.${i}`, out);
    const form = mediaUploadForm(
      { bytes: new Uint8Array([0xff, 0xd8]), name: asciiFileName(ref.caption, ref.mediaId) },
      `byline-photo-${ref.mediaId.slice(0, 16)}`,
      texts,
    );
    for (const [key, value] of form.entries()) out.push([`wordpress.upload.${i}.${key}`, typeof value === 'string' ? value : value.name]);
  });
  [f.section, ...f.tags].filter((t) => t.trim()).forEach((name, i) => stringFields(termBody(wordpressTermName(name)), `wordpress.term.${i}`, out));
  story.photos.forEach(({ ref }, i) => {
    const form = imageUploadForm({ mediaId: ref.mediaId, fileName: ref.caption }, new Uint8Array([0xff, 0xd8]));
    for (const [key, value] of form.entries()) out.push([`ghost.image.${i}.${key}`, typeof value === 'string' ? value : value.name]);
  });
  const lead = f.leadPhoto ? `${CMS_ORIGIN}/content/images/lead.jpg` : null;
  stringFields(
    ghostPostBody({ ...ghostPostText(story, postContent(story, { byline: true })), featureImage: lead, status: 'published' }, story.articleId),
    'ghost.post',
    out,
  );
  return out;
}

/** The bundle's page with every head line search engines read (JSON-LD, Open Graph), built from the same story. */
export function bundleHtml(story: OutgoingArticle, agencyCredit: string): string {
  const times = { firstPublishedAt: '2026-12-07T04:19:00.000Z', correctedAt: '2026-12-08T01:00:00.000Z' };
  const meta = readerMeta(story, {
    url: `${CMS_ORIGIN}/${story.articleId}/index.html`,
    times,
    portal: { categories: [{ section: story.fields.section, naver: story.fields.section, daum: story.fields.tags[0] ?? '' }] },
    photoHref: (id, file) => `${CMS_ORIGIN}/photos/${id}/${file}`,
    agencyCredit,
  });
  return bundlePage(story, { agencyCredit, times, head: bundleHeadLines(meta, { name: agencyCredit, logo: `${CMS_ORIGIN}/logo.png` }) });
}

export function ninjsBoth(story: OutgoingArticle, agencyCredit: string): Array<[string, unknown]> {
  const href = (ref: { mediaId: string }, width: number, format: string) => `${CMS_ORIGIN}/photos/${ref.mediaId}/${width}.${format}`;
  return [
    ['ninjs3', ninjs3(story, href, { copyrightHolder: agencyCredit, url: `${CMS_ORIGIN}/index.html` })],
    ['ninjs2', ninjs2(story, href, { copyrightHolder: agencyCredit, url: `${CMS_ORIGIN}/index.html` })],
  ];
}
