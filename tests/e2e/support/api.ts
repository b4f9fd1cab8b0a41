import { ACTOR_HEADER, type CallContext } from '../../../shared/call-context';
import type { RunningServer } from './web-server';

/** A contract call on a web-mode server, as another workstation's window would make it (test setup only). */
/** `context.actorId` names the profile acting, as a single workstation's window does in a header. */
export async function callApi<T>(server: RunningServer, method: string, input: unknown, context: CallContext = {}): Promise<T> {
  const token = new URL(server.url).searchParams.get('token')!;
  const res = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...(context.actorId ? { [ACTOR_HEADER]: context.actorId } : {}) },
    body: JSON.stringify(input),
  });
  const result = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? JSON.stringify(result)}`);
  return result.value;
}
