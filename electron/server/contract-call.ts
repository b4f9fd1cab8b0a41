import type { Dispatch } from '../api/dispatch';
import { isMethod } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { may } from '../../shared/permissions';
import { ROLE_LABEL_KO } from '../../shared/profiles';
import type { SessionActor } from './sessions';

const refused = (code: 'FORBIDDEN' | 'VALIDATION', message: string): Result<unknown> => ({ ok: false, error: { code, message } });

/**
 * One contract call on the newsroom server, made by the signed-in `actor`: the permission table first
 * (shared/permissions.ts), then the request may not say who acts — the session does. The workflow's
 * own rules (owner, section, lock) then run inside the service as they do everywhere.
 */
export async function callAs(dispatch: Dispatch, actor: SessionActor, method: string, input: unknown, address: string): Promise<Result<unknown>> {
  if (!isMethod(method)) return dispatch(method, input);
  if (actor.mustChangePassword) return refused('FORBIDDEN', '임시 비밀번호를 먼저 바꾸세요. 바꾼 뒤에 다시 시도하세요.');
  if (!may(actor, method)) {
    const who = `${ROLE_LABEL_KO[actor.role]}${actor.admin ? '(관리자)' : ''}`;
    return refused('FORBIDDEN', `${actor.name} 님(${who})은 이 작업(${method})을 할 수 없습니다.`);
  }
  if (typeof input === 'object' && input !== null && Object.prototype.hasOwnProperty.call(input, 'actorId')) {
    return refused('VALIDATION', '요청에 actorId를 넣을 수 없습니다. 서버는 로그인한 사람으로 처리합니다.');
  }
  // The address is the gate's reading of the socket (or the named proxy's last hop), for the audit log.
  return dispatch(method, input, { actorId: actor.id, address });
}
