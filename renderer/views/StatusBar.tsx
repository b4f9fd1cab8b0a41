import { useState, type ReactNode } from 'react';
import { articleCounts } from '../../shared/counting';
import { useT } from '../i18n/i18n';
import type { SaveStatus } from './useArticle';

type SheetMode = 'simple' | 'grid';

/** Save state and the desk's counts, from the body's plain text (pure functions in shared/). */
export function StatusBar({ status, bodyText, children }: { status: SaveStatus; bodyText: string; children?: ReactNode }) {
  const t = useT();
  const [mode, setMode] = useState<SheetMode>('simple');
  const counts = articleCounts(bodyText);
  const label =
    status.kind === 'saving'
      ? t('saving')
      : status.kind === 'saved' || status.kind === 'clean'
        ? t('saved')
        : status.kind === 'dirty'
          ? t('unsaved')
          : status.kind === 'conflict'
            ? t('conflictTitle')
            : status.kind === 'offline'
              ? t('savedOffline')
              : t('saveFailed');
  const sheets = mode === 'simple' ? counts.sheets : counts.gridSheets;
  return (
    <footer className="statusbar">
      <span className={`statusbar__save statusbar__save--${status.kind}`} data-testid="save-status" role="status">
        {label}
      </span>
      <span data-testid="char-count">
        {t('characters')} {counts.withSpaces.toLocaleString()} ({t('charactersNoSpaces')} {counts.withoutSpaces.toLocaleString()})
      </span>
      <span data-testid="word-count">
        {t('words')} {counts.words.toLocaleString()}
      </span>
      <button
        type="button"
        className="statusbar__sheets"
        data-testid="sheet-count"
        title={mode === 'simple' ? t('sheetsModeGrid') : t('sheetsModeSimple')}
        onClick={() => setMode(mode === 'simple' ? 'grid' : 'simple')}
      >
        {t('sheets')} {sheets.toFixed(1)}매 <small>({mode === 'simple' ? t('sheetsModeSimple') : t('sheetsModeGrid')})</small>
      </button>
      <span>
        {t('readingTime')} {counts.readingMinutes}
        {t('minutes')}
      </span>
      {children}
      <span className="statusbar__hint">{t('shortcutHint')}</span>
    </footer>
  );
}
