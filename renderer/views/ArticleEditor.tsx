import type { LexicalEditor } from 'lexical';
import { useMemo, useRef, useState, type RefObject } from 'react';
import type { Article, ArticleFields } from '../../shared/article';
import type { EditorStateJson } from '../../shared/editor-state';
import { closingLinesOf, leadPrefixOf } from '../../shared/article-render';
import { compileHouseStyle } from '../../shared/house-style';
import type { Settings } from '../../shared/settings';
import type { HouseStyleSettings } from '../../shared/settings-house-style';
import { BodyEditor } from '../editor/BodyEditor';
import { useT } from '../i18n/i18n';
import { useNewsroomTime } from '../i18n/newsroom-time';
import { FieldHouseStyle } from './FieldHouseStyle';
import { FieldMarks } from './FieldMarks';
import { HouseStyleContext } from './house-style-context';
import { SpellingProvider, type Spelling } from './spelling/SpellingProvider';
import { useFieldSpelling } from './spelling/useFieldSpelling';
import { PreviewPane } from './PreviewPane';
import { WorkflowBar } from './desk/WorkflowBar';
import type { ConflictChoice, SaveStatus, EditedFields, ArticleNotice, UpdateField } from './useArticle';

interface Props {
  article: Article;
  fields: EditedFields;
  initialBody: EditorStateJson;
  loadSeq: number;
  status: SaveStatus;
  notice: ArticleNotice | null;
  readOnly: boolean;
  newsroom: Settings['newsroom'];
  houseStyle: HouseStyleSettings;
  /** The window's 맞춤법 check (views/spelling/). */
  spelling: Spelling;
  editorRef: RefObject<LexicalEditor | null>;
  currentFields: () => ArticleFields;
  onField: UpdateField;
  onDirty: () => void;
  onText: (text: string) => void;
  onSave: () => void;
  onResolveConflict: (choice: ConflictChoice) => void;
  onDismissNotice: () => void;
}

/**
 * A headline is one line. A typed line break (an Enter that also committed an IME syllable) is
 * dropped; one that arrived with pasted or dropped text stands between words, so it becomes a space.
 */
function singleLine(value: string, inputType: string | undefined): string {
  return value.replace(/[\r\n]+/g, inputType?.startsWith('insertFrom') ? ' ' : '');
}

/** The centre: headline, deck and body (or the preview), with save, conflicts and recovery notices. */
export function ArticleEditor(p: Props) {
  const t = useT();
  const time = useNewsroomTime();
  // Preview is a way of reading, kept while the desk moves down the queue: it shows whichever article is
  // loaded. The body is taken when preview starts (the editor is hidden, so it cannot change) and again
  // from each load — another article, or a newer version of this one — so the pane never shows an article
  // other than the one the inspector, status bar and workflow buttons act on. The other fields are read
  // live, as the inspector changes them.
  const [preview, setPreview] = useState<{ loadSeq: number; body: EditorStateJson } | null>(null);
  const { fields, loadSeq, initialBody } = p;
  const style = useMemo(() => compileHouseStyle(p.houseStyle.rules), [p.houseStyle.rules]);
  const deckMarks = useRef<HTMLDivElement>(null);
  // What the outputs will add around the body, from the function they use, so the editor shows it as published.
  const { dateline, bylines, sourceAttribution } = fields;
  const frame = useMemo(() => {
    const closing = closingLinesOf({ bylines, sourceAttribution }, p.newsroom);
    return {
      agencyCredit: p.newsroom.agencyCredit,
      leadPrefix: leadPrefixOf({ dateline, bylines }, p.newsroom),
      closingLines: [...closing.bylineLines, closing.attributionLine].filter(Boolean),
    };
  }, [dateline, bylines, sourceAttribution, p.newsroom]);
  const headlineMarks = useRef<HTMLDivElement>(null);
  useFieldSpelling(p.spelling, 'headline', t('sp_headline'), fields.headline, headlineMarks, (text) => !p.readOnly && p.onField('headline', text));
  useFieldSpelling(p.spelling, 'deck', t('sp_deck'), fields.deck, deckMarks, (text) => !p.readOnly && p.onField('deck', text));
  const previewFields = useMemo(
    (): ArticleFields | null => preview && { ...fields, body: preview.loadSeq === loadSeq ? preview.body : initialBody },
    [preview, fields, loadSeq, initialBody],
  );
  return (
    <main className="article">
      <div className="article__toolbar">
        <button
          type="button"
          className="button button--primary"
          onClick={p.onSave}
          disabled={p.status.kind === 'saving' || p.readOnly}
          data-testid="save-button"
        >
          {t('save')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={preview !== null}
          onClick={() => setPreview(preview ? null : { loadSeq: p.loadSeq, body: p.currentFields().body })}
          data-testid="preview-toggle"
        >
          {preview ? t('edit') : t('preview')}
        </button>
      </div>
      <WorkflowBar article={p.article} />
      {p.notice && (
        <div className="banner banner--info" role="status" data-testid="story-notice">
          {p.notice.kind === 'recovered'
            ? `${t('recovered')} (${time.format(p.notice.at)})`
            : p.notice.kind === 'copied'
              ? `${t('offlineCopied')}: ${p.notice.headline}`
              : `${t('restoredVersion')} (v${p.notice.version})`}
          <button type="button" className="button button--quiet button--small" onClick={p.onDismissNotice}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {p.status.kind === 'conflict' && p.status.offline && (
        <div className="banner banner--conflict" role="alert" data-testid="offline-conflict">
          <strong>{t('offlineConflictTitle')}</strong> {p.status.message}
          <div className="banner__actions">
            <button type="button" className="button" onClick={() => p.onResolveConflict('copy')}>
              {t('offlineKeepCopy')}
            </button>
            <button type="button" className="button button--primary" onClick={() => p.onResolveConflict('overwrite')}>
              {t('offlineKeepMine')}
            </button>
          </div>
        </div>
      )}
      {p.status.kind === 'conflict' && !p.status.offline && (
        <div className="banner banner--conflict" role="alert">
          <strong>{t('conflictTitle')}</strong> {p.status.message}
          <div className="banner__actions">
            <button type="button" className="button" onClick={() => p.onResolveConflict('reload')}>
              {t('conflictReload')}
            </button>
            <button type="button" className="button button--primary" onClick={() => p.onResolveConflict('overwrite')}>
              {t('conflictOverwrite')}
            </button>
          </div>
        </div>
      )}
      {p.status.kind === 'error' && (
        <div className="banner banner--error" role="alert">
          <strong>{t('saveFailed')}</strong> {p.status.message}
        </div>
      )}
      {previewFields && <PreviewPane fields={previewFields} newsroom={p.newsroom} />}
      <div className="article__page" hidden={preview !== null}>
        <div className="field-marked">
          <FieldMarks ref={headlineMarks} className="article__headline" text={p.fields.headline} style={style} testId="headline-marks" />
          <textarea
            className="article__headline"
            value={p.fields.headline}
            rows={1}
            onChange={(e) => p.onField('headline', singleLine(e.target.value, (e.nativeEvent as InputEvent).inputType))}
            onKeyDown={(e) => {
              // A headline is one line; Enter mid-composition belongs to the IME, so only a settled Enter is stopped.
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
            }}
            placeholder={t('headlinePlaceholder')}
            aria-label={t('headline')}
            maxLength={300}
            readOnly={p.readOnly}
            data-testid="headline-input"
          />
        </div>
        <FieldHouseStyle
          name="headline"
          text={p.fields.headline}
          limit={p.houseStyle.headlineLimit}
          style={style}
          readOnly={p.readOnly}
          onFix={(text) => p.onField('headline', text)}
        />
        <div className="field-marked">
          <FieldMarks ref={deckMarks} className="article__deck" text={p.fields.deck} style={style} testId="deck-marks" />
          <textarea
            className="article__deck"
            value={p.fields.deck}
            onChange={(e) => p.onField('deck', e.target.value)}
            onScroll={(e) => deckMarks.current?.scrollTo(0, e.currentTarget.scrollTop)}
            placeholder={t('deckPlaceholder')}
            aria-label={t('deck')}
            rows={2}
            maxLength={2000}
            readOnly={p.readOnly}
            data-testid="deck-input"
          />
        </div>
        <FieldHouseStyle
          name="deck"
          text={p.fields.deck}
          limit={p.houseStyle.deckLimit}
          style={style}
          readOnly={p.readOnly}
          onFix={(text) => p.onField('deck', text)}
        />
        <HouseStyleContext.Provider value={style}>
          <SpellingProvider value={p.spelling}>
            <BodyEditor
              key={`${p.article.id}:${p.loadSeq}`}
              initialState={p.initialBody}
              editorRef={p.editorRef}
              readOnly={p.readOnly}
              houseStyle={style}
              onDirty={p.onDirty}
              onText={p.onText}
              frame={frame}
            />
          </SpellingProvider>
        </HouseStyleContext.Provider>
      </div>
    </main>
  );
}
