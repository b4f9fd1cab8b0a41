import { useEffect, useState } from 'react';
import type { TrashItem } from '../../../shared/contract-trash';
import type { Profile } from '../../../shared/profiles';
import type { BylineClient } from '../../client';
import { useArticleChanges } from '../../client/useArticleChanges';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import './desk.css';

interface Props {
  client: BylineClient;
  actor: Profile | null;
  refreshKey: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const PAGE = 200;

/**
 * 휴지통: the discarded drafts, newest first, with who discarded each and when it is deleted for good.
 * A row opens the story (read-only while it is here); 되살리기 shows where this profile may restore it.
 * Follows every window's discards and restores as they happen.
 */
export function TrashQueue({ client, actor, refreshKey, selectedId, onSelect }: Props) {
  const t = useT();
  const when = useNewsroomTime().format;
  const [items, setItems] = useState<TrashItem[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  useArticleChanges(client, () => setChanges((n) => n + 1));
  const actorId = actor?.id;

  const [reload, setReload] = useState(0);

  // The list answers for the acting person (who may restore what): a new pick reads it again.
  useEffect(() => {
    let stale = false;
    client.call('trash.list', { limit: PAGE }).then(
      (page) => {
        if (stale) return;
        setItems(page.items);
        setTotal(page.total);
        setError(null);
      },
      (err: unknown) => !stale && setError((err as Error).message),
    );
    return () => {
      stale = true;
    };
  }, [client, actorId, refreshKey, changes, reload]);

  const restore = async (id: string) => {
    setBusy(id);
    try {
      await client.call('trash.restore', { id });
      setReload((n) => n + 1);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="desk-queue" data-testid="trash-queue">
      <p className="trash-queue__help">{t('trash_help')}</p>
      {error && (
        <p className="queue__error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 && !error && <p className="queue__empty">{t('trash_empty')}</p>}
      <ul className="desk-queue__list" aria-label={t('queue_trash')}>
        {items.map((item) => (
          <li
            key={item.id}
            className={`trash-queue__row${item.id === selectedId ? ' trash-queue__row--open' : ''}`}
            onClick={() => onSelect(item.id)}
            data-testid="trash-row"
          >
            <span className="queue__headline">{item.headline || t('untitled')}</span>
            <span className="queue__meta">
              {item.section && <span className="tag">{item.section}</span>}
              {item.owner && <span>{item.owner.name}</span>}
              <span data-testid="trash-row-by">
                {t('trash_discardedBy')} {item.discardedBy?.name ?? '—'} · {when(item.discardedAt)}
              </span>
            </span>
            <span className="queue__meta">
              <span data-testid="trash-row-purge">
                {t('trash_purgeAt')} {when(item.purgeAt)}
              </span>
            </span>
            {item.restorable && (
              <span className="trash-queue__actions">
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy === item.id}
                  onClick={(e) => {
                    e.stopPropagation();
                    void restore(item.id);
                  }}
                  data-testid="trash-row-restore"
                >
                  {t('trash_restore')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {total > items.length && <p className="queue__empty">{t('trash_more').replace('{n}', String(total - items.length))}</p>}
    </div>
  );
}
