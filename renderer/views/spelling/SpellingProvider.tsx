import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SpellChecker } from '../../../shared/spelling-types';
import type { BylineClient } from '../../client';
import { SpellCache, visibleFindings } from './spell-cache';
import { SpellingMenu } from './SpellingMenu';
import type { Spelling } from './spelling-state';

export type { Spelling } from './spelling-state';

const SpellingContext = createContext<Spelling | null>(null);

/** null outside a provider (a preview, a test of one component): nothing is checked. */
export function useSpelling(): Spelling | null {
  return useContext(SpellingContext);
}

/** A personal preference of this browser profile, like the window's size: the newsroom does not decide it. */
const ENABLED_KEY = 'byline.spelling.enabled';

function readEnabled(): boolean {
  try {
    return localStorage.getItem(ENABLED_KEY) !== 'off';
  } catch {
    return true;
  }
}

/**
 * The window's spelling check: one worker (made when checking is first on), loaded with the 뉴스룸 사전
 * and the archive vocabulary and loaded again when someone adds or removes a word (`spelling.changed`).
 */
export function useSpellingService(client: BylineClient, makeChecker: () => SpellChecker): Spelling {
  const [enabled, setEnabledState] = useState(readEnabled);
  const [generation, setGeneration] = useState(0);
  const worker = useRef<{ checker: SpellChecker; cache: SpellCache; loaded: Promise<void> } | null>(null);
  const ignored = useRef(new Set<string>());

  const load = useCallback(
    async (w: { checker: SpellChecker; cache: SpellCache }) => {
      const v = await client.call('spelling.vocabulary', {});
      await w.checker.accept([...v.newsroom, ...v.archive]);
      w.cache.clear();
      setGeneration((g) => g + 1);
    },
    [client],
  );

  useEffect(() => {
    if (!enabled) return;
    if (!worker.current) {
      const checker = makeChecker();
      const cache = new SpellCache(checker);
      // A vocabulary that cannot be read (the server away) leaves the dictionary alone checking.
      const loaded = load({ checker, cache }).catch((err: unknown) => console.warn('[byline] 맞춤법 낱말 목록을 읽지 못했습니다', err));
      worker.current = { checker, cache, loaded };
    }
    const w = worker.current;
    const stop = client.subscribe('spelling.changed', () => void load(w).catch(() => undefined));
    const stopReconnect = client.onReconnect(() => void load(w).catch(() => undefined));
    return () => {
      stop();
      stopReconnect();
    };
  }, [client, enabled, load, makeChecker]);

  useEffect(
    () => () => {
      worker.current?.checker.close();
      worker.current = null;
    },
    [],
  );

  const setEnabled = useCallback((on: boolean) => {
    try {
      localStorage.setItem(ENABLED_KEY, on ? 'on' : 'off');
    } catch {
      // A browser without storage keeps the choice for this window only.
    }
    setEnabledState(on);
  }, []);

  const addWord = useCallback(
    async (word: string) => {
      try {
        const added = await client.call('spelling.addWord', { word });
        // Gone from this window at once; the event reloads every window's checker (this one's too).
        ignored.current.add(added.word);
        setGeneration((g) => g + 1);
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    },
    [client],
  );

  return useMemo<Spelling>(
    () => ({
      enabled,
      setEnabled,
      generation,
      cached: (text) => {
        const hit = enabled ? worker.current?.cache.cached(text) : [];
        return hit && visibleFindings(hit, ignored.current);
      },
      check: async (text) => {
        const w = worker.current;
        if (!enabled || !w) return [];
        await w.loaded;
        return visibleFindings(await w.cache.check(text), ignored.current);
      },
      ignore: (word) => {
        ignored.current.add(word.normalize('NFC'));
        setGeneration((g) => g + 1);
      },
      addWord,
    }),
    [enabled, setEnabled, generation, addWord],
  );
}

export function SpellingProvider({ value, children }: { value: Spelling; children: ReactNode }) {
  return (
    <SpellingContext.Provider value={value}>
      {children}
      {value.enabled && <SpellingMenu spelling={value} />}
    </SpellingContext.Provider>
  );
}
