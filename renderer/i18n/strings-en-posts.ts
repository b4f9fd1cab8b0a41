import type { koPosts } from './strings-ko-posts';

/** Settings > WordPress and Ghost posts, in English; the keys are Korean's. */
export const enPosts: Record<keyof typeof koPosts, string> = {
  posts_title: 'WordPress and Ghost posts',
  posts_slugRule: 'Post address',
  posts_slugDateWords: 'Date and the headline romanised (2026-12-07-yangja-gisul-hyeomnyeok)',
  posts_slugStoryNumber: 'Story number (byline-b…)',
  posts_slugHint: 'The address is set at first publish and kept through corrections. A slug typed on the story wins.',
  posts_bylineInContent: 'Print the byline at the end of the post even when the site has the reporter’s account',
};
