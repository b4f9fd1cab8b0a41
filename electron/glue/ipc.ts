import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHODS, channelOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../api/dispatch';
import { originOf } from './protocol';

/**
 * Only the app's own page may call: its frame URL must be on the app's origin. Under some test
 * drivers `senderFrame` (or its url) is missing; that is a no, not a crash.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, trustedOrigins: readonly string[]): boolean {
  let url: string | undefined;
  try {
    url = event.senderFrame?.url;
  } catch {
    return false;
  }
  if (!url) return false;
  const origin = originOf(url);
  return origin !== undefined && trustedOrigins.includes(origin);
}

/** Registers every contract method; input validation happens in dispatch, the sender check here. */
export function registerIpc(dispatch: Dispatch, trustedOrigins: readonly string[]): void {
  for (const method of METHODS) {
    ipcMain.handle(channelOf(method), async (event, input: unknown, context: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, trustedOrigins)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '허용되지 않은 화면에서 온 요청입니다.' } };
      }
      // A desktop has no sign-in: the window names the profile it picked; dispatch checks the shape.
      if (typeof context === 'object' && context !== null && 'address' in context) {
        return { ok: false, error: { code: 'VALIDATION', message: '화면은 요청의 주소를 정할 수 없습니다.' } };
      }
      return dispatch(method, input, context as never);
    });
  }
}
