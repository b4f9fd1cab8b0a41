import { useEffect, useRef, useState } from 'react';
import type { Article } from '../../../shared/article';
import { PRIORITY_LABEL_KO } from '../../../shared/workflow';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import type { StringKey } from '../../i18n/strings';
import './desk.css';
import { sectionRefusal } from './section-refusal';
import { TrashButtons } from './TrashButtons';
import { useWorkflowContext } from './WorkflowContext';
import { DuplicateFinding } from '../duplicates/DuplicateFinding';

type Ask = 'return' | 'correct' | 'withdraw';

/** Where a near-duplicate in the archive is worth saying: before 송고 and while the desk has the story. */
const CHECKED_STATES = new Set(['draft', 'returned', 'submitted', 'in_review']);

const ASK_LABEL: Record<Ask, { label: StringKey; confirm: StringKey }> = {
  return: { label: 'returnReason', confirm: 'returnConfirm' },
  correct: { label: 'correctionNote', confirm: 'correctConfirm' },
  withdraw: { label: 'withdrawReason', confirm: 'withdrawConfirm' },
};

/**
 * The story screen's workflow bar: where the story stands (state, reporter, lock holder, embargo), the
 * reason it came back, the fields a submission still lacks, and the moves this profile may make now.
 * Ctrl+Enter submits (DESIGN.md). Mounted by the story screen; everything else comes from App.
 */
export function WorkflowBar({ article }: { article: Article }) {
  const t = useT();
  const when = useNewsroomTime().format;
  const ctx = useWorkflowContext();
  const [asking, setAsking] = useState<Ask | null>(null);
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const wf = ctx?.workflow;
  const status = wf?.status ?? null;
  const actor = ctx?.actor ?? null;

  // Ctrl+Enter: submit from the story screen, or confirm the reason being written.
  const keyRef = useRef<(e: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    keyRef.current = (e: KeyboardEvent) => {
      if (!ctx || !wf || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key !== 'Enter' || e.isComposing) return;
      if (document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      e.stopPropagation();
      if (asking) void confirmAsk();
      else if (!actor) ctx.openProfilePicker();
      else if (status?.allowed.includes('submit') && !wf.busy) void wf.submit();
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keyRef.current(e);
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    if (asking) noteRef.current?.focus();
  }, [asking]);

  if (!ctx || !wf) return null;
  const state = status?.state ?? article.state;
  const allowed = status?.allowed ?? [];

  async function confirmAsk() {
    if (!asking || !wf) return;
    const text = note;
    const done = asking === 'return' ? await wf.sendBack(text) : asking === 'correct' ? await wf.correct(text) : await wf.withdraw(text);
    if (done) {
      setAsking(null);
      setNote('');
    }
  }

  const ask = (which: Ask) => {
    setAsking(which);
    setNote('');
    wf.dismiss();
  };

  const mayPrioritise = actor !== null && status !== null && (allowed.includes('submit') || actor.role !== 'reporter');
  const notMine = sectionRefusal(actor, status);
  const embargoHolds = status?.embargoAt ? new Date(status.embargoAt).getTime() > Date.now() : false;

  return (
    <section className="workflow" aria-label={t('workflow')} data-testid="workflow-bar">
      <div className="workflow__row">
        <span className={`state-badge state-badge--${state}`} data-testid="workflow-state">
          {t(`state_${state}` as StringKey)}
        </span>
        {status?.owner && (
          <span className="workflow__fact">
            {t('owner')} {status.owner.name}
          </span>
        )}
        {status?.lock && (
          <span className="workflow__lock" data-testid="lock-holder">
            {t('lockedBy')} {status.lock.holder.name} {t(`role_${status.lock.holder.role}` as StringKey)}
          </span>
        )}
        {status?.embargoAt && (
          <span className={`embargo-badge${embargoHolds ? ' embargo-badge--holding' : ''}`}>
            {t('embargo')} {when(status.embargoAt)}
          </span>
        )}
        {mayPrioritise ? (
          <label className="workflow__priority">
            {t('priority')}
            <select value={status.priority} disabled={wf.busy} onChange={(e) => void wf.setPriority(Number(e.target.value))} data-testid="workflow-priority">
              {PRIORITY_LABEL_KO.map((label, i) => (
                <option key={label} value={i}>
                  {t(`priority_${i}` as StringKey)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          status !== null &&
          status.priority > 0 && <span className={`priority-badge priority-badge--${status.priority}`}>{t(`priority_${status.priority}` as StringKey)}</span>
        )}
        <span className="workflow__spacer" />
        {allowed.includes('submit') && (
          <button
            type="button"
            className="button button--primary"
            disabled={wf.busy}
            onClick={() => void wf.submit()}
            data-testid="workflow-submit"
            title="Ctrl+Enter"
          >
            {t('submitArticle')}
          </button>
        )}
        {allowed.includes('recall') && (
          <button type="button" className="button" disabled={wf.busy} onClick={() => void wf.recall()} data-testid="workflow-recall">
            {t('trash_recall')}
          </button>
        )}
        {allowed.includes('reopen') && (
          <button type="button" className="button" disabled={wf.busy} onClick={() => void wf.reopen()} data-testid="workflow-reopen">
            {t('reopenArticle')}
          </button>
        )}
        {allowed.includes('start_review') && (
          <button type="button" className="button button--primary" disabled={wf.busy} onClick={() => void wf.startReview()} data-testid="workflow-start-review">
            {t('startReview')}
          </button>
        )}
        {allowed.includes('approve') && (
          <button type="button" className="button button--primary" disabled={wf.busy} onClick={() => void wf.approve()} data-testid="workflow-approve">
            {t('approveArticle')}
          </button>
        )}
        {allowed.includes('return') && (
          <button type="button" className="button" disabled={wf.busy} onClick={() => ask('return')} data-testid="workflow-return">
            {t('returnArticle')}
          </button>
        )}
        {allowed.includes('correct') && (
          <button type="button" className="button" disabled={wf.busy} onClick={() => ask('correct')} data-testid="workflow-correct">
            {t('correctArticle')}
          </button>
        )}
        {allowed.includes('withdraw') && (
          <button type="button" className="button button--danger" disabled={wf.busy} onClick={() => ask('withdraw')} data-testid="workflow-withdraw">
            {t('withdrawArticle')}
          </button>
        )}
        {status?.canTakeLock && (
          <button type="button" className="button" disabled={wf.busy} onClick={() => void wf.takeLock()} data-testid="workflow-take-lock">
            {t('takeLock')}
          </button>
        )}
        <TrashButtons />
        {actor && status && (status.submittedVersion !== null || status.openComments > 0) && (
          <button type="button" className="button" onClick={ctx.openReview} data-testid="workflow-review">
            {t('reviewScreen')}
            {status.openComments > 0 && <span className="count-badge">{status.openComments}</span>}
          </button>
        )}
      </div>

      {notMine && (
        <p className="workflow__hint" data-testid="section-refusal">
          {t('sectionNotMine')
            .replace('{section}', notMine.section || t('noSection'))
            .replace('{mine}', notMine.mine || t('noSection'))}
        </p>
      )}
      {!actor && (
        <p className="workflow__hint">
          {t('pickProfileToAct')}{' '}
          <button type="button" className="button button--small" onClick={ctx.openProfilePicker}>
            {t('profilePick')}
          </button>
        </p>
      )}
      {status && !status.editable && status.editRefusal && (
        <p className="workflow__readonly" data-testid="edit-refusal">
          {status.editRefusal}
        </p>
      )}
      {status?.returned && (
        <div className="banner banner--returned" role="status" data-testid="return-reason">
          <strong>
            {t('returnedBy')} {status.returned.by.name} · {when(status.returned.at)}
          </strong>
          <p className="banner__text">{status.returned.reason}</p>
        </div>
      )}
      {wf.problems && (
        <div
          className={`banner ${wf.problems.some((p) => p.severity === 'error') ? 'banner--error' : 'banner--info'}`}
          role="alert"
          data-testid="submit-problems"
        >
          <strong>{wf.problems.some((p) => p.severity === 'error') ? t('submitProblems') : t('submitWarnings')}</strong>
          <ul className="problems">
            {wf.problems.map((p, i) => (
              <li key={`${p.field}:${p.label}:${i}`} className={`problems__item problems__item--${p.severity}`} data-field={p.field}>
                <strong>{p.label}</strong> {p.message}
              </li>
            ))}
          </ul>
          <button type="button" className="button button--quiet button--small" onClick={wf.dismiss}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {CHECKED_STATES.has(state) && <DuplicateFinding client={ctx.client} articleId={article.id} version={article.version} onOpen={ctx.openArticle} />}
      {wf.error && (
        <div className="banner banner--error" role="alert" data-testid="workflow-error">
          {wf.error}
          <button type="button" className="button button--quiet button--small" onClick={wf.dismiss}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {asking && (
        <form
          className="workflow__ask"
          onSubmit={(e) => {
            e.preventDefault();
            void confirmAsk();
          }}
          data-testid="workflow-ask"
        >
          <label>
            {t(ASK_LABEL[asking].label)}
            <textarea ref={noteRef} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="workflow-note" />
          </label>
          <div className="banner__actions">
            <button type="button" className="button" onClick={() => setAsking(null)}>
              {t('cancel')}
            </button>
            <button
              type="submit"
              className={`button ${asking === 'withdraw' ? 'button--danger' : 'button--primary'}`}
              disabled={wf.busy}
              data-testid="workflow-confirm"
            >
              {t(ASK_LABEL[asking].confirm)}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
