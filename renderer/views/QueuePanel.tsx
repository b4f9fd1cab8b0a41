import type { ArticleSummary } from '../../shared/article';
import { useLocale, useT } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';

interface Props {
  items: ArticleSummary[];
  total: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCreate: () => void;
  onSettings: () => void;
}

/** 내 기사: the reporter's stories, newest first. */
export function QueuePanel({ items, total, selectedId, onSelect, onCreate, onSettings }: Props) {
  const t = useT();
  const locale = useLocale();
  const time = new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <nav className="queue" aria-label={t('myStories')}>
      <div className="queue__header">
        <h2>
          {t('myStories')} <span className="queue__count">{total}</span>
        </h2>
        <button type="button" className="button button--primary" onClick={onCreate}>
          {t('newStory')}
        </button>
      </div>
      {items.length === 0 ? (
        <p className="queue__empty">{t('noStories')}</p>
      ) : (
        <ul className="queue__list" data-testid="story-list">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={`queue__item${item.id === selectedId ? ' queue__item--selected' : ''}`}
                aria-current={item.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(item.id)}
              >
                <span className="queue__headline">{item.headline || t('untitled')}</span>
                <span className="queue__meta">
                  {item.section && <span className="tag">{item.section}</span>}
                  <span>{t(`state_${item.state}` as StringKey)}</span>
                  <span>{time.format(new Date(item.updatedAt))}</span>
                  <span>
                    {item.characters.toLocaleString()}
                    {locale === 'ko' ? '자' : ' chars'}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="queue__footer">
        <button type="button" className="button button--quiet" onClick={onSettings}>
          {t('settings')}
        </button>
      </div>
    </nav>
  );
}
