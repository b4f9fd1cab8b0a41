import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getRoot, type LexicalEditor } from 'lexical';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { EditorStateJson } from '../../shared/editor-state';
import type { CompiledHouseStyle } from '../../shared/house-style';
import { isSafeUrl } from '../../shared/safe-url';
import { useT } from '../i18n/i18n';
import { BODY_MARKDOWN } from './markdown';
import { bodyNodes } from './nodes';
import { DecoratorUiGuard } from './plugins/DecoratorUiGuard';
import { FindReplace } from './plugins/FindReplace';
import { HouseStylePlugin } from './plugins/HouseStylePlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { PhotoPlugin } from './plugins/PhotoPlugin';
import { Toolbar } from './plugins/Toolbar';
import { TypedCreditPlugin } from './plugins/TypedCreditPlugin';
import { SpellingPanel } from '../views/spelling/SpellingPanel';
import { SpellingPlugin } from '../views/spelling/SpellingPlugin';
import { useSpelling } from '../views/spelling/SpellingProvider';
import { editorTheme } from './theme';

const TEXT_REFRESH_MS = 250;

export interface BodyEditorProps {
  initialState: EditorStateJson;
  editorRef: RefObject<LexicalEditor | null>;
  readOnly: boolean;
  /** The newsroom's 표기 원칙, compiled: underlined and listed as the reporter types. */
  houseStyle: CompiledHouseStyle;
  /** Called on every content change; cheap — nothing is serialised here. */
  onDirty: () => void;
  /** The body's plain text, at most every TEXT_REFRESH_MS while typing, for the counts. */
  onText: (text: string) => void;
  /**
   * What the outputs add around the body (shared/article-render.ts): shown as labels no one can edit,
   * the lead credit before the first paragraph and the closing lines after the last.
   */
  frame?: { agencyCredit: string; leadPrefix: string; closingLines: readonly string[] };
}

/**
 * The story body. The editor state is read (serialised) only when saving; while typing we only flag
 * the story dirty and refresh the counts after a pause.
 */
export function BodyEditor({ initialState, editorRef, readOnly, houseStyle, onDirty, onText, frame }: BodyEditorProps) {
  const t = useT();
  const spelling = useSpelling();
  const timer = useRef<number | undefined>(undefined);
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'byline-body',
      theme: editorTheme,
      nodes: bodyNodes,
      editorState: JSON.stringify(initialState),
      onError: (error) => {
        console.error('[byline editor]', error);
      },
    }),
    [initialState],
  );

  useEffect(() => {
    editorRef.current?.setEditable(!readOnly);
  }, [editorRef, readOnly]);

  const handleChange = (_state: unknown, editor: LexicalEditor) => {
    onDirty();
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      onText(editor.getEditorState().read(() => $getRoot().getTextContent()));
    }, TEXT_REFRESH_MS);
  };

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <Toolbar readOnly={readOnly} />
      <FindReplace readOnly={readOnly} />
      <HouseStylePlugin style={houseStyle} readOnly={readOnly} />
      {frame && <TypedCreditPlugin agencyCredit={frame.agencyCredit} leadPrefix={frame.leadPrefix} readOnly={readOnly} />}
      <SpellingPanel readOnly={readOnly} />
      <SpellingPlugin />
      {frame?.leadPrefix && (
        <p className="body-frame body-frame--lead" aria-label={t('deskFlow_creditLabel')} data-testid="lead-credit-label">
          {frame.leadPrefix}
        </p>
      )}
      <div className="body-editor">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="body-editor__content"
              aria-label={t('bodyPlaceholder')}
              aria-placeholder={t('bodyPlaceholder')}
              placeholder={<div className="body-editor__placeholder">{t('bodyPlaceholder')}</div>}
              data-testid="body-editor"
              spellCheck={!spelling?.enabled}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <DecoratorUiGuard />
        <PhotoPlugin />
        <PastePlugin />
        <LinkPlugin validateUrl={isSafeUrl} />
        <HorizontalRulePlugin />
        <MarkdownShortcutPlugin transformers={BODY_MARKDOWN} />
        <EditorRefPlugin editorRef={editorRef} />
        <OnChangePlugin ignoreSelectionChange ignoreHistoryMergeTagChange onChange={handleChange} />
      </div>
      {frame && frame.closingLines.length > 0 && (
        <div className="body-frame body-frame--closing" role="group" aria-label={t('deskFlow_closingLabel')} data-testid="closing-label">
          {frame.closingLines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
    </LexicalComposer>
  );
}
