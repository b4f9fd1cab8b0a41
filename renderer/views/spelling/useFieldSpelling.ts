import { useEffect, useRef, type RefObject } from 'react';
import type { SpellFinding } from '../../../shared/spelling-types';
import { replaceFinding } from './spell-cache';
import { paintSpelling, rangeInText, type SpellSource } from './spell-paint';
import type { Spelling } from './SpellingProvider';

/** A pause in typing before the field goes to the worker. */
const CHECK_AFTER_MS = 300;

/**
 * 맞춤법 in a plain field (headline, deck, a photo caption): its findings underlined on the copy of its
 * text behind the textarea (`mirror`, FieldMarks), the same copy the 표기 원칙 marks are drawn on.
 * `onReplace` gets the field's whole new text.
 */
export function useFieldSpelling(
  spelling: Spelling | null,
  id: string,
  label: string,
  text: string,
  mirror: RefObject<HTMLElement | null>,
  onReplace: (text: string) => void,
): void {
  const latest = useRef({ text, onReplace });
  useEffect(() => {
    latest.current = { text, onReplace };
  });

  useEffect(() => {
    if (!spelling?.enabled || text.trim() === '') {
      paintSpelling(id, []);
      return;
    }
    const source: SpellSource = {
      id,
      label,
      replace: (f, by) => {
        const next = replaceFinding(latest.current.text, f, by);
        if (next !== null) latest.current.onReplace(next);
        return next !== null;
      },
    };
    const show = (found: SpellFinding[]) => {
      const root = mirror.current;
      paintSpelling(
        id,
        found.map((finding) => ({ source, finding, range: root ? rangeInText(root, finding.start, finding.end) : null })),
      );
    };
    const hit = spelling.cached(text);
    if (hit) {
      show(hit);
      return () => paintSpelling(id, []);
    }
    // The old underlines point at text that is no longer there.
    paintSpelling(id, []);
    let live = true;
    const timer = window.setTimeout(() => {
      spelling.check(text).then(
        (found) => live && show(found),
        (err: unknown) => console.warn('[byline] 맞춤법 검사 실패', err),
      );
    }, CHECK_AFTER_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
      paintSpelling(id, []);
    };
  }, [id, label, text, mirror, spelling]);
}
