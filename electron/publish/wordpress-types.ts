/*
 * The WordPress shapes both the client (wordpress.ts) and the stray-post cleanup (wordpress-strays.ts)
 * speak, kept apart so the cleanup depends on what it calls, not on the client that calls it.
 */

export interface WpPost {
  id: number;
  link: string;
  status: string;
  slug: string;
}

export interface WpRequestOptions {
  query?: Record<string, string | number>;
  json?: unknown;
  form?: FormData;
}

/** What WordPressClient offers the cleanup: one REST request (no retry), and a step repeated with backoff. */
export interface WpRequester {
  request<T>(method: 'GET' | 'POST' | 'DELETE', route: string, options?: WpRequestOptions): Promise<T>;
  retried<T>(step: () => Promise<T>): Promise<T>;
}
