import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n';
import { useNewsroomTime } from '../i18n/newsroom-time';

interface Item {
  version: number;
  savedAt: string;
  headline: string;
}

/** Every save is kept; any of them can be brought back into the editor. */
export function RevisionsPanel({
  currentVersion,
  list,
  onRestore,
}: {
  currentVersion: number;
  list: () => Promise<Item[]>;
  onRestore: (version: number) => void;
}) {
  const t = useT();
  const time = useNewsroomTime();
  const [items, setItems] = useState<Item[]>([]);
  useEffect(() => {
    let live = true;
    list().then(
      (r) => live && setItems(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [list]);
  return (
    <section className="revisions" aria-label={t('history')}>
      <h3>{t('history')}</h3>
      <ol className="revisions__list" data-testid="revision-list">
        {items.map((r) => (
          <li key={r.version}>
            <span className="revisions__version">v{r.version}</span>
            <span className="revisions__time">{time.format(r.savedAt)}</span>
            {r.version === currentVersion ? (
              <span className="revisions__current">{t('current')}</span>
            ) : (
              <button type="button" className="button button--small" onClick={() => onRestore(r.version)} aria-label={`v${r.version} ${t('restore')}`}>
                {t('restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
