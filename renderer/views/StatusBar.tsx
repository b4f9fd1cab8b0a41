import { countCharacters, sheetsFor } from '../../shared/counting';
import { useT } from '../i18n/i18n';
import type { SaveStatus } from './useStory';

/** Save state and the desk's counts, from the body's plain text (a pure function in shared/). */
export function StatusBar({ status, bodyText }: { status: SaveStatus; bodyText: string }) {
  const t = useT();
  const counts = countCharacters(bodyText);
  const sheets = sheetsFor(counts.withSpaces);
  const label =
    status.kind === 'saving'
      ? t('saving')
      : status.kind === 'saved' || status.kind === 'clean'
        ? t('saved')
        : status.kind === 'dirty'
          ? t('unsaved')
          : status.kind === 'conflict'
            ? t('conflictTitle')
            : t('saveFailed');
  return (
    <footer className="statusbar">
      <span className={`statusbar__save statusbar__save--${status.kind}`} data-testid="save-status" role="status">
        {label}
      </span>
      <span data-testid="char-count">
        {t('characters')} {counts.withSpaces.toLocaleString()} ({t('charactersNoSpaces')} {counts.withoutSpaces.toLocaleString()})
      </span>
      <span title={t('sheetsRule')}>
        {t('sheets')} {sheets.toFixed(1)}매 <small>({t('sheetsRule')})</small>
      </span>
      <span className="statusbar__hint">{t('shortcutHint')}</span>
    </footer>
  );
}
