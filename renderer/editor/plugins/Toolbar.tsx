import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type ElementNode,
  type TextFormatType,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { useCallback, useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { isSafeUrl } from '../../../shared/safe-url';
import { useT } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';
import { PhotoToolButtons } from './PhotoToolButtons';

const FORMATS: ReadonlyArray<[TextFormatType, StringKey, string]> = [
  ['bold', 'bold', 'B'],
  ['italic', 'italic', 'I'],
  ['underline', 'underline', 'U'],
  ['strikethrough', 'strikethrough', 'S'],
];

function ToolButton({
  label,
  active,
  disabled,
  onPress,
  children,
}: {
  label: string;
  active?: boolean;
  disabled?: boolean;
  onPress: () => void;
  children: ReactNode;
}) {
  // mousedown is cancelled so the editor keeps its selection (and an IME its composition) until the command runs.
  const keepFocus = (e: MouseEvent) => e.preventDefault();
  return (
    <button
      type="button"
      className={`tool${active ? ' tool--active' : ''}`}
      aria-label={label}
      title={label}
      aria-pressed={active}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onPress}
    >
      {children}
    </button>
  );
}

/** Formatting for the body: text formats, block types, lists, quote, rule, link, undo and redo. */
export function Toolbar({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const t = useT();
  const [active, setActive] = useState<Set<TextFormatType>>(new Set());
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkUrl, setLinkUrl] = useState('https://');
  const [linkError, setLinkError] = useState(false);

  // Runs on every keystroke: only a change of format may re-render the toolbar.
  const refresh = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const next = FORMATS.map(([f]) => f).filter((f) => selection.hasFormat(f));
    setActive((prev) => (prev.size === next.length && next.every((f) => prev.has(f)) ? prev : new Set(next)));
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k' && editor.getRootElement()?.contains(document.activeElement)) {
        e.preventDefault();
        setLinkOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(SELECTION_CHANGE_COMMAND, () => (refresh(), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
      ),
    [editor, refresh],
  );

  const setBlock = (create: () => ElementNode) =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $setBlocksType(selection, create);
    });

  const applyLink = () => {
    const url = linkUrl.trim();
    if (url && !isSafeUrl(url)) {
      setLinkError(true);
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url ? { url, rel: 'noopener noreferrer' } : null);
    setLinkOpen(false);
    setLinkError(false);
    editor.focus();
  };

  const off = readOnly;
  return (
    <div className="toolbar" role="toolbar" aria-label="서식">
      {FORMATS.map(([format, key, glyph]) => (
        <ToolButton key={format} label={t(key)} active={active.has(format)} disabled={off} onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}>
          <span className={`tool__glyph tool__glyph--${format}`}>{glyph}</span>
        </ToolButton>
      ))}
      <span className="toolbar__sep" />
      <ToolButton label={t('paragraph')} disabled={off} onPress={() => setBlock(() => $createParagraphNode())}>
        ¶
      </ToolButton>
      <ToolButton label={t('heading2')} disabled={off} onPress={() => setBlock(() => $createHeadingNode('h2'))}>
        H2
      </ToolButton>
      <ToolButton label={t('heading3')} disabled={off} onPress={() => setBlock(() => $createHeadingNode('h3'))}>
        H3
      </ToolButton>
      <ToolButton label={t('quote')} disabled={off} onPress={() => setBlock(() => $createQuoteNode())}>
        “ ”
      </ToolButton>
      <ToolButton label={t('bulletList')} disabled={off} onPress={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}>
        •
      </ToolButton>
      <ToolButton label={t('numberList')} disabled={off} onPress={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)}>
        1.
      </ToolButton>
      <ToolButton label={t('horizontalRule')} disabled={off} onPress={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}>
        ―
      </ToolButton>
      <ToolButton label={t('link')} disabled={off} onPress={() => setLinkOpen((v) => !v)}>
        {t('link')}
      </ToolButton>
      <span className="toolbar__sep" />
      <PhotoToolButtons disabled={off} />
      <span className="toolbar__sep" />
      <ToolButton label={t('undo')} disabled={off || !canUndo} onPress={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        ↶
      </ToolButton>
      <ToolButton label={t('redo')} disabled={off || !canRedo} onPress={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        ↷
      </ToolButton>
      {linkOpen && (
        <span className="toolbar__link">
          <input
            aria-label={t('linkPrompt')}
            autoFocus
            value={linkUrl}
            onChange={(e) => {
              setLinkUrl(e.target.value);
              setLinkError(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                applyLink();
              }
            }}
          />
          <button type="button" className="button button--small" onClick={applyLink}>
            {t('link')}
          </button>
          {linkError && <span className="field__hint field__hint--warn">{t('linkInvalid')}</span>}
        </span>
      )}
    </div>
  );
}
