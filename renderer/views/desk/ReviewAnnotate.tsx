import { useRef } from 'react';
import type { AnchorField, CommentAnchor } from '../../../shared/comment-anchor';
import { useT } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';
import type { ReviewTexts } from './review-texts';

export type Mark = { start: number; end: number; id: number };

/** Text with the commented passages marked, as plain spans so that offsets of a selection count characters of the text. */
function MarkedText({ text, marks, focused }: { text: string; marks: readonly Mark[]; focused: number | null }) {
  const parts: Array<{ text: string; mark?: number }> = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue; // overlapping passages: the earlier one is marked
    if (m.start > at) parts.push({ text: text.slice(at, m.start) });
    parts.push({ text: text.slice(m.start, m.end), mark: m.id });
    at = m.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return (
    <>
      {parts.map((p, i) =>
        p.mark === undefined ? (
          <span key={i}>{p.text}</span>
        ) : (
          <mark key={i} className={`anchor-mark${focused === p.mark ? ' anchor-mark--focused' : ''}`} data-comment={p.mark}>
            {p.text}
          </mark>
        ),
      )}
    </>
  );
}

/** Characters of `root`'s text before the point (node, offset): how a DOM selection becomes an anchor's offsets. */
function offsetIn(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

const fieldLabel: Record<AnchorField, StringKey> = { headline: 'headline', deck: 'deck', body: 'body' };

interface Props {
  texts: ReviewTexts;
  marksFor: (field: AnchorField) => Mark[];
  focused: number | null;
  /** A passage the desk selected: the anchored comment form opens on it. */
  onSelect: (anchor: CommentAnchor) => void;
}

/** The comment tab: the current text with commented passages marked; selecting a passage starts a comment on it. */
export function ReviewAnnotate({ texts, marksFor, focused, onSelect }: Props) {
  const t = useT();
  const panes = useRef<Partial<Record<AnchorField, HTMLElement | null>>>({});

  const takeSelection = () => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    for (const field of ['headline', 'deck', 'body'] as const) {
      const root = panes.current[field];
      if (!root || !root.contains(range.startContainer) || !root.contains(range.endContainer)) continue;
      const start = offsetIn(root, range.startContainer, range.startOffset);
      const end = offsetIn(root, range.endContainer, range.endOffset);
      const quote = texts[field].slice(start, end);
      if (quote.trim() === '' || end <= start) return;
      onSelect({ field, start, end, quote: quote.slice(0, 1000) });
      return;
    }
  };

  return (
    <div className="review__annotate" onMouseUp={takeSelection} onKeyUp={takeSelection}>
      <p className="review__legend">{t('annotateHint')}</p>
      {(['headline', 'deck', 'body'] as const).map((field) => (
        <section key={field} className="diff">
          <h3 className="diff__label">{t(fieldLabel[field])}</h3>
          <div
            className="diff__text review__selectable"
            ref={(el) => {
              panes.current[field] = el;
            }}
            data-testid={`annotate-${field}`}
          >
            <MarkedText text={texts[field]} marks={marksFor(field)} focused={focused} />
          </div>
        </section>
      ))}
    </div>
  );
}
