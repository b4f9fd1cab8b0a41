import { useT } from '../../i18n/i18n';
import { PAGE_LABEL, type SettingsPageId } from './settings-pages';

interface Props {
  pages: readonly SettingsPageId[];
  current: SettingsPageId;
  onPick: (page: SettingsPageId) => void;
  /** Pages the last 저장 found wrong fields on. */
  invalid: ReadonlySet<SettingsPageId>;
  /** Pages with edits not yet saved. */
  changed: ReadonlySet<SettingsPageId>;
}

/** 환경설정's left list of pages; a page with a wrong field says so in words, not only in colour. */
export function SettingsPageList({ pages, current, onPick, invalid, changed }: Props) {
  const t = useT();
  return (
    <nav className="settings-pages" aria-label={t('settingsPages')}>
      <ul>
        {pages.map((page) => (
          <li key={page}>
            {/* Links, not buttons: a page is a place to go, and 저장소 must not answer to the 저장 button's name. */}
            <a
              href={`#settings-page-${page}`}
              className={invalid.has(page) ? 'settings-pages__page settings-pages__page--invalid' : 'settings-pages__page'}
              aria-current={page === current ? 'page' : undefined}
              onClick={(e) => (e.preventDefault(), onPick(page))}
              data-testid={`settings-page-${page}`}
            >
              <span>{t(PAGE_LABEL[page])}</span>
              {invalid.has(page) ? (
                <small className="settings-pages__mark" data-testid="settings-page-invalid">
                  {t('settingsPageInvalid')}
                </small>
              ) : (
                changed.has(page) && <small className="settings-pages__mark settings-pages__mark--changed">{t('settingsPageChanged')}</small>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
