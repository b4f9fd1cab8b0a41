import { romanize } from 'es-hangul';
import type { PostSettings } from '../../shared/settings-posts';
import { idempotencyKey, storyTag } from './story-key';

/*
 * A post's address on WordPress or Ghost, chosen once, at the story's first publish, and kept by the
 * publish record from then on: a correction, a new headline or a changed rule never moves a post
 * readers and search engines already link to.
 */

const MAX_WORDS = 8;
const MAX_CHARS = 80;

/** The headline in Revised Romanization, as slug words: ASCII a-z and 0-9 only, at most eight words. */
export function slugWords(headline: string): string[] {
  const roman = romanize(headline.normalize('NFC'))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return roman
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
}

/** "2026-12-07", the newsroom's (Korean) calendar day of `at`. */
export function koreanDay(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** Words after the date, cut at a word so the slug stays within 80 characters. */
function withinLimit(day: string, words: readonly string[]): string {
  let slug = day;
  for (const w of words) {
    const next = `${slug}-${w}`;
    if (next.length > MAX_CHARS) break;
    slug = next;
  }
  return slug;
}

/**
 * The slug a story's first publish asks for. An editor's own slug wins over the rule; 'story-number' is
 * the story's fixed key (the address posts had before readable ones). A headline with nothing to
 * romanise (punctuation, emoji) falls back to the story's number after the date, never to an empty word.
 */
export function postSlug(rule: PostSettings['slugRule'], story: { articleId: string; headline: string; editorSlug: string; at: Date }): string {
  if (rule === 'story-number') return idempotencyKey(story.articleId, story.editorSlug);
  if (story.editorSlug) return story.editorSlug.slice(0, MAX_CHARS).replace(/-+$/, '');
  const day = koreanDay(story.at);
  const words = slugWords(story.headline);
  return words.length ? withinLimit(day, words) : `${day}-${storyTag(story.articleId)}`;
}
