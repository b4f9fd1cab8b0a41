import { ghostCaption, type GhostPostText } from './cms-fields';
import { plainField, type HtmlField, type PlainField } from './cms-text';
import { GhostClient, GhostError } from './ghost-client';
import { asciiFileName } from './wordpress';

/*
 * Posts and images on a Ghost site through its Admin API.
 *
 * Ghost has no idempotency key and no lookup by a slug of our choosing that survives editors renaming
 * slugs, so every post carries an internal tag "#byline-<article id>" (hidden from readers; Ghost
 * slugs it "hash-byline-<id>"). Before any create the post is looked up by that tag, so a create whose
 * answer was lost (timeout, dropped connection) is found rather than made twice.
 */

export interface GhostPost {
  id: string;
  url: string;
  status: string;
  updated_at: string;
}

/** The story's texts (cms-fields.ts: ghostPostText), the photo's address and the schedule. */
export interface GhostPostData extends GhostPostText {
  featureImage: string | null;
  status: 'published' | 'scheduled';
  /** For a scheduled post: the embargo, UTC. */
  publishedAt?: string;
  /** The slug asked for when the post is made (post-slug.ts); never sent again, so it never moves. */
  slug?: string;
  /** The reporter's staff user on the site (post-byline.ts). */
  authorId?: string;
}

export interface GhostPhotoUpload {
  mediaId: string;
  fileName: string;
  bytes: () => Promise<Uint8Array>;
}

const POST_FIELDS = 'id,uuid,url,status,updated_at';

/** Ghost refuses a custom_excerpt over 300 characters; feature_image_alt over 191. */
export const GHOST_EXCERPT_MAX = 300;
const GHOST_ALT_MAX = 191;

/** The hidden tag that ties a post to its story. */
export function bylineTag(articleId: string): string {
  return `#byline-${articleId}`;
}

/** How Ghost slugs an internal tag: "#" becomes "hash-". Article ids are UUIDs, already slug-safe. */
export function bylineTagSlug(articleId: string): string {
  return `hash-byline-${articleId.toLowerCase()}`;
}

/** Cut to `max` characters (as Ghost counts: code points), at a word break when one is near, with "…". */
function cut(text: string, max: number): string {
  const chars = Array.from(text.trim());
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > head.length * 0.8 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * A deck longer than Ghost's 300 characters would be refused whole (422). It is shortened at a word
 * break with "…" rather than failing the publish: the full deck still leads the story on the desk's
 * side, and Ghost shows the excerpt only in lists and link previews.
 */
export function ghostExcerpt(deck: string): PlainField {
  return plainField(cut(deck, GHOST_EXCERPT_MAX));
}

export function ghostAlt(alt: string): PlainField {
  return plainField(cut(alt, GHOST_ALT_MAX));
}

/** Ghost renders feature_image_caption as HTML: caption and credit, escaped, as WordPress gets them. */
export const featureCaption = ghostCaption;

/** An image upload carries no text of the story: an ASCII file name and the photo's key (its caption goes with the post). */
export function imageUploadForm(p: Pick<GhostPhotoUpload, 'mediaId' | 'fileName'>, bytes: Uint8Array): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), asciiFileName(p.fileName, p.mediaId));
  form.append('purpose', 'image');
  form.append('ref', p.mediaId);
  return form;
}

/** A photo uploaded once; the URL is kept per target and photo, so it is not uploaded again. */
export async function uploadImage(ghost: GhostClient, p: GhostPhotoUpload): Promise<string> {
  const bytes = await p.bytes();
  // Not idempotent on Ghost's side: a retry after a lost answer leaves one unused file there, never a second post.
  const answer = await ghost.retried(() => ghost.request<{ images: Array<{ url: string }> }>('POST', 'images/upload/', { form: imageUploadForm(p, bytes) }));
  const url = answer.images?.[0]?.url;
  if (!url) throw new GhostError('answer', 'Ghost가 사진을 받았다고 했지만 사진 주소를 알려 주지 않았습니다. 다시 출고하세요.');
  return url;
}

/**
 * Ghost turns posted HTML into its own editor format (Lexical) and renders it back, dropping what it has
 * no card for: the classes of the correction notes and the attribution line, the photo markup. Inside an
 * HTML card it keeps the converter's HTML as it is, so readers get exactly what WordPress gets. The HTML
 * is the converter's own, every text in it escaped, so a story cannot close the card early.
 */
export function htmlCard(html: string): string {
  return `<!--kg-card-begin: html-->\n${html}\n<!--kg-card-end: html-->`;
}

/** The card around converter markup is converter markup: the comments are fixed text. */
function card(html: HtmlField): HtmlField {
  return htmlCard(html) as HtmlField;
}

export interface GhostPostBody {
  title: PlainField;
  html: HtmlField;
  custom_excerpt: PlainField | null;
  tags: Array<{ name: PlainField }>;
  feature_image: string | null;
  feature_image_caption: HtmlField | null;
  feature_image_alt: PlainField | null;
  status: 'published' | 'scheduled';
  published_at?: string;
  authors?: Array<{ id: string }>;
}

/** What Ghost is sent for the story's post (built without the network, so tests read exactly this). */
export function ghostPostBody(d: GhostPostData, articleId: string): GhostPostBody {
  const names = [...new Set([...d.tags.map((t) => plainField(t.trim())).filter(Boolean), plainField(bylineTag(articleId))])];
  return {
    title: d.title,
    html: card(d.html),
    custom_excerpt: ghostExcerpt(d.excerpt) || null,
    tags: names.map((name) => ({ name })),
    feature_image: d.featureImage,
    feature_image_caption: d.featureImageCaption,
    feature_image_alt: d.featureImageAlt ? ghostAlt(d.featureImageAlt) : null,
    status: d.status,
    ...(d.publishedAt ? { published_at: d.publishedAt } : {}),
    ...(d.authorId ? { authors: [{ id: d.authorId }] } : {}),
  };
}

async function readPost(ghost: GhostClient, id: string): Promise<GhostPost | undefined> {
  try {
    return (await ghost.request<{ posts: GhostPost[] }>('GET', `posts/${encodeURIComponent(id)}/`, { query: { fields: POST_FIELDS } })).posts[0];
  } catch (err) {
    if (err instanceof GhostError && err.status === 404) return undefined;
    throw err;
  }
}

/** The story's post, whatever its status (draft, scheduled, published), found by its hidden tag. */
export async function findByTag(ghost: GhostClient, articleId: string): Promise<GhostPost | undefined> {
  const found = await ghost.request<{ posts: GhostPost[] }>('GET', 'posts/', {
    query: { filter: `tag:${bylineTagSlug(articleId)}+status:[draft,scheduled,published,sent]`, fields: POST_FIELDS, limit: '2', order: 'created_at asc' },
  });
  return found.posts[0];
}

/** Ghost takes an edit only with the updated_at it last gave out; a collision (someone saved meanwhile) is read again once. */
async function put(ghost: GhostClient, current: GhostPost, body: GhostPostBody | { status: 'draft' }): Promise<GhostPost> {
  const send = (updatedAt: string) =>
    ghost.request<{ posts: GhostPost[] }>('PUT', `posts/${encodeURIComponent(current.id)}/`, {
      query: { source: 'html' },
      json: { posts: [{ ...body, updated_at: updatedAt }] },
    });
  try {
    return (await send(current.updated_at)).posts[0]!;
  } catch (err) {
    if (!(err instanceof GhostError && err.status === 409)) throw err;
    const fresh = await readPost(ghost, current.id);
    if (!fresh) throw err;
    return (await send(fresh.updated_at)).posts[0]!;
  }
}

/** Finds the story's post by the id recorded last time or by its tag; updates it, or creates it. */
export async function upsertPost(
  ghost: GhostClient,
  articleId: string,
  d: GhostPostData,
  knownId: string | undefined,
): Promise<{ post: GhostPost; created: boolean }> {
  const body = ghostPostBody(d, articleId);
  return ghost.retried(async () => {
    // Deleted on the site since (404): look it up by its tag, then create.
    const current = (knownId ? await readPost(ghost, knownId) : undefined) ?? (await findByTag(ghost, articleId));
    if (current) return { post: await put(ghost, current, body), created: false };
    const made = await ghost.request<{ posts: GhostPost[] }>('POST', 'posts/', {
      query: { source: 'html' },
      json: { posts: [d.slug ? { ...body, slug: d.slug } : body] },
    });
    return { post: made.posts[0]!, created: true };
  });
}

/**
 * Takes a post down: 'draft' unpublishes it (kept on the site, out of public view), 'trash' deletes it
 * (Ghost has no trash: DELETE is final). Both are safe to repeat. Returns the post as it was last seen,
 * or null when the site has no such post (deleted there, or by an earlier takedown).
 */
export async function takedownGhostPost(ghost: GhostClient, id: string, mode: 'draft' | 'trash'): Promise<GhostPost | null> {
  return ghost.retried(async () => {
    const current = await readPost(ghost, id);
    if (!current) return null;
    if (mode === 'trash') {
      await ghost.request<null>('DELETE', `posts/${encodeURIComponent(id)}/`).catch((err: unknown) => {
        if (!(err instanceof GhostError && err.status === 404)) throw err;
      });
      return { ...current, status: 'deleted' };
    }
    if (current.status === 'draft') return current;
    const post = await put(ghost, current, { status: 'draft' });
    if (post.status !== 'draft') throw new GhostError('answer', `Ghost가 글을 임시글로 바꾸지 않았습니다 (지금 상태: ${String(post.status).slice(0, 20)}).`);
    return post;
  });
}
