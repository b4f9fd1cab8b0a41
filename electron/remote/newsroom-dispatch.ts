import { newsroomMethods } from '../../shared/contract-newsroom';
import { AppError, type Result } from '../../shared/errors';
import type { Dispatch } from '../api/dispatch';
import type { NewsroomConnectionService } from '../services/newsroom-connection';

type NewsroomMethod = keyof typeof newsroomMethods;
const isNewsroomMethod = (method: string): method is NewsroomMethod => Object.prototype.hasOwnProperty.call(newsroomMethods, method);

/**
 * A joined workstation answers 뉴스룸 서버에 연결 itself (which server it joins is this machine's choice,
 * not the newsroom's) and sends everything else on: the person can see the connection, and leave it,
 * from the same settings screen as before joining.
 */
export function withNewsroomHere(connection: NewsroomConnectionService, onward: Dispatch): Dispatch {
  return async (method, input, context): Promise<Result<unknown>> => {
    if (!isNewsroomMethod(method)) return onward(method, input, context);
    const parsed = newsroomMethods[method].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: `입력이 올바르지 않습니다 — ${parsed.error.issues[0]?.message ?? ''}` } };
    try {
      const data = parsed.data as { origin: string; fingerprint?: string };
      const value =
        method === 'newsroom.connection'
          ? connection.get()
          : method === 'newsroom.inspect'
            ? await connection.inspect(data.origin)
            : method === 'newsroom.connect'
              ? await connection.connect(data)
              : connection.disconnect();
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toApiError() };
      return { ok: false, error: { code: 'INTERNAL', message: '내부 오류가 발생했습니다. 다시 시도하세요.' } };
    }
  };
}
