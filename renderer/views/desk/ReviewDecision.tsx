import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';
import type { WorkflowState } from './useWorkflow';

/** The decision: approve, or return with the reason the reporter will read; otherwise the state the story is in. */
export function ReviewDecision({ workflow, onDecided }: { workflow: WorkflowState; onDecided: () => void }) {
  const t = useT();
  const status = workflow.status;
  const [reason, setReason] = useState('');
  const allowed = status?.allowed ?? [];

  const decide = async (which: 'approve' | 'return') => {
    const ok = which === 'approve' ? await workflow.approve() : await workflow.sendBack(reason);
    if (ok) {
      setReason('');
      onDecided();
    }
  };

  return (
    <section className="review__decision">
      <h3>{t('reviewDecision')}</h3>
      {allowed.includes('approve') || allowed.includes('return') ? (
        <>
          {allowed.includes('approve') && (
            <button
              type="button"
              className="button button--primary"
              disabled={workflow.busy}
              onClick={() => void decide('approve')}
              data-testid="review-approve"
            >
              {t('approveArticle')}
            </button>
          )}
          {allowed.includes('return') && (
            <form
              className="workflow__ask"
              onSubmit={(e) => {
                e.preventDefault();
                void decide('return');
              }}
            >
              <label>
                {t('returnReason')}
                <textarea rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="review-return-reason" />
              </label>
              <button type="submit" className="button" disabled={workflow.busy} data-testid="review-return">
                {t('returnConfirm')}
              </button>
            </form>
          )}
        </>
      ) : (
        <p className="queue__empty">{status ? t(`state_${status.state}` as StringKey) : ''}</p>
      )}
    </section>
  );
}
