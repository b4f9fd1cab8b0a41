import { Feed } from 'feed';
import type { ReaderMeta } from './reader-meta';

/*
 * The bundle folder's RSS 2.0 feed of its latest stories, newest first, for portals and readers. Each
 * item's <category> elements carry the section's Naver and Daum categories, marked with the portal as
 * their domain, or the desk section when the section has none.
 */

export const BUNDLE_FEED_FILE = 'rss.xml';
export const FEED_SIZE = 50;

export function bundleFeed(stories: readonly ReaderMeta[], channel: { title: string; link: string; feedUrl: string; now: Date }): string {
  const feed = new Feed({
    title: channel.title,
    id: channel.link,
    link: channel.link,
    description: `${channel.title} 최신 기사`,
    language: 'ko',
    copyright: `© ${channel.title}`,
    updated: channel.now,
    generator: 'Byline',
    feedLinks: { rss: channel.feedUrl },
  });
  for (const s of stories.slice(0, FEED_SIZE)) {
    feed.addItem({
      title: s.headline,
      id: s.url,
      link: s.url,
      date: new Date(s.publishedAt),
      description: s.description,
      category: s.categories.length ? s.categories.map((c) => ({ name: c.name, domain: c.portal })) : [{ name: s.section }],
      ...(s.image ? { enclosure: { url: s.image.url, type: 'image/jpeg', length: 0 } } : {}),
    });
  }
  return feed.rss2();
}
