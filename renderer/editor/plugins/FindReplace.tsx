import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { $findMatches } from './find-matches';

/** 찾기·바꾸기 (Ctrl+F, Ctrl+H): next match after the caret, replace the current one, or all. */
export function FindReplace({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [count, setCount] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'f' || e.key === 'h')) {
        e.preventDefault();
        setOpen(true);
        window.setTimeout(() => input.current?.select(), 0);
      } else if (e.key === 'Escape' && open) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const recount = () => editor.getEditorState().read(() => setCount($findMatches(query).length));
    recount();
    return editor.registerTextContentListener(recount);
  }, [editor, open, query]);

  const selectNext = () =>
    editor.update(() => {
      const matches = $findMatches(query);
      if (matches.length === 0) return;
      const selection = $getSelection();
      const caret = $isRangeSelection(selection) ? selection.focus : null;
      const after = caret
        ? matches.find((m) => m.node.isBefore(caret.getNode()) === false && (m.node.getKey() !== caret.key || m.start >= caret.offset))
        : undefined;
      const target = after ?? matches[0]!;
      target.node.select(target.start, target.end);
    });

  const replaceCurrent = () => {
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection) && selection.getTextContent() === query) selection.insertText(replacement);
    });
    selectNext();
  };

  const replaceAll = () =>
    editor.update(() => {
      // Right to left within each node, so earlier offsets stay valid.
      for (const m of $findMatches(query).reverse()) m.node.spliceText(m.start, m.end - m.start, replacement);
    });

  if (!open) return null;
  return (
    <div className="find" role="search" aria-label={t('find')}>
      <input
        ref={input}
        aria-label={t('find')}
        placeholder={t('find')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && selectNext()}
      />
      <span className="find__count" data-testid="find-count">
        {count}
        {t('matches')}
      </span>
      <button type="button" className="button button--small" onClick={selectNext} disabled={count === 0}>
        {t('findNext')}
      </button>
      <input
        aria-label={t('replaceWith')}
        placeholder={t('replaceWith')}
        value={replacement}
        onChange={(e) => setReplacement(e.target.value)}
        readOnly={readOnly}
      />
      <button type="button" className="button button--small" onClick={replaceCurrent} disabled={readOnly || count === 0}>
        {t('replace')}
      </button>
      <button type="button" className="button button--small" onClick={replaceAll} disabled={readOnly || count === 0}>
        {t('replaceAll')}
      </button>
      <button type="button" className="button button--quiet button--small" onClick={() => setOpen(false)} aria-label={t('dismiss')}>
        ✕
      </button>
    </div>
  );
}
