import { useCallback, useEffect, useState } from 'react';
import type { PublishAttempt, PublishTarget } from '../../../shared/contract-publish';
import type { BylineClient } from '../../client';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';

/**
 * 출고: send the approved story to a target (WordPress, HTML bundle) and see every attempt for it:
 * when, where, the result, the address or the error. Progress is the attempt under way; the main
 * process retries on its own and answers once, with the attempt it logged.
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
  const [targetId, setTargetId] = useState<number | null>(null);
  const [log, setLog] = useState<PublishAttempt[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(
    () =>
      Promise.all([client.call('publish.targets', {}), client.call('publish.log', { articleId })]).then(
        ([list, attempts]) => {
          setTargets(list);
          setTargetId((current) => current ?? list[0]?.id ?? null);
          setLog(attempts);
        },
        (err: Error) => setMessage(err.message),
      ),
    [client, articleId],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const publish = async () => {
    if (targetId === null || actorId === null || refusal) return;
    setBusy(true);
    setMessage(t('publishRunning'));
    try {
      // A withdrawn story is taken down from the target instead (draft or trash, as the target says).
      const attempt = await client.call(withdrawn ? 'publish.takedown' : 'publish.run', { articleId, targetId });
      // A success may carry a note (what the CMS could not take as it is, or a state that could not follow): shown, not hidden.
      setMessage(
        attempt.result === 'failed'
          ? (attempt.error ?? t('publishFailed'))
          : `${t(`publishResult_${attempt.result}`)}${attempt.remoteUrl ? `: ${attempt.remoteUrl}` : ''}${attempt.error ? ` — ${attempt.error}` : ''}`,
      );
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(false);
      void refresh();
    }
  };

  return (
    <section className="publish-panel" data-testid="publish-panel" aria-busy={busy}>
      <h2>{t('publishTitle')}</h2>
      {targets.length === 0 ? (
        <p>{t('publishNoTargets')}</p>
      ) : (
        <div className="publish-panel__run">
          <label>
            {t('publishTarget')}{' '}
            <select value={targetId ?? ''} onChange={(e) => setTargetId(Number(e.target.value))} disabled={busy}>
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || targetId === null || actorId === null || refusal !== null}
            aria-describedby={refusal ? 'publish-refusal' : undefined}
            onClick={() => void publish()}
          >
            {busy ? t('publishRunning') : t(withdrawn ? 'publishTakedownNow' : 'publishNow')}
          </button>
          {refusal && (
            <p className="publish-panel__refusal" id="publish-refusal" data-testid="publish-refusal">
              {refusal}
            </p>
          )}
        </div>
      )}
      {message && (
        <p className="publish-panel__message" role="status">
          {message}
        </p>
      )}
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
                <td>{a.result === 'failed' ? a.error : [a.remoteUrl, a.error].filter(Boolean).join(' — ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
