import { useEffect, useId, useState } from 'react';
import type { CommentAnchor } from '../../../shared/comment-anchor';
import type { Profile } from '../../../shared/profiles';
import type { BylineClient } from '../../client';
import { useT } from '../../i18n/i18n';
import { CommentThread } from './CommentThread';
import type { PlacedComment } from './placed-comment';
import { MentionTextarea, type MentionPerson } from './MentionTextarea';
import type { WorkflowState } from './useWorkflow';

/** A comment with where its passage stands in the current text (moved or lost after edits). */

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
  /** A comment was posted, answered, resolved or reopened: everything shown is read again. */
  onChanged: () => void;
  onError: (message: string | null) => void;
}

/** The newsroom's people, as @ may name them (the same list the profile picker shows). */
function usePeople(client: BylineClient): MentionPerson[] {
  const [people, setPeople] = useState<MentionPerson[]>([]);
  useEffect(() => {
    let stale = false;
    client.call('profiles.list', {}).then(
      (list) => !stale && setPeople(list.map((p) => ({ id: p.id, name: p.name, role: p.role }))),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [client]);
  return people;
}

/** The comments: the anchored comment form, every comment as a thread with its replies, and general notes. */
export function ReviewComments({ client, articleId, actor, version, workflow, placed, pending, onCancelPending, onFocus, onChanged, onError }: Props) {
  const t = useT();
  const people = usePeople(client);
  const generalId = useId();
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

  /** A thread's change (reply, 해결, 다시 열기): true when it was stored. */
  const change = async (work: () => Promise<unknown>): Promise<boolean> => {
    if (!actor) return false;
    try {
      await work();
      onChanged();
      await workflow.refresh();
      onError(null);
      return true;
    } catch (err) {
      onError((err as Error).message);
      return false;
    }
  };
  const reply = (commentId: number, body: string) => change(() => client.call('workflow.reply', { commentId, body }));
  const resolve = (commentId: number) => void change(() => client.call('workflow.resolveComment', { commentId }));
  const reopen = (commentId: number) => void change(() => client.call('workflow.reopenComment', { commentId }));

  const threads = placed.filter((p) => p.comment.parentId === null);
  const repliesTo = (id: number) => placed.filter((p) => p.comment.parentId === id).map((p) => p.comment);

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
          <MentionTextarea value={commentText} onChange={setCommentText} people={people} label={t('commentOnPassage')} testId="anchored-comment-text" />
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
        {threads.map((thread) => (
          <CommentThread
            key={thread.comment.id}
            thread={thread}
            replies={repliesTo(thread.comment.id)}
            actor={actor}
            people={people}
            onFocus={onFocus}
            onReply={reply}
            onResolve={resolve}
            onReopen={reopen}
          />
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
          <label htmlFor={generalId}>{t('generalNote')}</label>
          <MentionTextarea id={generalId} value={generalText} onChange={setGeneralText} people={people} testId="general-comment-text" />
          <button type="submit" className="button button--small" data-testid="general-comment-post">
            {t('commentPost')}
          </button>
        </form>
      )}
    </section>
  );
}
