import type { PublishAttempt } from '../../../shared/contract-publish';
import { useT } from '../../i18n/i18n';
import { PublishedLink } from './PublishedLink';

/** One target's answer to a 출고: its attempt, or the refusal that came instead of one. */
export interface TargetResult {
  targetId: number;
  name: string;
  attempt: PublishAttempt | null;
  error: string | null;
}

/** Each target's result of the last 출고: 성공 with the address as a link, or 실패 with the reason. */
export function PublishResults({ results }: { results: readonly TargetResult[] }) {
  const t = useT();
  return (
    <ul className="publish-results" data-testid="publish-results">
      {results.map((r) => {
        const ok = r.attempt !== null && r.attempt.result !== 'failed';
        const reason = r.attempt?.error ?? r.error;
        return (
          <li key={r.targetId} className={`publish-results__item publish-results__item--${ok ? 'ok' : 'failed'}`} data-testid="publish-result" data-ok={ok}>
            <strong>{r.name}</strong> {ok ? t('deskFlow_success') : t('deskFlow_failure')}
            {r.attempt && ok && <> ({t(`publishResult_${r.attempt.result}`)})</>}
            {ok && r.attempt?.remoteUrl && (
              <>
                {' '}
                <PublishedLink url={r.attempt.remoteUrl} />
              </>
            )}
            {/* A success may carry a note (what the CMS could not take as it is): shown, not hidden. */}
            {reason && <span className="publish-results__reason"> — {reason}</span>}
          </li>
        );
      })}
    </ul>
  );
}
