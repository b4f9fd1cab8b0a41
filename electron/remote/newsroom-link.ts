import { Agent, fetch, type Response } from 'undici';
import { SignedInPerson } from '../../shared/signed-in';
import { binaryFieldOf, isMethod } from '../../shared/contract';
import { ApiError, AppError } from '../../shared/errors';
import { pinnedConnector, type TrustOptions } from './certificate-pin';

/** What a workstation's sign-in gives: the session's bearer token, and whether a temporary password must be changed first. */
export interface WorkstationSession {
  token: string;
  mustChangePassword: boolean;
}

const Answer = ApiError.partial().optional();

/**
 * The road from a workstation to its newsroom server: the contract over HTTPS with the person's session
 * as a bearer token, on connections whose certificate certificate-pin.ts accepts. Refusals come back as
 * the server's own AppError (code, Korean message, details), so a caller cannot tell a forwarded call
 * from a local one; a server out of reach is a STORAGE error, as a database out of reach is.
 */
export class NewsroomLink {
  readonly origin: string;
  private readonly dispatcher: Agent;

  constructor(origin: string, trust: TrustOptions = {}) {
    const url = new URL(origin);
    if (url.protocol !== 'https:')
      throw new AppError('VALIDATION', '뉴스룸 서버 주소는 https://로 시작해야 합니다. 비밀번호와 기사가 암호화되지 않은 채 오가지 않도록 합니다.');
    this.origin = url.origin;
    this.dispatcher = new Agent({ connect: pinnedConnector(trust), keepAliveTimeout: 30_000 });
  }

  async signIn(login: string, password: string): Promise<WorkstationSession> {
    return this.post<WorkstationSession>('/auth/sign-in', { login, password, client: 'workstation' });
  }

  async signOut(token: string): Promise<void> {
    await this.post('/auth/sign-out', {}, token);
  }

  /** Who the session belongs to; UNAUTHORIZED once it has ended (expired, signed out elsewhere, account disabled). */
  async me(token: string): Promise<SignedInPerson> {
    return SignedInPerson.parse(await this.answer<unknown>(await this.request('/auth/me', { method: 'GET', headers: bearer(token) })));
  }

  /** A temporary password changed, as the sign-in after a reset requires before anything else. */
  async changePassword(token: string, current: string, next: string): Promise<void> {
    await this.post('/auth/password', { current, next }, token);
  }

  /**
   * A GET the caller reads as it comes (the event stream, a photo rendition): the answer itself, whatever
   * its status, so the caller can pass a 404 on and read a stream without waiting for its end.
   */
  open(pathname: string, token: string, signal?: AbortSignal): Promise<Response> {
    return this.request(pathname, { method: 'GET', headers: { ...bearer(token) }, ...(signal ? { signal } : {}) });
  }

  /** One contract call as the signed-in person; a file field travels as the body, the rest in X-Byline-Input. */
  async call<T>(method: string, input: unknown, token: string): Promise<T> {
    const field = isMethod(method) ? binaryFieldOf(method) : undefined;
    const bytes = field && input && typeof input === 'object' ? (input as Record<string, unknown>)[field] : undefined;
    if (!(bytes instanceof Uint8Array)) return this.post<T>(`/api/${encodeURIComponent(method)}`, input, token);
    const { [field!]: _file, ...rest } = input as Record<string, unknown>;
    return this.send<T>(`/api/${encodeURIComponent(method)}`, {
      headers: { 'content-type': 'application/octet-stream', 'x-byline-input': encodeURIComponent(JSON.stringify(rest)), ...bearer(token) },
      body: bytes,
    });
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }

  private post<T>(pathname: string, body: unknown, token?: string): Promise<T> {
    return this.send<T>(pathname, { headers: { 'content-type': 'application/json', ...bearer(token) }, body: JSON.stringify(body ?? {}) });
  }

  private async send<T>(pathname: string, init: { headers: Record<string, string>; body: string | Uint8Array }): Promise<T> {
    return this.answer<T>(await this.request(pathname, { method: 'POST', ...init }));
  }

  private async request(
    pathname: string,
    init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string | Uint8Array; signal?: AbortSignal },
  ): Promise<Response> {
    try {
      return await fetch(`${this.origin}${pathname}`, { ...init, dispatcher: this.dispatcher });
    } catch (err) {
      throw unreachable(err, this.origin);
    }
  }

  private async answer<T>(res: Response): Promise<T> {
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppError('INTERNAL', `뉴스룸 서버가 알 수 없는 답을 보냈습니다(HTTP ${res.status}). 잠시 뒤 다시 시도하세요.`);
    }
    const body = parsed as { ok?: unknown; value?: unknown; error?: unknown };
    if (body.ok === true && res.ok) return body.value as T;
    const error = Answer.safeParse(body.error);
    const e = error.success ? error.data : undefined;
    if (e?.code && e.message) throw new AppError(e.code, e.message, e.details);
    throw new AppError('INTERNAL', `뉴스룸 서버가 요청을 처리하지 못했습니다(HTTP ${res.status}). 잠시 뒤 다시 시도하세요.`);
  }
}

const bearer = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** A certificate refusal is the connector's own AppError (undici hands it over as the cause); anything else is the network. */
function unreachable(err: unknown, origin: string): AppError {
  let cause: unknown = err;
  for (let i = 0; i < 4 && cause; i += 1) {
    if (cause instanceof AppError) return cause;
    cause = (cause as { cause?: unknown }).cause;
  }
  return new AppError('STORAGE', `뉴스룸 서버(${new URL(origin).host})에 연결할 수 없습니다. 네트워크와 서버 주소를 확인하세요.`);
}
