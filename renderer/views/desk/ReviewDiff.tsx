import { useMemo } from 'react';
import type { ArticleFields } from '../../../shared/article';
import { useT } from '../../i18n/i18n';
import { DiffView } from './DiffView';
import { changedFields, reviewFields } from './review-fields';
import { reviewTexts } from './review-texts';

/**
 * The diff tab: two versions field by field — headline, deck and body always, then whatever else
 * changed (section, 기사 유형, 뉴스출처, tags, embargo, bylines, dateline, each photo's caption, credit
 * and alt text), or one line saying nothing else did.
 */
export function ReviewDiff({ before, after, formatTime }: { before: ArticleFields | null; after: ArticleFields | null; formatTime: (iso: string) => string }) {
  const t = useT();
  const others = useMemo(
    () => (before && after ? changedFields(reviewFields(before, t, formatTime), reviewFields(after, t, formatTime), t('review_photoGone')) : []),
    [before, after, t, formatTime],
  );
  if (!before || !after) return <p className="queue__empty">{t('notSubmittedYet')}</p>;
  const a = reviewTexts(before);
  const b = reviewTexts(after);
  return (
    <>
      <p className="review__legend">
        <del className="diff__removed">{t('diffRemoved')}</del> <ins className="diff__added">{t('diffAdded')}</ins>
      </p>
      <DiffView label={t('headline')} before={a.headline} after={b.headline} testId="diff-headline" />
      <DiffView label={t('deck')} before={a.deck} after={b.deck} testId="diff-deck" />
      <DiffView label={t('body')} before={a.body} after={b.body} testId="diff-body" />
      <h3 className="diff__group">{t('review_otherFields')}</h3>
      {others.length === 0 ? (
        <p className="diff__unchanged" data-testid="diff-others-unchanged">
          {t('review_otherUnchanged')}
        </p>
      ) : (
        others.map((f) => <DiffView key={f.key} label={f.label} before={f.before} after={f.after} testId={`diff-${f.key.split(':')[0]}`} />)
      )}
    </>
  );
}
