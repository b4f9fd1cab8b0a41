import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { PORTALS } from '../../shared/settings-portal';
import { writeFileAtomic } from './atomic-file';
import { BUNDLE_FEED_FILE, bundleFeed, FEED_SIZE } from './bundle-feed';
import { inNewsWindow, NEWS_SITEMAP_FILE, NEWS_SITEMAP_MAX, newsSitemap } from './news-sitemap';
import type { ReaderMeta } from './reader-meta';

/*
 * What a bundle folder lists for portals and search engines: its RSS feed and news sitemap, rebuilt on
 * every publish, correction and takedown from a small listing kept beside them (the stories either of
 * them can still show), so no run re-reads the folder's bundles. Runs on one folder take turns; every
 * file is replaced whole (atomic-file.ts).
 */

export const LISTING_FILE = '.byline-listing.json';

const Stored = z.array(
  z.object({
    articleId: z.string(),
    url: z.string(),
    headline: z.string(),
    description: z.string(),
    publishedAt: z.string(),
    modifiedAt: z.string(),
    authors: z.array(z.string()),
    section: z.string(),
    categories: z.array(z.object({ portal: z.enum(PORTALS), name: z.string() })),
    image: z.object({ url: z.string(), width: z.number(), height: z.number() }).nullable(),
  }),
);

export interface Channel {
  /** The newsroom's name: the feed's title and the sitemap's publication. */
  title: string;
  /** The address bundles are served from (the target's), ending with a slash. */
  baseUrl: string;
}

const turns = new Map<string, Promise<unknown>>();

/** Runs `job` after every earlier job on the same folder has finished. */
async function inTurn<T>(root: string, job: () => Promise<T>): Promise<T> {
  const previous = turns.get(root) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(job);
  turns.set(root, mine);
  try {
    return await mine;
  } finally {
    if (turns.get(root) === mine) turns.delete(root);
  }
}

/** The stored listing; one that cannot be read (edited by hand, cut short) is set aside and started again, never fatal. */
async function readListing(root: string): Promise<ReaderMeta[]> {
  const file = path.join(root, LISTING_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  try {
    return Stored.parse(JSON.parse(text));
  } catch {
    await rename(file, `${file}.unreadable-${Date.now()}`);
    return [];
  }
}

const newestFirst = (a: ReaderMeta, b: ReaderMeta) => b.publishedAt.localeCompare(a.publishedAt) || a.articleId.localeCompare(b.articleId);

/** What is kept: the feed's latest stories and every story the news sitemap may still show. */
function keep(stories: ReaderMeta[], now: Date): ReaderMeta[] {
  const sorted = [...stories].sort(newestFirst);
  return sorted.filter((s, i) => i < FEED_SIZE || (i < NEWS_SITEMAP_MAX && inNewsWindow(s, now)));
}

async function rewrite(root: string, channel: Channel, now: Date, change: (stories: ReaderMeta[]) => ReaderMeta[]): Promise<ReaderMeta[]> {
  return inTurn(root, async () => {
    await mkdir(root, { recursive: true });
    const stories = keep(change(await readListing(root)), now);
    await writeFileAtomic(
      path.join(root, BUNDLE_FEED_FILE),
      bundleFeed(stories, { title: channel.title, link: channel.baseUrl, feedUrl: new URL(BUNDLE_FEED_FILE, channel.baseUrl).href, now }),
    );
    await writeFileAtomic(path.join(root, NEWS_SITEMAP_FILE), newsSitemap(stories, channel.title, now));
    await writeFileAtomic(path.join(root, LISTING_FILE), `${JSON.stringify(stories)}\n`);
    return stories;
  });
}

/** A story published or corrected: listed (replacing its earlier entry) and the feed and sitemap rewritten. */
export function listStory(root: string, channel: Channel, meta: ReaderMeta, now: Date): Promise<ReaderMeta[]> {
  return rewrite(root, channel, now, (stories) => [...stories.filter((s) => s.articleId !== meta.articleId), meta]);
}

/** A withdrawn story: out of the listing, the feed and the sitemap. */
export function unlistStory(root: string, channel: Channel, articleId: string, now: Date): Promise<ReaderMeta[]> {
  return rewrite(root, channel, now, (stories) => stories.filter((s) => s.articleId !== articleId));
}
