import type { RevisionSummary } from '../../../shared/article';
import type { WorkflowEvent } from '../../../shared/contract-workflow';
import { useT } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';

const MOVE_WORD: Partial<Record<WorkflowEvent['action'], StringKey>> = {
  submit: 'review_moveSubmit',
  return: 'review_moveReturn',
  approve: 'review_moveApprove',
  start_review: 'review_moveStartReview',
};

interface Props {
  revisions: RevisionSummary[];
  moves: Map<number, WorkflowEvent['action'][]>;
  before: number | null;
  after: number | null;
  current: number | undefined;
  formatTime: (iso: string) => string;
  onPick: (side: 'before' | 'after', version: number | null) => void;
}

/** Any two versions from 저장 기록, each named by its time and the moves made at it (v5 · 반려). */
export function ReviewVersionPicker({ revisions, moves, before, after, current, formatTime, onPick }: Props) {
  const t = useT();
  const name = (r: RevisionSummary) => {
    const made = (moves.get(r.version) ?? []).flatMap((a) => (MOVE_WORD[a] ? [t(MOVE_WORD[a])] : []));
    const base = t('review_version').replace('{version}', String(r.version)).replace('{time}', formatTime(r.savedAt));
    return made.length ? `${base} · ${made.join(', ')}` : base;
  };
  const newestFirst = [...revisions].sort((a, b) => b.version - a.version);
  const select = (side: 'before' | 'after', value: number | null) => (
    <label className="review__pick">
      {t(side === 'before' ? 'review_before' : 'review_after')}
      <select
        value={value === null ? 'current' : String(value)}
        onChange={(e) => onPick(side, e.target.value === 'current' ? null : Number(e.target.value))}
        data-testid={`review-pick-${side}`}
      >
        <option value="current">{t('review_current').replace('{version}', String(current ?? '…'))}</option>
        {newestFirst.map((r) => (
          <option key={r.version} value={String(r.version)}>
            {name(r)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="review__picker">
      {select('before', before)}
      {select('after', after)}
      {(before ?? current) === (after ?? current) && <p className="review__same">{t('review_samePicked')}</p>}
    </div>
  );
}
