import { useEffect, useRef, useState } from 'react';
import { dictionaryForm } from '../../../shared/spelling-word';
import { useT } from '../../i18n/i18n';
import { findingAt, type PaintedFinding } from './spell-paint';
import type { Spelling } from './spelling-state';

/** Suggestions shown in the menu: the engine's best few. */
const SHOWN = 5;

/**
 * Right-click on an underlined word, in the body or a field: the engine's suggestions (a click replaces
 * the word), 무시 and 뉴스룸 사전에 추가. Anywhere else the browser's own menu opens as before.
 */
export function SpellingMenu({ spelling }: { spelling: Spelling }) {
  const t = useT();
  const [open, setOpen] = useState<{ x: number; y: number; at: PaintedFinding } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onContext = (e: MouseEvent) => {
      const at = findingAt(e.clientX, e.clientY);
      if (!at) return;
      e.preventDefault();
      setProblem(null);
      setOpen({ x: Math.min(e.clientX, window.innerWidth - 240), y: Math.min(e.clientY, window.innerHeight - 220), at });
    };
    document.addEventListener('contextmenu', onContext, true);
    return () => document.removeEventListener('contextmenu', onContext, true);
  }, []);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector('button')?.focus();
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e.type === 'mousedown' && menu.current?.contains(e.target as Node)) return;
      setOpen(null);
    };
    document.addEventListener('mousedown', close, true);
    document.addEventListener('keydown', close, true);
    window.addEventListener('blur', close);
    return () => {
      document.removeEventListener('mousedown', close, true);
      document.removeEventListener('keydown', close, true);
      window.removeEventListener('blur', close);
    };
  }, [open]);

  if (!open) return null;
  const { source, finding } = open.at;
  const suggestions = finding.suggestions.slice(0, SHOWN);
  return (
    <div ref={menu} className="spelling-menu" role="menu" aria-label={t('sp_menu')} style={{ left: open.x, top: open.y }} data-testid="spelling-menu">
      {suggestions.length === 0 && <div className="spelling-menu__none">{t('sp_noSuggestion')}</div>}
      {suggestions.map((s) => (
        <button
          key={s}
          type="button"
          role="menuitem"
          className="spelling-menu__suggestion"
          onClick={() => {
            source.replace(finding, s);
            setOpen(null);
          }}
        >
          {s}
        </button>
      ))}
      <hr />
      <button
        type="button"
        role="menuitem"
        onClick={() => {
          spelling.ignore(finding.word);
          setOpen(null);
        }}
      >
        {t('sp_ignore')}
      </button>
      <button
        type="button"
        role="menuitem"
        onClick={() =>
          void spelling.addWord(dictionaryForm(finding.word)).then((refused) => {
            if (refused) setProblem(refused);
            else setOpen(null);
          })
        }
        data-testid="spelling-menu-add"
      >
        {t('sp_add')}: {dictionaryForm(finding.word)}
      </button>
      {problem && (
        <div className="spelling-menu__none" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
