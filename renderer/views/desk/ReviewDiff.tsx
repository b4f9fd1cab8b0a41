import { useT } from '../../i18n/i18n';
import { DiffView } from './DiffView';
import type { ReviewTexts } from './review-texts';

/** The diff tab: what the reporter submitted against the story as it stands now, field by field. */
export function ReviewDiff({ before, after }: { before: ReviewTexts | null; after: ReviewTexts | null }) {
  const t = useT();
  if (!before || !after) return <p className="queue__empty">{t('notSubmittedYet')}</p>;
  return (
    <>
      <p className="review__legend">
        <del className="diff__removed">{t('diffRemoved')}</del> <ins className="diff__added">{t('diffAdded')}</ins>
      </p>
      <DiffView label={t('headline')} before={before.headline} after={after.headline} testId="diff-headline" />
      <DiffView label={t('deck')} before={before.deck} after={after.deck} testId="diff-deck" />
      <DiffView label={t('body')} before={before.body} after={after.body} testId="diff-body" />
    </>
  );
}
