/// <reference lib="webworker" />
/**
 * The spelling worker: loads hunspell-asm with dictionary-ko (both bundled as assets) once, then
 * answers accept and check requests in order, off the main thread. Requests that arrive while the
 * dictionary loads wait for it.
 */
import affUrl from 'dictionary-ko-files/index.aff?url';
import dicUrl from 'dictionary-ko-files/index.dic?url';
import { SpellEngine } from '../../shared/spelling/engine';
import { loadHunspell } from '../../shared/spelling/hunspell';
import { NEWS_WORDS } from '../../shared/spelling/news-words';
import type { SpellReply, SpellRequest } from './spell-messages';

declare const self: DedicatedWorkerGlobalScope;

async function bytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`맞춤법 사전을 불러오지 못했습니다 (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

const engine: Promise<SpellEngine> = Promise.all([bytes(affUrl), bytes(dicUrl)])
  .then(async ([aff, dic]) => new SpellEngine(await loadHunspell(aff, dic), NEWS_WORDS))
  .catch((error: unknown) => {
    throw new Error(`맞춤법 사전을 열지 못했습니다: ${error instanceof Error ? error.message : String(error)}`);
  });

function reply(message: SpellReply): void {
  self.postMessage(message);
}

self.onmessage = async (event: MessageEvent<SpellRequest>) => {
  const request = event.data;
  try {
    const spelling = await engine;
    if (request.type === 'accept') {
      spelling.accept(request.words);
      reply({ id: request.id, ok: true });
    } else {
      reply({ id: request.id, ok: true, findings: spelling.check(request.text) });
    }
  } catch (error) {
    reply({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
