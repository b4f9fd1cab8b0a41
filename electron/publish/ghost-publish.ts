import type { ArticleFields } from '../../shared/article';
import type { PostSettings } from '../../shared/settings-posts';
import { AppError } from '../../shared/errors';
import type { MediaItem } from '../../shared/media';
import type { PhotoSrc } from '../../shared/photo-html';
import { photosOf } from '../../shared/photo-refs';
import type { GhostClient } from './ghost-client';
import { ghostPostText } from './cms-fields';
import { bylineTag, GHOST_EXCERPT_MAX, ghostExcerpt, uploadImage, upsertPost, type GhostPost } from './ghost';
import type { OutgoingArticle } from './outgoing-article';
import { bylineInPost, ghostAuthor } from './post-byline';
import { postContent } from './post-content';
import { postSlug } from './post-slug';

/**
 * What the publish service lends a Ghost run: the stored photo uploads, the photo bytes, the story
 * renderer and the per-story record. Kept as callbacks so this module needs no database of its own.
 */
export interface GhostRunContext {
  articleId: string;
  fields: ArticleFields;
  media: ReadonlyMap<string, MediaItem>;
  embargoed: boolean;
  posts: PostSettings;
  now: Date;
  knownMedia(mediaId: string): Promise<{ remoteUrl: string } | undefined>;
  saveMedia(mediaId: string, url: string): Promise<void>;
  /** The largest JPEG the WordPress target also gets (the media service's export). */
  photoBytes(mediaId: string): Promise<Uint8Array>;
  story(photoSrc: PhotoSrc): OutgoingArticle;
  /** The story's record on this target, made if missing, under the given key. */
  reserve(key: string): Promise<{ remoteId: string | null }>;
}

/**
 * Sends one story to Ghost: photos first (the post's HTML points at their addresses there), then the
 * post, created or updated. Throws GhostError or AppError; the caller logs the attempt, with `notes`
 * (what Ghost could not take as it is, said to the desk) on a success.
 */
export async function sendToGhost(ghost: GhostClient, ctx: GhostRunContext): Promise<{ post: GhostPost; firstTime: boolean; notes: string[] }> {
  const urls = new Map<string, string>();
  const placed = photosOf(ctx.fields);
  for (const [mediaId, item] of ctx.media) {
    const known = await ctx.knownMedia(mediaId);
    const url = known?.remoteUrl ?? (await uploadImage(ghost, { mediaId, fileName: item.fileName, bytes: () => ctx.photoBytes(mediaId) }));
    if (!known) await ctx.saveMedia(mediaId, url);
    urls.set(mediaId, url);
  }
  const missing = placed.filter((p) => !urls.has(p.mediaId));
  if (missing.length)
    throw new AppError('NOT_FOUND', `이 컴퓨터의 사진 보관함에 없는 사진이 있어 출고할 수 없습니다: ${missing.map((p) => p.mediaId.slice(0, 12)).join(', ')}…`);

  const story = ctx.story((ref) => urls.get(ref.mediaId) ?? '');
  const f = ctx.fields;
  const lead = f.leadPhoto;
  const author = await ghostAuthor(ghost, f.bylines);
  const text = ghostPostText(story, postContent(story, { byline: bylineInPost(f.bylines, author, ctx.posts.bylineInContent) }));
  const record = await ctx.reserve(bylineTag(ctx.articleId));
  const at = ctx.embargoed && f.embargoAt ? new Date(f.embargoAt) : ctx.now;
  const { post, created } = await upsertPost(
    ghost,
    ctx.articleId,
    {
      ...text,
      featureImage: lead ? (urls.get(lead.mediaId) ?? null) : null,
      status: ctx.embargoed ? 'scheduled' : 'published',
      publishedAt: ctx.embargoed && f.embargoAt ? new Date(f.embargoAt).toISOString() : undefined,
      // Ghost keeps a post's slug when an edit does not name one: only a create asks for it.
      slug: postSlug(ctx.posts.slugRule, { articleId: ctx.articleId, headline: f.headline, editorSlug: f.slug, at }),
      authorId: author,
    },
    record.remoteId ?? undefined,
  );
  const notes: string[] = [];
  if (ghostExcerpt(text.excerpt) !== text.excerpt.trim())
    notes.push(`부제가 Ghost 요약 한도(${GHOST_EXCERPT_MAX}자)보다 길어 Ghost에는 부제의 앞부분만 요약으로 들어갔습니다. 본문과 사진은 그대로 올라갔습니다.`);
  return { post, firstTime: created || record.remoteId === null, notes };
}
