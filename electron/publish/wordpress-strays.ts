import { CmsError } from './retry';
import { isStoryNumberKey } from './story-key';
import type { WpPost, WpRequester } from './wordpress-types';

/*
 * WordPress has no idempotency key. A create Byline gave up on (timeout, dropped connection) may still
 * reach the site after the retry made the post; WordPress then gives the late one the slug `<key>-2`
 * (`-3`, … for more; scheduled posts too, only drafts share a slug), and it goes live as a second copy
 * of the story. Every post in that slug family other than the story's own is such a stray: it is moved
 * to the trash (DELETE without force, so a person can still restore it) and the attempt's log says so.
 *
 * A readable slug (post-slug.ts) can be another story's too, and the site then numbers ours "-2", "-3"…:
 * such a story's posts are found by the mark in their content (story-key.ts: storyMark) instead, so a
 * post of another story with the same words is never taken for ours, nor trashed.
 */

/** How the story's posts are known on the site: the slug asked for, and the mark their content carries. */
export interface PostAnchor {
  slug: string;
  mark: string;
}

/** `<key>`, `<key>-2` … `<key>-10`: more than the creates one run can send (4 tries), with room for strays from earlier runs. */
const FAMILY_SIZE = 10;

export function slugFamily(key: string): string[] {
  return [key, ...Array.from({ length: FAMILY_SIZE - 1 }, (_, i) => `${key}-${i + 2}`)];
}

/** The story's posts on the site, any status but trash (a trashed post's slug gets `__trashed`), oldest first. One request, not retried. */
export async function findFamily(wp: WpRequester, anchor: PostAnchor): Promise<WpPost[]> {
  if (isStoryNumberKey(anchor.slug)) {
    const found = await wp.request<WpPost[]>('GET', '/wp/v2/posts', {
      query: { slug: slugFamily(anchor.slug).join(','), status: 'any', per_page: 100, _fields: 'id,link,status,slug' },
    });
    return [...found].sort((a, b) => a.id - b.id);
  }
  // WordPress's search reads the stored content, comments included; only an exact mark counts.
  const found = await wp.request<Array<WpPost & { content?: { raw?: string } }>>('GET', '/wp/v2/posts', {
    query: { search: anchor.mark, status: 'any', context: 'edit', per_page: 100, _fields: 'id,link,status,slug,content' },
  });
  return found
    .filter((p) => (p.content?.raw ?? '').includes(`<!--${anchor.mark}-->`))
    .map((p) => ({ id: p.id, link: p.link, status: p.status, slug: p.slug }))
    .sort((a, b) => a.id - b.id);
}

/** What tidying the family did, for the attempt's log. */
export interface StrayReport {
  trashed: number[];
  /** Strays the site would not trash. */
  left: number[];
  /** Why the family could not be looked at or tidied in full, when it could not. */
  failure: string | null;
}

function reason(err: unknown): string {
  if (err instanceof CmsError) {
    if (err.status !== undefined) return `HTTP ${err.status}`;
    return err.kind === 'timeout' ? '응답 시간 초과' : err.kind === 'network' ? '연결 끊김' : '알 수 없는 응답';
  }
  return '알 수 없는 오류';
}

/**
 * After the story's post was written: keeps the recorded post, or else the oldest in the family (the
 * first create to reach the site), brought up to date with `rewrite` when it is not the one just
 * written; moves the rest to the trash. Never throws: the story's post is up whatever happens here, and
 * what could not be tidied is reported instead (the next publish of the story looks again).
 */
export async function settleFamily(
  wp: WpRequester,
  anchor: PostAnchor,
  written: WpPost,
  recorded: number | undefined,
  rewrite: (id: number) => Promise<WpPost>,
): Promise<{ post: WpPost; strays: StrayReport }> {
  let family: WpPost[];
  try {
    family = await wp.retried(() => findFamily(wp, anchor));
  } catch (err) {
    return { post: written, strays: { trashed: [], left: [], failure: reason(err) } };
  }
  // The post written may sit outside the family (renamed on the site); it is never a stray.
  if (!family.some((p) => p.id === written.id)) family = [...family, written].sort((a, b) => a.id - b.id);
  const keep = written.id === recorded ? written : family[0]!;
  const strays: StrayReport = { trashed: [], left: [], failure: null };
  let post = written;
  if (keep.id !== written.id) {
    try {
      post = await wp.retried(() => rewrite(keep.id));
    } catch (err) {
      // The oldest could not take the story: the one written stays the story's, the older one is left to a person.
      strays.left.push(keep.id);
      strays.failure = reason(err);
    }
  }
  for (const stray of family.filter((p) => p.id !== post.id && !strays.left.includes(p.id))) {
    try {
      await wp.retried(() => wp.request('DELETE', `/wp/v2/posts/${stray.id}`));
      strays.trashed.push(stray.id);
    } catch (err) {
      if (err instanceof CmsError && err.status === 410) strays.trashed.push(stray.id);
      else {
        strays.left.push(stray.id);
        strays.failure ??= reason(err);
      }
    }
  }
  return { post, strays };
}

/**
 * When the story is taken down: a stray left live by a late create would keep the withdrawn story
 * public, so every other post of the family goes to the trash too. The story's own post (`ownId`,
 * already taken down, or gone from the site) is left as the takedown made it. `clean` is false when a
 * stray may still be up (the takedown is then not done).
 */
export async function trashStrays(wp: WpRequester, anchor: PostAnchor, ownId: number): Promise<{ notes: string[]; clean: boolean }> {
  const own: WpPost = { id: ownId, link: '', status: '', slug: '' };
  const { strays } = await settleFamily(wp, anchor, own, ownId, () => Promise.reject(new Error('the own post is kept')));
  return { notes: strayNotes(strays), clean: strays.left.length === 0 && strays.failure === null };
}

/** The attempt's note, in Korean, or nothing when there was nothing to tidy. */
export function strayNotes(r: StrayReport): string[] {
  const ids = (list: number[]) => list.map((id) => `#${id}`).join(', ');
  const notes: string[] = [];
  if (r.trashed.length) notes.push(`시간 초과 뒤 늦게 만들어진 중복 글 ${r.trashed.length}건(${ids(r.trashed)})을 휴지통으로 옮겼습니다.`);
  if (r.left.length) {
    notes.push(
      `시간 초과 뒤 늦게 만들어진 중복 글 ${r.left.length}건(${ids(r.left)})을 휴지통으로 옮기지 못했습니다 (${r.failure}). 워드프레스 관리 화면에서 직접 휴지통으로 옮기세요.`,
    );
  } else if (r.failure) {
    notes.push(`시간 초과 뒤 늦게 만들어진 중복 글이 있는지 확인하지 못했습니다 (${r.failure}). 이 기사를 다시 출고하거나 내릴 때 다시 확인합니다.`);
  }
  return notes;
}
