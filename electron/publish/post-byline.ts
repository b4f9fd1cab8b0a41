import type { Byline } from '../../shared/article';
import type { GhostClient } from './ghost-client';
import type { WpRequester } from './wordpress-types';

/*
 * Who a post is by. A site that has the reporter's own account (the same e-mail as the story's byline)
 * gets it as the post's author, so the theme prints the reporter, not the account Byline publishes
 * with. Anything else, and always when the newsroom asks, prints the byline in the post itself.
 * A lookup that fails (an account that may not list users, an older site) only means the byline is
 * printed: it never stops the publish.
 */

/** The e-mails of the story's bylines, in order, once each, as sites compare them (lower case). */
function bylineEmails(bylines: readonly Byline[]): string[] {
  return [...new Set(bylines.map((b) => b.email.trim().toLowerCase()).filter(Boolean))];
}

/** The first byline's account on a WordPress site (users whose e-mail is the byline's, read as an administrator may). */
export async function wordpressAuthor(wp: WpRequester, bylines: readonly Byline[]): Promise<number | undefined> {
  for (const email of bylineEmails(bylines)) {
    const users = await wp
      .retried(() =>
        wp.request<Array<{ id: number; email?: string }>>('GET', '/wp/v2/users', { query: { search: email, context: 'edit', _fields: 'id,email' } }),
      )
      .catch(() => []);
    // The search matches parts of names and addresses too: only the same address counts.
    const hit = users.find((u) => typeof u.email === 'string' && u.email.toLowerCase() === email);
    if (hit) return hit.id;
  }
  return undefined;
}

/** The first byline's staff user on a Ghost site, by e-mail. */
export async function ghostAuthor(ghost: GhostClient, bylines: readonly Byline[]): Promise<string | undefined> {
  for (const email of bylineEmails(bylines)) {
    const found = await ghost
      .retried(() =>
        ghost.request<{ users?: Array<{ id: string; email?: string }> }>('GET', 'users/', {
          query: { filter: `email:'${email.replace(/['\\]/g, '\\$&')}'`, fields: 'id,email', limit: '2' },
        }),
      )
      .catch(() => undefined);
    const hit = found?.users?.find((u) => typeof u.email === 'string' && u.email.toLowerCase() === email);
    if (hit) return hit.id;
  }
  return undefined;
}

/** Whether the post prints the byline: no author account for it, more reporters than one author, or the newsroom's wish. */
export function bylineInPost(bylines: readonly Byline[], author: unknown, always: boolean): boolean {
  if (bylines.length === 0) return false;
  return always || author === undefined || bylines.length > 1;
}
