import { createHash } from 'node:crypto';

/** The story's fixed short number on every site: "b" and 15 hex digits of its id's hash. */
export function storyTag(articleId: string): string {
  return `b${createHash('sha256').update(articleId).digest('hex').slice(0, 15)}`;
}

/** The key a story was known by on a CMS before readable slugs: its slug there, unique to the story. */
export function idempotencyKey(articleId: string, slug: string): string {
  const tag = storyTag(articleId);
  return slug ? `${slug.slice(0, 150)}-${tag}` : `byline-${tag}`;
}

/** Whether a key is one of those: then the slug alone tells the story's posts from everyone else's. */
export function isStoryNumberKey(key: string): boolean {
  return /(^|-)b[0-9a-f]{15}$/.test(key);
}

/**
 * The mark a post's content carries (an HTML comment, invisible to readers) so Byline finds the story's
 * posts whatever slug the site gave them: a readable slug can be another story's too, and the site then
 * numbers ours "-2", "-3"….
 */
export function storyMark(articleId: string): string {
  return `byline-story-${storyTag(articleId)}`;
}
