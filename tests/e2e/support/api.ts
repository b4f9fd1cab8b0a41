import type { RunningServer } from './web-server';

/** A contract call on a web-mode server, as another workstation's window would make it (test setup only). */
export async function callApi<T>(server: RunningServer, method: string, input: unknown): Promise<T> {
  const token = new URL(server.url).searchParams.get('token')!;
  const res = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? JSON.stringify(result)}`);
  return result.value;
}
