import { useState } from 'react';
import type { CommentAnchor, Reanchored } from '../../../shared/comment-anchor';
import type { ReviewComment } from '../../../shared/contract-workflow';
import type { Profile } from '../../../shared/profiles';
import type { BylineClient } from '../../client';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import type { StringKey } from '../../i18n/strings';
import type { WorkflowState } from './useWorkflow';

/** A comment with where its passage stands in the current text (moved or lost after edits). */
export type PlacedComment = { comment: ReviewComment; place: Reanchored | null };

interface Props {
  client: BylineClient;
  articleId: string;
  actor: Profile | null;
  /** The version the comments are made on; none until the story is read. */
  version: number | undefined;
  workflow: WorkflowState;
  placed: readonly PlacedComment[];
  /** The selected passage waiting for its comment. */
  pending: CommentAnchor | null;
  onCancelPending: () => void;
  onFocus: (commentId: number | null) => void;
  /** A comment was posted or resolved: everything shown is read again. */
  onChanged: () => void;
  onError: (message: string | null) => void;
}

/** The comments: the anchored comment form, every comment with its passage, and general notes. */
export function ReviewComments({ client, articleId, actor, version, workflow, placed, pending, onCancelPending, onFocus, onChanged, onError }: Props) {
  const t = useT();
  const when = useNewsroomTime().format;
  const [commentText, setCommentText] = useState('');
  const [generalText, setGeneralText] = useState('');

  // Every newly selected passage starts with an empty comment (state adjusted while rendering, as React advises).
  const [textFor, setTextFor] = useState(pending);
  if (textFor !== pending) {
    setTextFor(pending);
    setCommentText('');
  }

  const post = async (anchor: CommentAnchor | null, body: string) => {
    if (!actor || version === undefined) return false;
    try {
      await client.call('workflow.comment', { id: articleId, version, body, ...(anchor ? { anchor } : {}) });
      onChanged();
      await workflow.refresh();
      onError(null);
      return true;
    } catch (err) {
      onError((err as Error).message);
      return false;
    }
  };

  const resolve = async (id: number) => {
    if (!actor) return;
    try {
      await client.call('workflow.resolveComment', { commentId: id });
      onChanged();
      await workflow.refresh();
    } catch (err) {
      onError((err as Error).message);
    }
  };

  return (
    <section className="review__comments" data-testid="review-comments">
      <h3>{t('comments')}</h3>
      {pending && (
        <form
          className="workflow__ask"
          onSubmit={(e) => {
            e.preventDefault();
            void post(pending, commentText).then((ok) => ok && onCancelPending());
          }}
          data-testid="anchored-comment-form"
        >
          <blockquote className="comment__quote">{pending.quote}</blockquote>
          <textarea
            rows={2}
            maxLength={2000}
            value={commentText}
            onChange={(e) => setCommentText(e.target.value)}
            aria-label={t('commentOnPassage')}
            data-testid="anchored-comment-text"
          />
          <div className="banner__actions">
            <button type="button" className="button button--small" onClick={onCancelPending}>
              {t('cancel')}
            </button>
            <button type="submit" className="button button--primary button--small" data-testid="anchored-comment-post">
              {t('commentPost')}
            </button>
          </div>
        </form>
      )}
      <ul className="comments">
        {placed.map(({ comment: c, place }) => (
          <li
            key={c.id}
            className={`comment${c.resolvedAt ? ' comment--resolved' : ''}`}
            onMouseEnter={() => onFocus(c.id)}
            onMouseLeave={() => onFocus(null)}
            data-testid="review-comment"
          >
            <div className="history__meta">
              {c.author.name} {t(`role_${c.author.role}` as StringKey)} · {when(c.createdAt)} · v{c.version}
            </div>
            {c.anchor && (
              <blockquote className="comment__quote">
                {c.anchor.quote}
                {place?.status === 'moved' && <span className="comment__place"> ({t('anchorMoved')})</span>}
                {place?.status === 'lost' && <span className="comment__place"> ({t('anchorLost')})</span>}
              </blockquote>
            )}
            <p className="comment__body">{c.body}</p>
            {c.resolvedAt ? (
              <span className="history__meta">
                {t('resolvedBy')} {c.resolvedBy?.name}
              </span>
            ) : (
              actor && (
                <button type="button" className="button button--quiet button--small" onClick={() => void resolve(c.id)}>
                  {t('resolve')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {actor && (
        <form
          className="workflow__ask"
          onSubmit={(e) => {
            e.preventDefault();
            void post(null, generalText).then((ok) => ok && setGeneralText(''));
          }}
        >
          <label>
            {t('generalNote')}
            <textarea rows={2} maxLength={2000} value={generalText} onChange={(e) => setGeneralText(e.target.value)} data-testid="general-comment-text" />
          </label>
          <button type="submit" className="button button--small" data-testid="general-comment-post">
            {t('commentPost')}
          </button>
        </form>
      )}
    </section>
  );
}
