import type { LexicalEditor } from 'lexical';
import type { RefObject } from 'react';
import type { Article } from '../../shared/article';
import { BodyEditor } from '../editor/BodyEditor';
import { useT } from '../i18n/i18n';
import type { SaveStatus, StoryFields } from './useStory';

interface Props {
  article: Article;
  fields: StoryFields;
  loadSeq: number;
  status: SaveStatus;
  readOnly: boolean;
  editorRef: RefObject<LexicalEditor | null>;
  onField: (name: keyof StoryFields, value: string) => void;
  onDirty: () => void;
  onText: (text: string) => void;
  onSave: () => void;
  onResolveConflict: (choice: 'reload' | 'overwrite') => void;
}

/** The centre: headline, deck and body, with the save button and any conflict to resolve. */
export function StoryEditor(p: Props) {
  const t = useT();
  return (
    <main className="story">
      <div className="story__toolbar">
        <button type="button" className="button button--primary" onClick={p.onSave} disabled={p.status.kind === 'saving' || p.readOnly} data-testid="save-button">
          {t('save')}
        </button>
      </div>
      {p.status.kind === 'conflict' && (
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
      <div className="story__page">
        <textarea
          className="story__headline"
          value={p.fields.headline}
          rows={1}
          onChange={(e) => p.onField('headline', e.target.value.replace(/[\r\n]+/g, ' '))}
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
        <textarea
          className="story__deck"
          value={p.fields.deck}
          onChange={(e) => p.onField('deck', e.target.value)}
          placeholder={t('deckPlaceholder')}
          aria-label={t('deck')}
          rows={2}
          maxLength={2000}
          readOnly={p.readOnly}
          data-testid="deck-input"
        />
        <BodyEditor key={`${p.article.id}:${p.loadSeq}`} initialState={p.article.body} editorRef={p.editorRef} readOnly={p.readOnly} onDirty={p.onDirty} onText={p.onText} />
      </div>
    </main>
  );
}
