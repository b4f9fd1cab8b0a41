import { AppError } from '../../shared/errors';
import { ghostAdminToken, splitAdminKey } from './ghost-token';
import { cmsFetch } from './address-guard';
import { CmsError, DEFAULT_CMS_CLIENT_OPTIONS, withRetry, type CmsClientOptions, type CmsFailureKind } from './retry';

/*
 * Ghost Admin API over HTTP: a fresh short-lived token per request (the Admin API key itself never
 * travels), `Accept-Version: v5.0` so a newer Ghost answers in the shape this client reads, and every
 * failure turned into a Korean message a desk editor can act on.
 */

export interface GhostSite {
  url: string;
  /** "<id>:<secret>", from a Custom Integration. */
  adminKey: string;
}

export type GhostOptions = CmsClientOptions;

export const DEFAULT_GHOST_OPTIONS: GhostOptions = DEFAULT_CMS_CLIENT_OPTIONS;

/** A failed Ghost request (its message never holds the key or a token), with Ghost's error type when it gave one. */
export class GhostError extends CmsError {
  constructor(
    kind: CmsFailureKind,
    message: string,
    status?: number,
    /** Ghost's error type: ValidationError, UpdateCollisionError, NoPermissionError… */
    readonly ghostType?: string,
  ) {
    super(kind, message, status);
    this.name = 'GhostError';
  }
}

/** Ghost's refusal as a desk editor can act on it. `ghostApi`: the answer was Ghost's own JSON error. */
export function koreanGhostMessage(status: number, ghostType: string | undefined, ghostMessage: string, ghostApi: boolean): string {
  const server = ghostMessage ? ` (Ghost: ${ghostMessage.slice(0, 200)})` : '';
  if (status === 401)
    return 'Ghost가 Admin API 키를 받아들이지 않았습니다. 출고 대상 설정의 Admin API 키가 Ghost 관리 화면(설정 → 통합)의 키와 같은지 확인하세요. (HTTP 401)';
  if (status === 403)
    return `이 Admin API 키에는 이 작업을 할 권한이 없습니다. Ghost 관리 화면에서 만든 사용자 지정 통합(Custom Integration)의 Admin API 키를 쓰세요. (HTTP 403)${server}`;
  if (status === 404 && !ghostApi) return 'Ghost Admin API를 찾을 수 없습니다. 사이트 주소가 Ghost 사이트의 주소인지 확인하세요. (HTTP 404)';
  if (status === 404) return `Ghost에서 대상을 찾을 수 없습니다. (HTTP 404)${server}`;
  if (status === 409) return `다른 사람이 Ghost에서 같은 글을 동시에 고쳤습니다. 잠시 뒤 다시 출고하세요. (HTTP 409)${server}`;
  if (status === 413) return '사진 파일이 Ghost의 업로드 크기 한도보다 큽니다. 사이트 관리자에게 한도를 늘려 달라고 하세요. (HTTP 413)';
  if (status === 415) return `Ghost가 이 사진 형식을 받지 않습니다. (HTTP 415)${server}`;
  if (status === 422 || ghostType === 'ValidationError')
    return `Ghost가 글의 내용을 받아들이지 않았습니다. 제목, 요약, 보도시점 같은 항목을 확인하세요. (HTTP ${status})${server}`;
  if (status === 429) return 'Ghost가 요청이 너무 많다며 거절했습니다. 잠시 뒤 다시 출고하세요. (HTTP 429)';
  if (status >= 500)
    return `Ghost 서버 오류로 출고하지 못했습니다. 여러 번 다시 시도했지만 같은 오류였습니다. 잠시 뒤 다시 출고하세요. (HTTP ${status})${server}`;
  return `Ghost가 요청을 거절했습니다. (HTTP ${status})${server}`;
}

/** Never let the key, its secret or a token ride along in a message. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

export class GhostClient {
  /** Requests sent, retries included. */
  tries = 0;
  private readonly base: URL;
  private lastToken = '';

  constructor(
    private readonly site: GhostSite,
    private readonly options: GhostOptions = DEFAULT_GHOST_OPTIONS,
  ) {
    this.base = new URL(site.url);
    if (!this.base.pathname.endsWith('/')) this.base.pathname += '/';
  }

  private secrets(): string[] {
    const { secret } = splitAdminKey(this.site.adminKey);
    return [this.site.adminKey, secret.toString('hex'), this.lastToken];
  }

  private url(path: string, query: Record<string, string>): string {
    // Relative to the site's address, so a Ghost under a subdirectory (example.com/blog/) works too.
    const u = new URL(`ghost/api/admin/${path.replace(/^\//, '')}`, this.base);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u.href;
  }

  /** One request, no retry. A 204 (a delete) answers null. */
  async request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: { query?: Record<string, string>; json?: unknown; form?: FormData } = {},
  ): Promise<T> {
    this.tries += 1;
    this.lastToken = ghostAdminToken(this.site.adminKey);
    const headers: Record<string, string> = { Authorization: `Ghost ${this.lastToken}`, 'Accept-Version': 'v5.0', Accept: 'application/json' };
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(options.json);
    } else if (options.form) body = options.form;
    let res: Response;
    let text: string;
    const seconds = Math.round(this.options.timeoutMs / 100) / 10;
    try {
      res = await cmsFetch(this.url(path, options.query ?? {}), {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
      text = await res.text();
    } catch (err) {
      if (err instanceof AppError) throw err; // a refused address (address-guard.ts): said as it is, never retried
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new GhostError('timeout', `Ghost 서버가 ${seconds}초 안에 답하지 않았습니다. 네트워크와 서버 상태를 확인하고 다시 출고하세요.`);
      }
      throw new GhostError('network', 'Ghost 서버와의 연결이 끊겼거나 연결할 수 없습니다. 사이트 주소와 네트워크를 확인하고 다시 출고하세요.');
    }
    let parsed: unknown;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!res.ok) {
      const first = (parsed as { errors?: Array<{ type?: unknown; message?: unknown; context?: unknown }> } | null | undefined)?.errors?.[0];
      const type = typeof first?.type === 'string' ? first.type : undefined;
      const detail = [first?.message, first?.context].filter((s): s is string => typeof s === 'string' && s !== '').join(' — ');
      throw new GhostError('http', koreanGhostMessage(res.status, type, scrub(detail, this.secrets()), first !== undefined), res.status, type);
    }
    if (parsed === undefined)
      throw new GhostError('answer', 'Ghost의 응답을 읽을 수 없습니다 (JSON이 아닌 응답). 사이트 주소가 Ghost 사이트인지 확인하세요.', res.status);
    return parsed as T;
  }

  /** A failure as it may reach the renderer or the log: Korean, and never carrying the key or a token. */
  failure(err: unknown): string {
    if (err instanceof GhostError || err instanceof AppError) return scrub(err.message, this.secrets());
    return '출고 중 예기치 않은 오류가 났습니다. 다시 시도하고, 계속되면 관리자에게 알리세요.';
  }

  /** A step that is safe to repeat, repeated on timeouts, dropped connections and 5xx with backoff. */
  retried<T>(step: () => Promise<T>): Promise<T> {
    return withRetry(step, { ...this.options.retry, retryable: (err) => err instanceof GhostError && err.retryable });
  }
}
