import type { Dispatch } from '../api/dispatch';
import { contract, isMethod } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import { assertPayloadDepth } from '../../shared/payload-guard';
import type { NewsroomLink } from './newsroom-link';

/**
 * A workstation's Dispatch when it belongs to a newsroom server: the same contract, each call sent to the
 * server as the person signed in (`session()` gives their token). The caller's CallContext stays here:
 * on the server the actor comes from the session alone. Input is checked against the contract before it
 * leaves, so a malformed call is refused at once and in the same words as locally; the server's answer is
 * checked against the contract before it reaches a window, as a local handler's is.
 */
export function remoteDispatch(link: NewsroomLink, session: () => string | undefined, log: (message: string, err: unknown) => void = console.error): Dispatch {
  return async (method, input): Promise<Result<unknown>> => {
    if (!isMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `알 수 없는 요청입니다: ${String(method).slice(0, 100)}` } };
    const token = session();
    if (!token) return { ok: false, error: { code: 'UNAUTHORIZED', message: '뉴스룸 서버에 로그인하세요.' } };
    try {
      assertPayloadDepth(input);
      const spec = contract[method];
      const parsed = spec.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) throw new AppError('VALIDATION', `입력이 올바르지 않습니다 — ${parsed.error.issues[0]?.message ?? ''}`);
      const value = await link.call(method, parsed.data, token);
      const out = spec.output.safeParse(value);
      if (!out.success) {
        log(`[byline] ${method}: the newsroom server answered outside the contract`, out.error);
        throw new AppError('INTERNAL', '뉴스룸 서버의 답이 이 바이라인과 맞지 않습니다. 서버와 바이라인의 버전을 확인하세요.');
      }
      return { ok: true, value: out.data };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toApiError() };
      log(`[byline] ${method} failed on the way to the newsroom server`, err);
      return { ok: false, error: { code: 'INTERNAL', message: '내부 오류가 발생했습니다. 다시 시도하세요.' } };
    }
  };
}
