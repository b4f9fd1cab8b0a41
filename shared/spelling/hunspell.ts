/**
 * Loads hunspell-asm with a Korean dictionary given as bytes (the worker fetches them as assets; Node
 * reads them from node_modules/dictionary-ko). The wasm binary is inlined in hunspell-asm's loader.
 */
import { loadModule } from 'hunspell-asm';
import type { Speller } from './speller';

export interface LoadedSpeller extends Speller {
  dispose(): void;
}

export async function loadHunspell(aff: Uint8Array, dic: Uint8Array): Promise<LoadedSpeller> {
  // Without a timeout a wasm that fails to compile (a CSP without 'wasm-unsafe-eval') leaves the load hanging for ever.
  const factory = await loadModule({ timeout: 30_000 });
  const affPath = factory.mountBuffer(aff, 'ko.aff');
  const dicPath = factory.mountBuffer(dic, 'ko.dic');
  const hunspell = factory.create(affPath, dicPath);
  // The dictionary now lives in hunspell's own memory; the mounted copies would only double it.
  factory.unmount(affPath);
  factory.unmount(dicPath);
  return hunspell;
}
