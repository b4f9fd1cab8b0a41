import { useCallback, useEffect, useState } from 'react';
import type { PublishAttempt, PublishTarget } from '../../../shared/contract-publish';
import { defaultTargetIds } from '../../../shared/settings-publish-defaults';
import type { BylineClient } from '../../client';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import { PublishedLink } from './PublishedLink';
import { PublishResults, type TargetResult } from './PublishResults';

/**
 * 출고: send the approved story to every ticked target in one action (the newsroom's 기본 출고 대상 are
 * ticked to begin with; any other may be added) and see each target's answer, then every attempt for
 * the story. The main process retries on its own and answers once per target, with the attempt it logged.
 */
export function PublishPanel({
  client,
  articleId,
  actorId,
  withdrawn = false,
  refusal = null,
}: {
  client: BylineClient;
  articleId: string;
  actorId: string | null;
  withdrawn?: boolean;
  /** Why the main process would refuse to publish the story as it stands; the button waits until it would not. */
  refusal?: string | null;
}) {
  const t = useT();
  const time = useNewsroomTime();
  const [targets, setTargets] = useState<PublishTarget[]>([]);
  const [picked, setPicked] = useState<number[] | null>(null);
  const [log, setLog] = useState<PublishAttempt[]>([]);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<TargetResult[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(
    () =>
      Promise.all([client.call('publish.targets', {}), client.call('publish.log', { articleId })]).then(
        ([list, attempts]) => {
          setTargets(list);
          setLog(attempts);
        },
        (err: Error) => setMessage(err.message),
      ),
    [client, articleId],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // What is ticked to begin with: the newsroom's defaults, or the first target where it has none.
  useEffect(() => {
    if (picked !== null || targets.length === 0) return;
    let stale = false;
    client.call('settings.get', {}).then(
      (s) => {
        if (stale) return;
        const defaults = defaultTargetIds(s.publishDefaults, targets);
        setPicked(defaults.length > 0 ? defaults : [targets[0]!.id]);
      },
      () => !stale && setPicked([targets[0]!.id]),
    );
    return () => {
      stale = true;
    };
  }, [client, targets, picked]);

  const chosen = targets.filter((x) => picked?.includes(x.id));
  const toggle = (id: number, on: boolean) => setPicked((p) => (on ? [...(p ?? []).filter((x) => x !== id), id] : (p ?? []).filter((x) => x !== id)));

  const publish = async () => {
    if (chosen.length === 0 || actorId === null || refusal) return;
    setBusy(true);
    setResults([]);
    setMessage(t('publishRunning'));
    // One target after another: each answer shows as it comes, and one target's failure stops no other.
    for (const target of chosen) {
      let result: TargetResult;
      try {
        // A withdrawn story is taken down from the target instead (draft or trash, as the target says).
        const attempt = await client.call(withdrawn ? 'publish.takedown' : 'publish.run', { articleId, targetId: target.id });
        result = { targetId: target.id, name: target.name, attempt, error: null };
      } catch (err) {
        result = { targetId: target.id, name: target.name, attempt: null, error: (err as Error).message };
      }
      setResults((r) => [...r, result]);
    }
    setMessage(null);
    setBusy(false);
    void refresh();
  };

  return (
    <section className="publish-panel" data-testid="publish-panel" aria-busy={busy}>
      <h2>{t('publishTitle')}</h2>
      {targets.length === 0 ? (
        <p>{t('publishNoTargets')}</p>
      ) : (
        <div className="publish-panel__run">
          <fieldset className="publish-panel__targets" disabled={busy}>
            <legend>{t('deskFlow_publishTargets')}</legend>
            {targets.map((target) => (
              <label key={target.id} className="field--inline publish-panel__target">
                <input
                  type="checkbox"
                  checked={picked?.includes(target.id) ?? false}
                  onChange={(e) => toggle(target.id, e.target.checked)}
                  data-testid={`publish-pick-${target.id}`}
                />{' '}
                {target.name}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || chosen.length === 0 || actorId === null || refusal !== null}
            aria-describedby={refusal ? 'publish-refusal' : chosen.length === 0 ? 'publish-none' : undefined}
            onClick={() => void publish()}
            data-testid="publish-now"
          >
            {busy
              ? t('publishRunning')
              : withdrawn
                ? t('publishTakedownNow')
                : chosen.length > 1
                  ? t('deskFlow_publishAll').replace('{n}', String(chosen.length))
                  : t('publishNow')}
          </button>
          {refusal && (
            <p className="publish-panel__refusal" id="publish-refusal" data-testid="publish-refusal">
              {refusal}
            </p>
          )}
          {!refusal && picked !== null && chosen.length === 0 && (
            <p className="publish-panel__refusal" id="publish-none">
              {t('deskFlow_noTargetPicked')}
            </p>
          )}
        </div>
      )}
      <div role="status" className="publish-panel__message">
        {message}
        {results.length > 0 && <PublishResults results={results} />}
      </div>
      <h3>{t('publishLog')}</h3>
      {log.length === 0 ? (
        <p>{t('publishLogEmpty')}</p>
      ) : (
        <table className="publish-panel__log">
          <tbody>
            {log.map((a) => (
              <tr key={a.id} data-result={a.result}>
                <td>{time.format(a.at)}</td>
                <td>{a.targetName}</td>
                <td>{t(`publishResult_${a.result}`)}</td>
                <td>
                  {a.result !== 'failed' && a.remoteUrl && <PublishedLink url={a.remoteUrl} />}
                  {a.error && <span>{a.result === 'failed' ? a.error : ` — ${a.error}`}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
