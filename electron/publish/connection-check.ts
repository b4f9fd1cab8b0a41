import type { CheckReason, TargetCheck } from '../../shared/contract-publish';
import { AppError } from '../../shared/errors';
import { cmsFetch } from './address-guard';
import { GhostClient, type GhostOptions, type GhostSite } from './ghost-client';
import { CmsError, type CmsClientOptions } from './retry';
import { WordPressClient, type WordPressOptions, type WordPressSite } from './wordpress';

/*
 * 연결 시험 of a WordPress or Ghost target as typed, before it is saved: first the bare address (is
 * anything there, over TLS that verifies, and is it the CMS it claims to be, with the site's own name),
 * then the credentials and their rights. Nothing is written to the site. Every request goes through the
 * address guard; every answer is Korean, opens with the reason's name, and never holds the secret.
 */

const REASON_KO: Record<CheckReason, string> = {
  address: '주소 오류',
  auth: '인증 실패',
  rights: '권한 부족',
  timeout: '시간 초과',
  tls: 'TLS 오류',
  answer: '응답 오류',
};

export function failed(reason: CheckReason, detail: string): TargetCheck {
  return { ok: false, reason, message: `${REASON_KO[reason]}: ${detail}` };
}

/** Node's TLS refusals: an expired, self-signed, wrong-host or unverifiable certificate, or no TLS at all on the port. */
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|EPROTO/;

function causeCode(err: unknown): string {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code !== 'UND_ERR_CONNECT_TIMEOUT') return code;
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'TIMEOUT';
  }
  return '';
}

/** Why the bare address could not be read, from what fetch threw. */
function unreachable(err: unknown, host: string, seconds: number): TargetCheck {
  if (err instanceof AppError) return failed('address', err.message);
  const name = (err as Error).name;
  const code = causeCode(err);
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'TIMEOUT')
    return failed('timeout', `${host}이(가) ${seconds}초 안에 답하지 않았습니다. 주소와 네트워크를 확인하세요.`);
  if (TLS_CODE.test(code)) return failed('tls', `${host}의 인증서를 믿을 수 없습니다 (${code.slice(0, 60)}). 인증서를 고치거나 주소가 맞는지 확인하세요.`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return failed('address', `${host}라는 이름의 서버를 찾을 수 없습니다. 주소의 철자를 확인하세요.`);
  if (code === 'ECONNREFUSED') return failed('address', `${host}이(가) 연결을 거부했습니다. 주소와 포트가 맞는지, 사이트가 켜져 있는지 확인하세요.`);
  if (/redirect/i.test(String((err as Error).message)))
    return failed('address', `${host}이(가) 다른 주소로 넘겨줍니다. 넘겨받는 주소(예: https://로 시작하는 주소)를 그대로 적으세요.`);
  return failed('address', `${host}에 연결할 수 없습니다${code ? ` (${code.slice(0, 40)})` : ''}. 주소와 네트워크를 확인하세요.`);
}

/** The bare address's JSON, or why there is none. A non-JSON answer is the wrong address, not a broken site. */
async function probe(url: string, cms: string, options: CmsClientOptions): Promise<{ json: unknown } | TargetCheck> {
  const host = new URL(url).host;
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  let res: Response;
  let text: string;
  try {
    res = await cmsFetch(url, {
      headers: { Accept: 'application/json', 'Accept-Version': 'v5.0' },
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
    text = await res.text();
  } catch (err) {
    return unreachable(err, host, seconds);
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return failed('address', `${host}은(는) ${cms} 사이트가 아닙니다 (HTTP ${res.status}, JSON이 아닌 응답). 사이트의 첫 화면 주소를 적으세요.`);
  }
}

/** A refusal of the credentials, by the CMS's HTTP status; the client's Korean message is kept and already scrubbed. */
function refusal(err: unknown, scrub: (s: string) => string): TargetCheck {
  if (err instanceof AppError) return failed(err.code === 'FORBIDDEN' ? 'address' : 'answer', scrub(err.message));
  if (!(err instanceof CmsError)) return failed('answer', '예기치 않은 오류가 났습니다. 다시 시험하고, 계속되면 관리자에게 알리세요.');
  const message = scrub(err.message);
  if (err.kind === 'timeout') return failed('timeout', message);
  if (err.kind === 'network') return failed('address', message);
  if (err.status === 401) return failed('auth', message);
  if (err.status === 403) return failed('rights', message);
  if (err.status === 404) return failed('address', message);
  return failed('answer', message);
}

function hide(secrets: string[]): (s: string) => string {
  return (s) => secrets.filter((x) => x.length >= 4).reduce((out, x) => out.split(x).join('***'), s);
}

const WP_ROLE_KO: Record<string, string> = { administrator: '관리자', editor: '편집자', author: '글쓴이', contributor: '기고자', subscriber: '구독자' };

function short(v: unknown, max: number): string {
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

/** WordPress: the REST index names the site; users/me?context=edit with the application password names the user and the rights. */
export async function checkWordPress(site: WordPressSite, options: WordPressOptions): Promise<TargetCheck> {
  const index = new URL(site.url);
  if (!index.pathname.endsWith('/')) index.pathname += '/';
  index.searchParams.set('rest_route', '/');
  const found = await probe(index.href, '워드프레스', options);
  if (!('json' in found)) return found;
  const root = found.json as { name?: unknown; namespaces?: unknown } | null;
  if (!Array.isArray(root?.namespaces) || !root.namespaces.includes('wp/v2'))
    return failed('address', `${index.host}에서 워드프레스 REST API를 찾지 못했습니다. 워드프레스 사이트의 주소인지, REST API가 켜져 있는지 확인하세요.`);
  const wp = new WordPressClient(site, { ...options, retry: { ...options.retry, attempts: 1 } });
  try {
    const me = await wp.checkAccount();
    const roles = me.roles.map((r) => WP_ROLE_KO[r] ?? r.slice(0, 40)).join(', ');
    const title = short(root.name, 80) || index.host;
    return {
      ok: true,
      message: `연결됨: ‘${title}’ (${index.host}) — 사용자 ${short(me.username, 100) || site.username}${roles ? ` (${roles})` : ''}. 글 발행과 사진 올리기를 할 수 있습니다.`,
    };
  } catch (err) {
    return refusal(err, hide([site.password, site.password.replace(/\s+/g, '')]));
  }
}

/** Ghost: the public site/ answer names the site; an authenticated read with a token from the Admin API key proves the key. */
export async function checkGhost(site: GhostSite, options: GhostOptions): Promise<TargetCheck> {
  const base = new URL(site.url);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const found = await probe(new URL('ghost/api/admin/site/', base).href, 'Ghost', options);
  if (!('json' in found)) return found;
  const about = (found.json as { site?: { title?: unknown; version?: unknown } } | null)?.site;
  if (!about) return failed('address', `${base.host}에서 Ghost Admin API를 찾지 못했습니다. Ghost 사이트의 주소인지 확인하세요.`);
  let ghost: GhostClient;
  try {
    ghost = new GhostClient(site, { ...options, retry: { ...options.retry, attempts: 1 } });
    await ghost.request('GET', 'posts/', { query: { limit: '1', fields: 'id' } });
  } catch (err) {
    const key = site.adminKey.split(':');
    if (err instanceof Error && !(err instanceof CmsError) && !(err instanceof AppError))
      return failed('auth', 'Admin API 키의 형식이 맞지 않습니다. Ghost 관리 화면(설정 → 통합)의 키를 그대로 붙여 넣으세요.');
    return refusal(err, hide([site.adminKey, key[1] ?? '']));
  }
  const title = short(about.title, 80) || base.host;
  const version = short(about.version, 20);
  return { ok: true, message: `연결됨: ‘${title}’ (${base.host}, Ghost ${version || '?'}) — 사용자 지정 통합의 Admin API 키로 출고할 수 있습니다.` };
}
