import { AppError } from '../../shared/errors';
import { wordpressMediaText, wordpressTermName } from './cms-fields';
import { cmsFetch } from './address-guard';
import { CmsError, DEFAULT_CMS_CLIENT_OPTIONS, withRetry, type CmsClientOptions, type CmsFailureKind } from './retry';
import { mediaBody, mediaUploadForm, postBody, termBody, type PostData, type WpPostBody } from './wordpress-payload';
import { findFamily, settleFamily, strayNotes } from './wordpress-strays';
import type { WpPost, WpRequestOptions } from './wordpress-types';

export type { PostData } from './wordpress-payload';

/*
 * WordPress REST API with Application Passwords (Basic auth over the site's own address). Routes go as
 * `?rest_route=/wp/v2/...`, which every WordPress answers whatever its permalink settings.
 *
 * WordPress has no idempotency key: a post is created with a slug made from the story's key and looked
 * up by `?slug=…&status=any` before any create, so a create whose answer was lost (timeout, dropped
 * connection) is found rather than made twice. Every step is find-then-write, so a retry is safe.
 */

export interface WordPressSite {
  url: string;
  username: string;
  password: string;
}

export type WordPressOptions = CmsClientOptions;

export const DEFAULT_WORDPRESS_OPTIONS: WordPressOptions = DEFAULT_CMS_CLIENT_OPTIONS;

/** A failed WordPress request, with WordPress's own error code and data when it gave them. */
export class WordPressError extends CmsError {
  constructor(
    kind: CmsFailureKind,
    message: string,
    status?: number,
    readonly wpCode?: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(kind, message, status);
    this.name = 'WordPressError';
  }
}

/** The CMS's refusal as a desk editor can act on it. */
export function koreanMessage(status: number, wpCode: string | undefined, wpMessage: string): string {
  const server = wpMessage ? ` (워드프레스: ${wpMessage.slice(0, 200)})` : '';
  if (status === 401) return `워드프레스 로그인에 실패했습니다. 출고 대상 설정의 사용자 이름과 애플리케이션 비밀번호를 확인하세요. (HTTP 401)`;
  if (status === 403)
    return `이 워드프레스 계정에는 이 작업을 할 권한이 없습니다. 글 발행, 미디어 업로드, 카테고리 관리 권한이 있는 계정(편집자 이상)을 쓰세요. (HTTP 403)${server}`;
  if (status === 404 && wpCode === 'rest_no_route')
    return '워드프레스 REST API를 찾을 수 없습니다. 사이트 주소가 맞는지, REST API가 꺼져 있지 않은지 확인하세요. (HTTP 404)';
  if (status === 404) return `워드프레스에서 대상을 찾을 수 없습니다. (HTTP 404)${server}`;
  if (status === 413) return '사진 파일이 워드프레스의 업로드 크기 한도보다 큽니다. 사이트 관리자에게 한도를 늘려 달라고 하세요. (HTTP 413)';
  if (status === 429) return '워드프레스가 요청이 너무 많다며 거절했습니다. 잠시 뒤 다시 출고하세요. (HTTP 429)';
  if (status >= 500)
    return `워드프레스 서버 오류로 출고하지 못했습니다. 여러 번 다시 시도했지만 같은 오류였습니다. 잠시 뒤 다시 출고하세요. (HTTP ${status})${server}`;
  return `워드프레스가 요청을 거절했습니다. (HTTP ${status})${server}`;
}

/** Never let a credential ride along in a message. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

/** WordPress reads only `filename=` (not `filename*=`): an ASCII name, from the original's ASCII part and the photo's id. */
export function asciiFileName(original: string, mediaId: string): string {
  const stem = original
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${stem || 'photo'}-${mediaId.slice(0, 12)}.jpg`;
}

/** Entities WordPress puts in term names ("IT &amp; 과학"). */
function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#039;/g, "'")
    .replace(/&amp;/g, '&');
}

export type { WpPost } from './wordpress-types';

export interface WpMedia {
  id: number;
  source_url: string;
}

export interface PhotoUpload {
  mediaId: string;
  fileName: string;
  bytes: () => Promise<Uint8Array>;
  caption: string;
  alt: string;
  credit: string;
}

export class WordPressClient {
  /** Requests sent, retries included. */
  tries = 0;
  private readonly base: URL;
  private readonly auth: string;

  constructor(
    private readonly site: WordPressSite,
    private readonly options: WordPressOptions = DEFAULT_WORDPRESS_OPTIONS,
  ) {
    this.base = new URL(site.url);
    this.auth = `Basic ${Buffer.from(`${site.username}:${site.password}`, 'utf8').toString('base64')}`;
  }

  private secrets(): string[] {
    return [this.site.password, this.site.password.replace(/\s+/g, ''), this.auth.slice(6)];
  }

  private url(route: string, query: Record<string, string | number> = {}): string {
    const u = new URL(this.base.href);
    if (!u.pathname.endsWith('/')) u.pathname += '/';
    u.searchParams.set('rest_route', route);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, String(v));
    return u.href;
  }

  /** One request, no retry. */
  async request<T>(method: 'GET' | 'POST' | 'DELETE', route: string, options: WpRequestOptions = {}): Promise<T> {
    this.tries += 1;
    const headers: Record<string, string> = { Authorization: this.auth, Accept: 'application/json' };
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(options.json);
    } else if (options.form) body = options.form;
    let res: Response;
    let text: string;
    const seconds = Math.round(this.options.timeoutMs / 100) / 10;
    try {
      res = await cmsFetch(this.url(route, options.query), { method, headers, body, signal: AbortSignal.timeout(this.options.timeoutMs), redirect: 'error' });
      text = await res.text();
    } catch (err) {
      if (err instanceof AppError) throw err; // a refused address (address-guard.ts): said as it is, never retried
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new WordPressError('timeout', `워드프레스 서버가 ${seconds}초 안에 답하지 않았습니다. 네트워크와 서버 상태를 확인하고 다시 출고하세요.`);
      }
      throw new WordPressError('network', '워드프레스 서버와의 연결이 끊겼거나 연결할 수 없습니다. 사이트 주소와 네트워크를 확인하고 다시 출고하세요.');
    }
    let parsed: unknown;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!res.ok) {
      const e = (parsed ?? {}) as { code?: unknown; message?: unknown; data?: unknown };
      const wpCode = typeof e.code === 'string' ? e.code : undefined;
      const wpMessage = typeof e.message === 'string' ? scrub(e.message.replace(/<[^>]+>/g, ''), this.secrets()) : '';
      throw new WordPressError(
        'http',
        koreanMessage(res.status, wpCode, wpMessage),
        res.status,
        wpCode,
        typeof e.data === 'object' && e.data !== null ? (e.data as Record<string, unknown>) : undefined,
      );
    }
    if (parsed === undefined)
      throw new WordPressError('answer', '워드프레스의 응답을 읽을 수 없습니다 (JSON이 아닌 응답). 사이트 주소가 워드프레스인지 확인하세요.', res.status);
    return parsed as T;
  }

  /** A step that is safe to repeat, repeated on timeouts, dropped connections and 5xx with backoff. */
  retried<T>(step: () => Promise<T>): Promise<T> {
    return withRetry(step, { ...this.options.retry, retryable: (err) => err instanceof WordPressError && err.retryable });
  }

  /** Who the password belongs to and whether they may publish, upload and make categories. */
  /** The account as WordPress knows it (its login name and roles), once it is known to have every capability a publish needs. */
  async checkAccount(): Promise<{ username: string; roles: string[] }> {
    const me = await this.retried(() =>
      this.request<{ capabilities?: Record<string, boolean>; username?: unknown; roles?: unknown }>('GET', '/wp/v2/users/me', { query: { context: 'edit' } }),
    );
    const caps = me.capabilities ?? {};
    const missing = [
      ['publish_posts', '글 발행'],
      ['upload_files', '미디어 업로드'],
      ['manage_categories', '카테고리 관리'],
    ].filter(([cap]) => !caps[cap!]);
    if (missing.length) {
      throw new WordPressError(
        'http',
        `이 워드프레스 계정에는 ${missing.map((m) => m[1]).join(', ')} 권한이 없습니다. 편집자 이상 권한의 계정을 쓰세요.`,
        403,
        'byline_missing_capability',
      );
    }
    const roles = Array.isArray(me.roles) ? me.roles.filter((r): r is string => typeof r === 'string') : [];
    return { username: typeof me.username === 'string' ? me.username : '', roles };
  }

  /** A category or tag by its exact name as typed, made if missing. */
  async term(taxonomy: 'categories' | 'tags', name: string): Promise<number> {
    // Searched as stored: WordPress strips what looks like a tag from a search, and keeps names escaped.
    const escaped = wordpressTermName(name);
    return this.retried(async () => {
      const found = await this.request<Array<{ id: number; name: string }>>('GET', `/wp/v2/${taxonomy}`, {
        query: { search: escaped, per_page: 100, _fields: 'id,name' },
      });
      const hit = found.find((t) => decodeEntities(t.name) === name.trim());
      if (hit) return hit.id;
      try {
        return (await this.request<{ id: number }>('POST', `/wp/v2/${taxonomy}`, { json: termBody(escaped) })).id;
      } catch (err) {
        // Made meanwhile (or by a create whose answer was lost): WordPress names the one that exists.
        const termId = err instanceof WordPressError && err.wpCode === 'term_exists' ? err.data?.term_id : undefined;
        if (typeof termId === 'number') return termId;
        throw err;
      }
    });
  }

  /** A photo, uploaded once per site (found again by its slug), with this story's caption, alt text and credit. */
  async photo(p: PhotoUpload, known: number | undefined): Promise<WpMedia> {
    const slug = `byline-photo-${p.mediaId.slice(0, 16)}`;
    const fields = wordpressMediaText(p, slug);
    const texts = mediaBody(fields);
    if (known !== undefined) {
      try {
        return await this.retried(() => this.request<WpMedia>('POST', `/wp/v2/media/${known}`, { json: texts }));
      } catch (err) {
        if (!(err instanceof WordPressError && err.status === 404)) throw err;
      }
    }
    const existing = await this.retried(() => this.request<WpMedia[]>('GET', '/wp/v2/media', { query: { slug, _fields: 'id,source_url' } }));
    if (existing[0]) return this.retried(() => this.request<WpMedia>('POST', `/wp/v2/media/${existing[0]!.id}`, { json: texts }));
    const bytes = await p.bytes();
    return this.retried(async () => {
      // A retry after a lost answer finds the upload instead of making a second attachment.
      const again = await this.request<WpMedia[]>('GET', '/wp/v2/media', { query: { slug, _fields: 'id,source_url' } });
      if (again[0]) return this.request<WpMedia>('POST', `/wp/v2/media/${again[0].id}`, { json: texts });
      const form = mediaUploadForm({ bytes, name: asciiFileName(p.fileName, p.mediaId) }, slug, fields);
      return this.request<WpMedia>('POST', '/wp/v2/media', { form });
    });
  }

  /**
   * An update names no slug: WordPress would make the one asked for unique again, and a post numbered
   * "-34" beside other stories' posts could move to "-33" when one of those left. A post keeps its address.
   */
  private postBody(d: PostData, creating = false): WpPostBody {
    const { slug, ...rest } = postBody(d);
    return creating ? { slug, ...rest } : rest;
  }

  /**
   * Finds the story's post by the id recorded last time or by its key (any status, the oldest of the key's
   * slug family); updates it, or creates it. Then, unless this run's create was answered at its first try,
   * tidies away the posts late creates left (wordpress-strays.ts); `notes` say so for the attempt's log.
   */
  async upsertPost(d: PostData, knownId: number | undefined): Promise<{ post: WpPost; created: boolean; notes: string[] }> {
    const recorded = knownId;
    let tries = 0;
    const written = await this.retried(async () => {
      tries += 1;
      let id = knownId;
      if (id === undefined) id = (await findFamily(this, { slug: d.slug, mark: d.mark }))[0]?.id;
      if (id !== undefined) {
        try {
          return { post: await this.request<WpPost>('POST', `/wp/v2/posts/${id}`, { json: this.postBody(d) }), created: false };
        } catch (err) {
          // Deleted on the site since: look it up by key, then create.
          if (!(err instanceof WordPressError && err.status === 404 && knownId !== undefined)) throw err;
          knownId = undefined;
          const found = await findFamily(this, { slug: d.slug, mark: d.mark });
          if (found[0]) return { post: await this.request<WpPost>('POST', `/wp/v2/posts/${found[0].id}`, { json: this.postBody(d) }), created: false };
        }
      }
      return { post: await this.request<WpPost>('POST', '/wp/v2/posts', { json: this.postBody(d, true) }), created: true };
    });
    if (written.created && tries === 1) return { ...written, notes: [] };
    const { post, strays } = await settleFamily(this, { slug: d.slug, mark: d.mark }, written.post, recorded, (id) =>
      this.request<WpPost>('POST', `/wp/v2/posts/${id}`, { json: this.postBody(d) }),
    );
    return { post, created: written.created, notes: strayNotes(strays) };
  }
}

/**
 * Takes a post down: 'draft' unpublishes it (kept on the site, out of public view), 'trash' moves it to
 * WordPress's trash (DELETE without force). Both are safe to repeat: a post already in the wanted state
 * is left as it is. Returns the post as WordPress then reports it, or null when the site has no such
 * post at all (deleted there, trash emptied).
 */
export async function takedownPost(wp: WordPressClient, id: number, mode: 'draft' | 'trash'): Promise<WpPost | null> {
  return wp.retried(async () => {
    let current: WpPost;
    try {
      current = await wp.request<WpPost>('GET', `/wp/v2/posts/${id}`, { query: { context: 'edit', _fields: 'id,link,status,slug' } });
    } catch (err) {
      if (err instanceof WordPressError && (err.status === 404 || err.status === 410)) return null;
      throw err;
    }
    if (current.status === mode) return current;
    const post =
      mode === 'trash'
        ? await wp.request<WpPost>('DELETE', `/wp/v2/posts/${id}`, {}).catch((err: unknown) => {
            if (err instanceof WordPressError && err.status === 410) return { ...current, status: 'trash' };
            throw err;
          })
        : await wp.request<WpPost>('POST', `/wp/v2/posts/${id}`, { json: { status: 'draft' } });
    if (post.status !== mode) {
      throw new WordPressError(
        'answer',
        `워드프레스가 글을 ${mode === 'trash' ? '휴지통으로 옮기지' : '비공개(임시글)로 바꾸지'} 않았습니다 (지금 상태: ${String(post.status).slice(0, 20)}).`,
      );
    }
    return post;
  });
}

/** A failure that reached the renderer or the log: Korean, and never carrying the password. */
export function publishFailure(err: unknown, password: string): string {
  if (err instanceof WordPressError || err instanceof AppError) return scrub(err.message, [password, password.replace(/\s+/g, '')]);
  return '출고 중 예기치 않은 오류가 났습니다. 다시 시도하고, 계속되면 관리자에게 알리세요.';
}
