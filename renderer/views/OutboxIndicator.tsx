import type { OutboxStatus } from '../../shared/contract-outbox';
import { useT } from '../i18n/i18n';

/**
 * In the status bar while the shared database is away or saves still wait: says so, counts them, and
 * opens a story whose waiting text met a newer version. Shows nothing while all is stored.
 */
export function OutboxIndicator({ outbox, onOpenArticle }: { outbox: OutboxStatus; onOpenArticle: (id: string) => void }) {
  const t = useT();
  if (outbox.connection === 'online' && outbox.pending === 0 && outbox.conflicts.length === 0) return null;
  const first = outbox.conflicts[0];
  return (
    <span className="statusbar__outbox" role="status" data-testid="outbox-indicator" title={outbox.lastError}>
      {outbox.connection === 'offline' && <strong className="statusbar__offline">{t('outboxOffline')}</strong>}
      {outbox.pending > 0 && <span data-testid="outbox-pending">{t('outboxPending').replace('{n}', String(outbox.pending))}</span>}
      {first && (
        <button type="button" className="statusbar__sheets statusbar__conflicts" onClick={() => onOpenArticle(first.articleId)} title={first.headline}>
          {t('outboxConflicts').replace('{n}', String(outbox.conflicts.length))}
        </button>
      )}
    </span>
  );
}
