import { useEffect, useState } from 'react';
import type { PublishTarget } from '../../../shared/contract-publish';
import { defaultTargetIds } from '../../../shared/settings-publish-defaults';
import type { BylineClient } from '../../client';
import { useT } from '../../i18n/i18n';
import { useBatchPublish } from './useBatchPublish';

interface Props {
  client: BylineClient;
  selected: readonly string[];
  onClear: () => void;
}

/**
 * 일괄 출고: the stories ticked in the 승인 queue go to every ticked target (the newsroom's 기본 출고 대상
 * to begin with), one story after another on each. The bar shows how far each target got, which stories
 * failed where and why, and stops before the next story when told to.
 */
export function BatchPublishBar({ client, selected, onClear }: Props) {
  const t = useT();
  const [targets, setTargets] = useState<PublishTarget[]>([]);
  const [picked, setPicked] = useState<number[]>([]);
  const batch = useBatchPublish(client);
  const p = batch.progress;

  useEffect(() => {
    let stale = false;
    Promise.all([client.call('publish.targets', {}), client.call('settings.get', {}).catch(() => null)]).then(
      ([list, settings]) => {
        if (stale) return;
        setTargets(list);
        const defaults = settings ? defaultTargetIds(settings.publishDefaults, list) : [];
        setPicked(defaults.length > 0 ? defaults : list.slice(0, 1).map((x) => x.id));
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [client]);

  if (selected.length === 0 && !p && !batch.error) return null;

  const chosen = targets.filter((x) => picked.includes(x.id)).map((x) => x.id);
  const nameOf = (id: number) => targets.find((x) => x.id === id)?.name ?? `#${id}`;
  const start = async () => {
    if (chosen.length === 0) return;
    if (await batch.start([...selected], chosen)) onClear();
  };

  return (
    <div className="batch-publish" data-testid="batch-publish">
      {!batch.running && selected.length > 0 && (
        <div className="batch-publish__start">
          {targets.length === 0 ? (
            <span>{t('publishNoTargets')}</span>
          ) : (
            <fieldset className="batch-publish__targets">
              <legend>{t('deskFlow_batchTargets')}</legend>
              {targets.map((target) => (
                <label key={target.id} className="field--inline">
                  <input
                    type="checkbox"
                    checked={picked.includes(target.id)}
                    onChange={(e) =>
                      setPicked((ids) => (e.target.checked ? [...ids.filter((x) => x !== target.id), target.id] : ids.filter((x) => x !== target.id)))
                    }
                    data-testid={`batch-publish-target-${target.id}`}
                  />{' '}
                  {target.name}
                </label>
              ))}
            </fieldset>
          )}
          <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => void start()} data-testid="batch-publish-start">
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
      {batch.batches.length > 1 && (
        <ul className="batch-publish__per-target" data-testid="batch-publish-per-target">
          {batch.batches.map((b) => (
            <li key={b.batchId}>
              <strong>{nameOf(b.targetId)}</strong> {b.done}/{b.total} · {t('deskFlow_success')} {b.succeeded} · {t('deskFlow_failure')} {b.failed}
            </li>
          ))}
        </ul>
      )}
      {batch.failures.length > 0 && (
        <ul className="batch-publish__failures" data-testid="batch-publish-failures">
          {batch.failures.map((f) => (
            <li key={`${f.targetId}:${f.articleId}`}>
              <strong>{f.headline || t('untitled')}</strong> ({nameOf(f.targetId)}) — {f.error}
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
