import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useWorkflowContext } from './WorkflowContext';

/**
 * The open story's 휴지통 and 사본 buttons in the workflow bar: 휴지통으로 for a draft this profile may edit
 * (asked once more, inline), 되살리기 for a story in the 휴지통, 사본 만들기 for any story. The main process
 * decides; a refusal (a story ever published, someone else's draft) shows as the bar's error.
 */
export function TrashButtons() {
  const t = useT();
  const ctx = useWorkflowContext();
  const [confirming, setConfirming] = useState(false);
  if (!ctx) return null;
  const { workflow: wf, actor } = ctx;
  const status = wf.status;
  if (!actor || !status) return null;
  const mayDiscard = status.state === 'draft' && status.editable && status.discardedAt === null;

  return (
    <>
      {mayDiscard && !confirming && (
        <button type="button" className="button button--quiet" disabled={wf.busy} onClick={() => setConfirming(true)} data-testid="trash-discard">
          {t('trash_discard')}
        </button>
      )}
      {mayDiscard && confirming && (
        <span className="workflow__confirm" role="group" aria-label={t('trash_discard')} data-testid="trash-discard-confirm">
          <span>{t('trash_discardConfirm')}</span>
          <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            disabled={wf.busy}
            onClick={() => void wf.discard().finally(() => setConfirming(false))}
            data-testid="trash-discard-yes"
          >
            {t('trash_discard')}
          </button>
        </span>
      )}
      {status.discardedAt !== null && (
        <button type="button" className="button button--primary" disabled={wf.busy} onClick={() => void wf.restore()} data-testid="trash-restore">
          {t('trash_restore')}
        </button>
      )}
      <button type="button" className="button button--quiet" disabled={wf.busy} onClick={ctx.copy} data-testid="article-copy">
        {t('copy_make')}
      </button>
    </>
  );
}
