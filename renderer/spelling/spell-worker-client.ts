/**
 * The page's side of the spelling worker: createSpellChecker() starts the worker at once (the
 * dictionary takes a second or two to load) and returns the SpellChecker the screens use.
 */
import type { SpellChecker, SpellFinding } from '../../shared/spelling-types';
import type { SpellReply, SpellRequest } from './spell-messages';

type Unsent = SpellRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type Pending = { resolve: (reply: SpellReply & { ok: true }) => void; reject: (error: Error) => void };

export function createSpellChecker(): SpellChecker {
  const worker = new Worker(new URL('./spell.worker.ts', import.meta.url), { type: 'module', name: 'spelling' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;

  const failAll = (error: Error): void => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<SpellReply>) => {
    const waiting = pending.get(event.data.id);
    if (!waiting) return;
    pending.delete(event.data.id);
    if (event.data.ok) waiting.resolve(event.data);
    else waiting.reject(new Error(event.data.error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(new Error(`맞춤법 검사기를 시작하지 못했습니다: ${event.message || '알 수 없는 오류'}`));
  };

  const ask = (request: Unsent): Promise<SpellReply & { ok: true }> => {
    if (closed) return Promise.reject(new Error('맞춤법 검사기가 이미 닫혔습니다.'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as SpellRequest);
    });
  };

  return {
    async accept(words: readonly string[]): Promise<void> {
      await ask({ type: 'accept', words: [...words] });
    },
    async check(text: string): Promise<SpellFinding[]> {
      return (await ask({ type: 'check', text })).findings ?? [];
    },
    close(): void {
      closed = true;
      worker.terminate();
      failAll(new Error('맞춤법 검사기가 닫혔습니다.'));
    },
  };
}
