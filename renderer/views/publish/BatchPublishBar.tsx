import { useEffect, useState } from 'react';
import type { PublishTarget } from '../../../shared/contract-publish';
import type { BylineClient } from '../../client';
import { useT } from '../../i18n/i18n';
import { useBatchPublish } from './useBatchPublish';

interface Props {
  client: BylineClient;
  selected: readonly string[];
  onClear: () => void;
}

/**
 * 일괄 출고: the stories ticked in the 승인 queue go to one target, one after another. The bar shows how
 * far it got, which stories failed and why, and stops before the next story when told to.
 */
export function BatchPublishBar({ client, selected, onClear }: Props) {
  const t = useT();
  const [targets, setTargets] = useState<PublishTarget[]>([]);
  const [targetId, setTargetId] = useState<number | null>(null);
  const batch = useBatchPublish(client);
  const p = batch.progress;

  useEffect(() => {
    let stale = false;
    client.call('publish.targets', {}).then(
      (list) => {
        if (stale) return;
        setTargets(list);
        setTargetId((current) => current ?? list[0]?.id ?? null);
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [client]);

  if (selected.length === 0 && !p && !batch.error) return null;

  const start = async () => {
    if (targetId === null) return;
    if (await batch.start([...selected], targetId)) onClear();
  };

  return (
    <div className="batch-publish" data-testid="batch-publish">
      {!batch.running && selected.length > 0 && (
        <div className="batch-publish__start">
          {targets.length === 0 ? (
            <span>{t('publishNoTargets')}</span>
          ) : (
            <select
              aria-label={t('publishTarget')}
              value={targetId ?? ''}
              onChange={(e) => setTargetId(Number(e.target.value))}
              data-testid="batch-publish-target"
            >
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.name}
                </option>
              ))}
            </select>
          )}
          <button type="button" className="primary" disabled={targetId === null} onClick={() => void start()} data-testid="batch-publish-start">
            {t('batchPublishStart').replace('{n}', String(selected.length))}
          </button>
          <button type="button" onClick={onClear}>
            {t('batchPublishClear')}
          </button>
        </div>
      )}
      {p && (
        <div className="batch-publish__progress" role="status" aria-live="polite" data-testid="batch-publish-progress" data-state={p.state}>
          <progress max={p.total} value={p.done} aria-label={t('batchPublishProgress')} />
          <span data-testid="batch-publish-counts">
            {t(p.state === 'running' ? 'batchPublishRunning' : p.state === 'cancelled' ? 'batchPublishCancelled' : 'batchPublishFinished')
              .replace('{done}', String(p.done))
              .replace('{total}', String(p.total))
              .replace('{ok}', String(p.succeeded))
              .replace('{failed}', String(p.failed))}
          </span>
          {p.state === 'running' ? (
            <button type="button" onClick={() => void batch.cancel()} data-testid="batch-publish-cancel">
              {t('batchPublishCancel')}
            </button>
          ) : (
            <button type="button" onClick={batch.dismiss} data-testid="batch-publish-dismiss">
              {t('close')}
            </button>
          )}
        </div>
      )}
      {batch.failures.length > 0 && (
        <ul className="batch-publish__failures" data-testid="batch-publish-failures">
          {batch.failures.map((f) => (
            <li key={f.articleId}>
              <strong>{f.headline || t('untitled')}</strong> — {f.error}
            </li>
          ))}
        </ul>
      )}
      {batch.error && (
        <p className="queue__error" role="alert">
          {batch.error}
        </p>
      )}
    </div>
  );
}
