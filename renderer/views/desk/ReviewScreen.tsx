import { useEffect, useMemo, useRef, useState } from 'react';
import { fieldsOf, type Article, type ArticleFields, type RevisionSummary } from '../../../shared/article';
import { reanchor, type AnchorField, type CommentAnchor } from '../../../shared/comment-anchor';
import type { ReviewComment, WorkflowEvent } from '../../../shared/contract-workflow';
import type { Profile } from '../../../shared/profiles';
import type { BylineClient } from '../../client';
import { useArticleChanges } from '../../client/useArticleChanges';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import './desk.css';
import { HistoryList } from './HistoryList';
import { ReviewAnnotate, type Mark } from './ReviewAnnotate';
import { ReviewComments } from './ReviewComments';
import type { PlacedComment } from './placed-comment';
import { ReviewDecision } from './ReviewDecision';
import { ReviewDiff } from './ReviewDiff';
import { defaultPair, movesByVersion } from './review-pair';
import { reviewTexts } from './review-texts';
import { ReviewVersionPicker } from './ReviewVersionPicker';
import type { WorkflowState } from './useWorkflow';

interface Props {
  client: BylineClient;
  articleId: string;
  actor: Profile | null;
  workflow: WorkflowState;
  onClose: () => void;
  /** Opened from a comment's 알림: the comments first. */
  initialTab?: 'diff' | 'comment';
}

/** Everything the review screen shows, read together. */
async function readReview(client: BylineClient, id: string) {
  const [article, comments, events, revisions] = await Promise.all([
    client.call('articles.get', { id }),
    client.call('workflow.comments', { id }),
    client.call('workflow.history', { id }),
    client.call('articles.revisions', { id }),
  ]);
  return { article, comments, events, revisions };
}

/** A stored version's fields, or the story as it stands (null). */
const fieldsAt = (client: BylineClient, id: string, version: number | null, current: Article): Promise<ArticleFields> =>
  version === null || version === current.version
    ? Promise.resolve(fieldsOf(current))
    : client.call('articles.revision', { id, version }).then((r) => r.fields);

/**
 * 검토 화면: what the desk returned against what came back, or what the reporter filed against the story
 * as it stands (the desk's edits), or any two versions the desk picks, as a readable diff, comments anchored to passages and general notes, the story's history, and the
 * decision: approve, or return with the reason the reporter will read.
 */
export function ReviewScreen({ client, articleId, actor, workflow, onClose, initialTab = 'diff' }: Props) {
  const t = useT();
  const status = workflow.status;
  const [current, setCurrent] = useState<Article | null>(null);
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [picked, setPicked] = useState<{ before: number | null; after: number | null } | null>(null);
  const [sides, setSides] = useState<{ before: ArticleFields; after: ArticleFields } | null>(null);
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [events, setEvents] = useState<WorkflowEvent[]>([]);
  const [tab, setTab] = useState<'diff' | 'comment'>(initialTab);
  const [pending, setPending] = useState<CommentAnchor | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  const submittedVersion = status?.submittedVersion ?? null;
  const version = status?.version;
  // Bumped after a comment or a decision: everything shown is read again.
  const [reloads, setReloads] = useState(0);
  const reload = () => setReloads((n) => n + 1);
  // A comment, reply, 해결 or 다시 열기 from another window shows here as it happens.
  useArticleChanges(client, reload, articleId);
  useEffect(() => {
    let stale = false;
    readReview(client, articleId).then(
      (r) => {
        if (stale) return;
        setCurrent(r.article);
        setComments(r.comments);
        setEvents(r.events);
        setRevisions(r.revisions);
      },
      (err: Error) => !stale && setError(err.message),
    );
    return () => {
      stale = true;
    };
  }, [client, articleId, submittedVersion, version, reloads]);

  useEffect(() => {
    closeButton.current?.focus();
  }, []);

  const texts = useMemo(() => (current ? reviewTexts(fieldsOf(current)) : null), [current]);
  const formatTime = useNewsroomTime().format;
  const suggested = useMemo(() => defaultPair(events, submittedVersion), [events, submittedVersion]);
  const pair = picked ?? (suggested.kind === 'none' ? null : suggested);
  const moves = useMemo(() => movesByVersion(events), [events]);
  const hasPair = pair !== null;
  const pairBefore = pair?.before ?? null;
  const pairAfter = pair?.after ?? null;
  useEffect(() => {
    if (!current || !hasPair) return;
    let stale = false;
    Promise.all([fieldsAt(client, articleId, pairBefore, current), fieldsAt(client, articleId, pairAfter, current)]).then(
      ([before, after]) => !stale && setSides({ before, after }),
      (err: Error) => !stale && setError(err.message),
    );
    return () => {
      stale = true;
    };
  }, [client, articleId, current, hasPair, pairBefore, pairAfter]);
  const pick = (side: 'before' | 'after', version: number | null) => setPicked({ before: pairBefore, after: pairAfter, [side]: version });
  const versions =
    picked === null && suggested.kind === 'returned'
      ? t('review_returnedPair').replace('{returned}', String(suggested.returned)).replace('{resubmitted}', String(suggested.resubmitted))
      : picked === null && suggested.kind === 'submitted'
        ? t('review_submittedPair').replace('{submitted}', String(suggested.before))
        : picked === null
          ? t('notSubmittedYet')
          : picked.before === null
            ? t('currentVersion')
            : `v${picked.before}`;

  /** Where each comment's passage stands in the current text (moved or lost after edits). */
  const placed: PlacedComment[] = useMemo(
    () =>
      comments.map((c) => ({
        comment: c,
        place: c.anchor && texts ? reanchor(texts[c.anchor.field], c.anchor) : null,
      })),
    [comments, texts],
  );
  const marksFor = (field: AnchorField): Mark[] =>
    placed.flatMap(({ comment, place }) =>
      comment.anchor?.field === field && place && place.status !== 'lost' && !comment.resolvedAt
        ? [{ start: place.start, end: place.end, id: comment.id }]
        : [],
    );

  return (
    <div
      className="review"
      role="dialog"
      aria-modal="true"
      aria-labelledby="review-title"
      data-testid="review-screen"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header className="review__header">
        <h2 id="review-title">
          {t('reviewScreen')} <span className="review__headline">{current?.headline || t('untitled')}</span>
        </h2>
        <span className="review__versions" data-testid="review-versions">
          {versions} → {pair?.after != null ? `v${pair.after}` : `${t('currentVersion')} v${current?.version ?? '…'}`}
        </span>
        <span className="workflow__spacer" />
        <button ref={closeButton} type="button" className="button" onClick={onClose} data-testid="review-close">
          {t('close')}
        </button>
      </header>
      {(error || workflow.error) && (
        <div className="banner banner--error" role="alert">
          {error ?? workflow.error}
        </div>
      )}
      <div className="review__body">
        <div className="review__main">
          <div className="inspector__tabs" role="tablist">
            {(['diff', 'comment'] as const).map((key) => (
              <button
                key={key}
                type="button"
                role="tab"
                aria-selected={tab === key}
                className={`inspector__tab${tab === key ? ' inspector__tab--active' : ''}`}
                onClick={() => setTab(key)}
                data-testid={`review-tab-${key}`}
              >
                {t(key === 'diff' ? 'reviewDiff' : 'reviewAnnotate')}
              </button>
            ))}
          </div>
          {tab === 'diff' && (
            <>
              <ReviewVersionPicker
                revisions={revisions}
                moves={moves}
                before={pair?.before ?? null}
                after={pair?.after ?? null}
                current={current?.version}
                formatTime={formatTime}
                onPick={pick}
              />
              <ReviewDiff before={hasPair ? (sides?.before ?? null) : null} after={hasPair ? (sides?.after ?? null) : null} formatTime={formatTime} />
            </>
          )}
          {tab === 'comment' && texts && <ReviewAnnotate texts={texts} marksFor={marksFor} focused={focused} onSelect={setPending} />}
        </div>
        <aside className="review__side">
          <ReviewDecision articleId={articleId} actor={actor} workflow={workflow} onDecided={reload} />

          <ReviewComments
            client={client}
            articleId={articleId}
            actor={actor}
            version={current?.version}
            workflow={workflow}
            placed={placed}
            pending={pending}
            onCancelPending={() => setPending(null)}
            onFocus={setFocused}
            onChanged={reload}
            onError={setError}
          />

          <section>
            <h3>{t('workflowHistory')}</h3>
            <HistoryList events={events} />
          </section>
        </aside>
      </div>
    </div>
  );
}
