import { useId, useRef, useState } from 'react';
import { mentionQueryAt } from '../../../shared/mentions';
import type { Role } from '../../../shared/profiles';
import { useT } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';
import './threads.css';

export interface MentionPerson {
  id: string;
  name: string;
  role: Role;
}

const MAX_SHOWN = 8;

/** Who `query` may mean: names that begin with it first, then names that hold it. */
function candidates(people: readonly MentionPerson[], query: string): MentionPerson[] {
  const begins = people.filter((p) => p.name.startsWith(query));
  const holds = people.filter((p) => !p.name.startsWith(query) && p.name.includes(query));
  return [...begins, ...holds].slice(0, MAX_SHOWN);
}

interface Props {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  people: readonly MentionPerson[];
  label?: string;
  rows?: number;
  maxLength?: number;
  testId?: string;
}

/**
 * A comment box where @ opens the newsroom's names: typing narrows them, arrows move, Enter or Tab
 * picks (the name goes in as @이름), Esc closes the list without closing the screen around it. The list
 * is a listbox the box points into with aria-activedescendant, so a screen reader follows the arrows.
 */
export function MentionTextarea({ id, value, onChange, people, label, rows = 2, maxLength = 2000, testId }: Props) {
  const t = useT();
  const listId = useId();
  const hintId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [typing, setTyping] = useState<{ at: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  /** The @ whose list Esc closed: it stays closed while the caret moves, until the text changes. */
  const [dismissed, setDismissed] = useState<number | null>(null);

  const list = typing && typing.at !== dismissed ? candidates(people, typing.query) : [];
  const shown = list.length > 0;
  const current = Math.min(active, list.length - 1);

  const follow = (el: HTMLTextAreaElement) => {
    const next = mentionQueryAt(el.value, el.selectionStart);
    if (next?.at !== typing?.at || next?.query !== typing?.query) setActive(0);
    setTyping(next);
  };

  const pick = (p: MentionPerson) => {
    const el = box.current;
    if (!el || !typing) return;
    const before = value.slice(0, typing.at);
    const after = value.slice(el.selectionStart);
    const inserted = `@${p.name} `;
    onChange(`${before}${inserted}${after.replace(/^ /, '')}`);
    setTyping(null);
    const caret = before.length + inserted.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  };

  return (
    <div className="mention-box">
      <textarea
        ref={box}
        id={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        aria-label={label}
        aria-autocomplete="list"
        aria-describedby={hintId}
        {...(shown ? { 'aria-controls': listId, 'aria-activedescendant': `${listId}-${current}` } : {})}
        onChange={(e) => {
          setDismissed(null);
          onChange(e.target.value);
          follow(e.target);
        }}
        onSelect={(e) => follow(e.currentTarget)}
        onBlur={() => setTyping(null)}
        onKeyDown={(e) => {
          if (!shown) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((current + step + list.length) % list.length);
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            e.preventDefault();
            pick(list[current]!);
          } else if (e.key === 'Escape') {
            // Esc closes the list only; the review screen closes on the next one.
            e.preventDefault();
            e.stopPropagation();
            setDismissed(typing?.at ?? null);
          }
        }}
        data-testid={testId}
      />
      <span id={hintId} className="mention-box__hint">
        {t('threads_mentionHint')}
      </span>
      {shown && (
        <ul id={listId} role="listbox" aria-label={t('threads_people')} className="mention-box__list" data-testid="mention-list">
          {list.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              className={`mention-box__option${i === current ? ' mention-box__option--active' : ''}`}
              onMouseDown={(e) => {
                // Keep the focus in the box: the pick puts the caret after the name.
                e.preventDefault();
                pick(p);
              }}
              data-testid="mention-option"
            >
              {p.name} <span className="mention-box__role">{t(`role_${p.role}` as StringKey)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
