import { useState } from 'react';
import type { ReviewComment } from '../../../shared/contract-workflow';
import type { Profile } from '../../../shared/profiles';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import type { StringKey } from '../../i18n/strings';
import { MentionText } from './MentionText';
import { MentionTextarea, type MentionPerson } from './MentionTextarea';
import type { PlacedComment } from './placed-comment';

interface Props {
  thread: PlacedComment;
  replies: readonly ReviewComment[];
  actor: Profile | null;
  people: readonly MentionPerson[];
  onFocus: (commentId: number | null) => void;
  /** Resolves to whether the reply was stored (the box empties only then). */
  onReply: (commentId: number, body: string) => Promise<boolean>;
  onResolve: (commentId: number) => void;
  onReopen: (commentId: number) => void;
}

function Meta({ c }: { c: ReviewComment }) {
  const t = useT();
  const when = useNewsroomTime().format;
  return (
    <div className="history__meta">
      {c.author.name} {t(`role_${c.author.role}` as StringKey)} · {when(c.createdAt)} · v{c.version}
    </div>
  );
}

/** One comment as a conversation: the comment, its replies underneath, a 답글 box, and 해결 or 다시 열기 for the whole thread. */
export function CommentThread({ thread, replies, actor, people, onFocus, onReply, onResolve, onReopen }: Props) {
  const t = useT();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const { comment: c, place } = thread;
  const resolved = c.resolvedAt !== null;

  return (
    <li
      className={`comment thread${resolved ? ' thread--resolved' : ''}`}
      onMouseEnter={() => onFocus(c.id)}
      onMouseLeave={() => onFocus(null)}
      data-testid="review-comment"
      data-resolved={resolved}
    >
      <Meta c={c} />
      {c.anchor && (
        <blockquote className="comment__quote">
          {c.anchor.quote}
          {place?.status === 'moved' && <span className="comment__place"> ({t('anchorMoved')})</span>}
          {place?.status === 'lost' && <span className="comment__place"> ({t('anchorLost')})</span>}
        </blockquote>
      )}
      <p className="comment__body">
        <MentionText body={c.body} mentions={c.mentions} people={people} />
      </p>
      {replies.length > 0 && (
        <ul className="thread__replies" aria-label={t('threads_replies').replace('{n}', String(replies.length))}>
          {replies.map((r) => (
            <li key={r.id} data-testid="review-reply">
              <Meta c={r} />
              <p className="comment__body">
                <MentionText body={r.body} mentions={r.mentions} people={people} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <div className="thread__actions">
        {resolved && (
          <span className="history__meta" data-testid="thread-resolved">
            {t('resolvedBy')} {c.resolvedBy?.name}
          </span>
        )}
        {!resolved && c.reopenedBy && (
          <span className="history__meta">
            {t('threads_reopenedBy')} {c.reopenedBy.name}
          </span>
        )}
        {actor && !replying && (
          <button type="button" className="button button--quiet button--small" onClick={() => setReplying(true)} data-testid="thread-reply">
            {t('threads_reply')}
          </button>
        )}
        {actor &&
          (resolved ? (
            <button type="button" className="button button--quiet button--small" onClick={() => onReopen(c.id)} data-testid="thread-reopen">
              {t('threads_reopen')}
            </button>
          ) : (
            <button type="button" className="button button--quiet button--small" onClick={() => onResolve(c.id)} data-testid="thread-resolve">
              {t('resolve')}
            </button>
          ))}
      </div>
      {actor && replying && (
        <form
          className="thread__reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            void onReply(c.id, text).then((ok) => {
              if (!ok) return;
              setText('');
              setReplying(false);
            });
          }}
        >
          <MentionTextarea value={text} onChange={setText} people={people} label={t('threads_replyLabel')} testId="thread-reply-text" />
          <div className="banner__actions">
            <button type="button" className="button button--small" onClick={() => setReplying(false)}>
              {t('cancel')}
            </button>
            <button type="submit" className="button button--primary button--small" data-testid="thread-reply-post">
              {t('threads_replyPost')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
