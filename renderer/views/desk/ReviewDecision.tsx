import { useEffect, useRef, useState } from 'react';
import type { Profile } from '../../../shared/profiles';
import { useT } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';
import { REVIEW_KEYS, reviewKeyMove, type ReviewKeyMove } from './review-keys';
import { sectionRefusal } from './section-refusal';
import type { WorkflowState } from './useWorkflow';

interface Props {
  /** The story this review screen shows: a decision is made only while the workflow answers for it. */
  articleId: string;
  actor: Profile | null;
  workflow: WorkflowState;
  onDecided: () => void;
}

/**
 * The decision, from the review screen itself: 검토 시작, 승인, or 반려 with the reason the reporter will
 * read, each with its key (S, A, R) shown on the button; otherwise the state the story is in, and why a
 * desk outside its section has no move.
 */
export function ReviewDecision({ articleId, actor, workflow, onDecided }: Props) {
  const t = useT();
  // The workflow follows whichever story is open; a status for another story must not decide for this one.
  const status = workflow.status?.articleId === articleId ? workflow.status : null;
  const [reason, setReason] = useState('');
  const [asked, setAsked] = useState(false);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const allowed = status?.allowed ?? [];
  const notMine = sectionRefusal(actor, status);

  const decide = async (which: ReviewKeyMove) => {
    if (workflow.busy || workflow.status?.articleId !== articleId) return;
    const ok = which === 'start_review' ? await workflow.startReview() : which === 'approve' ? await workflow.approve() : await workflow.sendBack(reason);
    if (ok) {
      setReason('');
      setAsked(false);
      onDecided();
    }
  };

  // The listener is added once; what a key does is read from the latest render.
  const keyRef = useRef<(e: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    keyRef.current = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const move = reviewKeyMove(e, allowed);
      if (!move || workflow.busy) return;
      e.preventDefault();
      // R opens the reason: a return is never sent without one.
      if (move === 'return') {
        setAsked(true);
        reasonBox.current?.focus();
      } else void decide(move);
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keyRef.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const keyed = (move: ReviewKeyMove, label: StringKey) => (
    <>
      <kbd className="review__key" aria-hidden="true">
        {REVIEW_KEYS[move]}
      </kbd>{' '}
      {t(label)}
    </>
  );

  const any = allowed.includes('start_review') || allowed.includes('approve') || allowed.includes('return');
  return (
    <section className="review__decision" data-testid="review-decision">
      <h3>{t('reviewDecision')}</h3>
      {any ? (
        <>
          <div className="review__decide">
            {allowed.includes('start_review') && (
              <button
                type="button"
                className="button button--primary"
                disabled={workflow.busy}
                aria-keyshortcuts={REVIEW_KEYS.start_review}
                onClick={() => void decide('start_review')}
                data-testid="review-start"
              >
                {keyed('start_review', 'startReview')}
              </button>
            )}
            {allowed.includes('approve') && (
              <button
                type="button"
                className="button button--primary"
                disabled={workflow.busy}
                aria-keyshortcuts={REVIEW_KEYS.approve}
                onClick={() => void decide('approve')}
                data-testid="review-approve"
              >
                {keyed('approve', 'approveArticle')}
              </button>
            )}
          </div>
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
                <textarea
                  ref={reasonBox}
                  rows={3}
                  maxLength={2000}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
                      e.preventDefault();
                      void decide('return');
                    }
                  }}
                  aria-describedby={asked ? 'review-reason-needed' : undefined}
                  data-testid="review-return-reason"
                />
              </label>
              {asked && reason.trim() === '' && (
                <p className="workflow__hint" id="review-reason-needed" role="status">
                  {t('deskFlow_returnReasonNeeded')}
                </p>
              )}
              <button type="submit" className="button" disabled={workflow.busy} aria-keyshortcuts={REVIEW_KEYS.return} data-testid="review-return">
                {keyed('return', 'returnConfirm')}
              </button>
            </form>
          )}
          <p className="review__key-hint">{t('deskFlow_keyHint')}</p>
        </>
      ) : (
        <p className="queue__empty" data-testid="review-state">
          {status ? t(`state_${status.state}` as StringKey) : ''}
        </p>
      )}
      {notMine && (
        <p className="workflow__hint" data-testid="review-section-refusal">
          {t('sectionNotMine')
            .replace('{section}', notMine.section || t('noSection'))
            .replace('{mine}', notMine.mine || t('noSection'))}
        </p>
      )}
    </section>
  );
}
