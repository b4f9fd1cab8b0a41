import type { WordPressMediaText } from './cms-fields';
import type { HtmlField } from './cms-text';

/*
 * The bodies Byline sends to WordPress's REST API, built without the network so tests can read
 * exactly what goes out. Every text field is an HtmlField (see cms-fields.ts); slugs are ASCII
 * (lower-case letters, digits, hyphens, post-slug.ts) and the rest are numbers and fixed words.
 */

export interface PostData {
  /** The slug chosen at the story's first publish (post-slug.ts), kept by its publish record. */
  slug: string;
  /** The mark the content carries (story-key.ts: storyMark), for finding the post whatever its slug. */
  mark: string;
  /** The reporter's account on the site, when one has the byline's e-mail (post-byline.ts). */
  author?: number;
  title: HtmlField;
  content: HtmlField;
  excerpt: HtmlField;
  status: 'publish' | 'future';
  /** For a scheduled post: the embargo, UTC. */
  dateGmt?: string;
  categories: number[];
  tags: number[];
  featuredMedia: number;
}

export interface WpPostBody {
  /** Sent only when the post is made (wordpress.ts). */
  slug?: string;
  title: HtmlField;
  content: HtmlField;
  excerpt: HtmlField;
  status: 'publish' | 'future';
  date_gmt?: string;
  categories: number[];
  tags: number[];
  featured_media: number;
  author?: number;
}

export function postBody(d: PostData): WpPostBody {
  return {
    slug: d.slug,
    title: d.title,
    content: d.content,
    excerpt: d.excerpt,
    status: d.status,
    ...(d.dateGmt ? { date_gmt: d.dateGmt } : {}),
    categories: d.categories,
    tags: d.tags,
    featured_media: d.featuredMedia,
    ...(d.author !== undefined ? { author: d.author } : {}),
  };
}

/** What a photo's media item says, sent on every publish so an edited caption (or one sent raw before) is replaced. */
export function mediaBody(texts: WordPressMediaText): Record<keyof WordPressMediaText, HtmlField> {
  return { title: texts.title, caption: texts.caption, alt_text: texts.alt_text, description: texts.description };
}

/** The first upload of a photo: the file, its key as slug, and the same texts as mediaBody. */
export function mediaUploadForm(file: { bytes: Uint8Array; name: string }, slug: string, texts: WordPressMediaText): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: 'image/jpeg' }), file.name);
  form.append('slug', slug);
  for (const [key, value] of Object.entries(mediaBody(texts))) form.append(key, value);
  return form;
}

/** A new category or tag. */
export function termBody(name: HtmlField): { name: HtmlField } {
  return { name };
}
