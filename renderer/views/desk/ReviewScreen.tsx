import { useEffect, useMemo, useRef, useState } from 'react';
import { fieldsOf, type Article, type ArticleFields } from '../../../shared/article';
import { anchorText, reanchor, type AnchorField, type CommentAnchor } from '../../../shared/comment-anchor';
import type { ReviewComment, WorkflowEvent } from '../../../shared/contract-workflow';
import type { Profile } from '../../../shared/profiles';
import type { BylineClient } from '../../client';
import { useLocale, useT } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';
import './desk.css';
import { DiffView } from './DiffView';
import { HistoryList } from './HistoryList';
import type { WorkflowState } from './useWorkflow';
import { formatTime } from './WorkflowBar';

interface Props {
  client: BylineClient;
  articleId: string;
  actor: Profile | null;
  workflow: WorkflowState;
  onClose: () => void;
}

type Mark = { start: number; end: number; id: number };

/** Text with the commented passages marked, as plain spans so that offsets of a selection count characters of the text. */
function MarkedText({ text, marks, focused }: { text: string; marks: readonly Mark[]; focused: number | null }) {
  const parts: Array<{ text: string; mark?: number }> = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue; // overlapping passages: the earlier one is marked
    if (m.start > at) parts.push({ text: text.slice(at, m.start) });
    parts.push({ text: text.slice(m.start, m.end), mark: m.id });
    at = m.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return (
    <>
      {parts.map((p, i) =>
        p.mark === undefined ? (
          <span key={i}>{p.text}</span>
        ) : (
          <mark key={i} className={`anchor-mark${focused === p.mark ? ' anchor-mark--focused' : ''}`} data-comment={p.mark}>
            {p.text}
          </mark>
        ),
      )}
    </>
  );
}

/** Characters of `root`'s text before the point (node, offset): how a DOM selection becomes an anchor's offsets. */
function offsetIn(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Everything the review screen shows, read together. */
async function readReview(client: BylineClient, id: string, submittedVersion: number | null) {
  const [article, comments, events, submitted] = await Promise.all([
    client.call('articles.get', { id }),
    client.call('workflow.comments', { id }),
    client.call('workflow.history', { id }),
    submittedVersion === null ? Promise.resolve(null) : client.call('articles.revision', { id, version: submittedVersion }).then((r) => r.fields),
  ]);
  return { article, comments, events, submitted };
}

/**
 * 검토 화면: what the reporter submitted against the story as it stands now (the desk's edits) as a
 * readable diff, comments anchored to passages and general notes, the story's history, and the
 * decision: approve, or return with the reason the reporter will read.
 */
export function ReviewScreen({ client, articleId, actor, workflow, onClose }: Props) {
  const t = useT();
  const locale = useLocale();
  const status = workflow.status;
  const [current, setCurrent] = useState<Article | null>(null);
  const [submitted, setSubmitted] = useState<ArticleFields | null>(null);
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [events, setEvents] = useState<WorkflowEvent[]>([]);
  const [tab, setTab] = useState<'diff' | 'comment'>('diff');
  const [pending, setPending] = useState<CommentAnchor | null>(null);
  const [commentText, setCommentText] = useState('');
  const [generalText, setGeneralText] = useState('');
  const [reason, setReason] = useState('');
  const [focused, setFocused] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panes = useRef<Partial<Record<AnchorField, HTMLElement | null>>>({});
  const closeButton = useRef<HTMLButtonElement>(null);

  const submittedVersion = status?.submittedVersion ?? null;
  const version = status?.version;
  // Bumped after a comment or a decision: everything shown is read again.
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let stale = false;
    readReview(client, articleId, submittedVersion).then(
      (r) => {
        if (stale) return;
        setCurrent(r.article);
        setComments(r.comments);
        setEvents(r.events);
        setSubmitted(r.submitted);
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

  const texts = useMemo(() => {
    if (!current) return null;
    const f = fieldsOf(current);
    return { headline: anchorText(f, 'headline'), deck: anchorText(f, 'deck'), body: anchorText(f, 'body') };
  }, [current]);
  const before = submitted ? { headline: anchorText(submitted, 'headline'), deck: anchorText(submitted, 'deck'), body: anchorText(submitted, 'body') } : null;

  /** Where each comment's passage stands in the current text (moved or lost after edits). */
  const placed = useMemo(
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

  const takeSelection = () => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !texts) return;
    const range = sel.getRangeAt(0);
    for (const field of ['headline', 'deck', 'body'] as const) {
      const root = panes.current[field];
      if (!root || !root.contains(range.startContainer) || !root.contains(range.endContainer)) continue;
      const start = offsetIn(root, range.startContainer, range.startOffset);
      const end = offsetIn(root, range.endContainer, range.endOffset);
      const quote = texts[field].slice(start, end);
      if (quote.trim() === '' || end <= start) return;
      setPending({ field, start, end, quote: quote.slice(0, 1000) });
      setCommentText('');
      return;
    }
  };

  const post = async (anchor: CommentAnchor | null, body: string) => {
    if (!actor || !current) return false;
    try {
      await client.call('workflow.comment', { id: articleId, actorId: actor.id, version: current.version, body, ...(anchor ? { anchor } : {}) });
      setReloads((n) => n + 1);
      await workflow.refresh();
      setError(null);
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  };

  const resolve = async (id: number) => {
    if (!actor) return;
    try {
      await client.call('workflow.resolveComment', { commentId: id, actorId: actor.id });
      setReloads((n) => n + 1);
      await workflow.refresh();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const decide = async (which: 'approve' | 'return') => {
    const ok = which === 'approve' ? await workflow.approve() : await workflow.sendBack(reason);
    if (ok) {
      setReason('');
      setReloads((n) => n + 1);
    }
  };

  const allowed = status?.allowed ?? [];
  const fieldLabel: Record<AnchorField, StringKey> = { headline: 'headline', deck: 'deck', body: 'body' };

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
        <span className="review__versions">
          {submittedVersion !== null ? `${t('submittedVersion')} v${submittedVersion}` : t('notSubmittedYet')} → {t('currentVersion')} v
          {current?.version ?? '…'}
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
          {tab === 'diff' &&
            (before && texts ? (
              <>
                <p className="review__legend">
                  <del className="diff__removed">{t('diffRemoved')}</del> <ins className="diff__added">{t('diffAdded')}</ins>
                </p>
                <DiffView label={t('headline')} before={before.headline} after={texts.headline} testId="diff-headline" />
                <DiffView label={t('deck')} before={before.deck} after={texts.deck} testId="diff-deck" />
                <DiffView label={t('body')} before={before.body} after={texts.body} testId="diff-body" />
              </>
            ) : (
              <p className="queue__empty">{t('notSubmittedYet')}</p>
            ))}
          {tab === 'comment' && texts && (
            <div className="review__annotate" onMouseUp={takeSelection} onKeyUp={takeSelection}>
              <p className="review__legend">{t('annotateHint')}</p>
              {(['headline', 'deck', 'body'] as const).map((field) => (
                <section key={field} className="diff">
                  <h3 className="diff__label">{t(fieldLabel[field])}</h3>
                  <div
                    className="diff__text review__selectable"
                    ref={(el) => {
                      panes.current[field] = el;
                    }}
                    data-testid={`annotate-${field}`}
                  >
                    <MarkedText text={texts[field]} marks={marksFor(field)} focused={focused} />
                  </div>
                </section>
              ))}
            </div>
          )}
        </div>
        <aside className="review__side">
          <section className="review__decision">
            <h3>{t('reviewDecision')}</h3>
            {allowed.includes('approve') || allowed.includes('return') ? (
              <>
                {allowed.includes('approve') && (
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={workflow.busy}
                    onClick={() => void decide('approve')}
                    data-testid="review-approve"
                  >
                    {t('approveStory')}
                  </button>
                )}
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
                      <textarea rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="review-return-reason" />
                    </label>
                    <button type="submit" className="button" disabled={workflow.busy} data-testid="review-return">
                      {t('returnConfirm')}
                    </button>
                  </form>
                )}
              </>
            ) : (
              <p className="queue__empty">{status ? t(`state_${status.state}` as StringKey) : ''}</p>
            )}
          </section>

          <section className="review__comments" data-testid="review-comments">
            <h3>{t('comments')}</h3>
            {pending && (
              <form
                className="workflow__ask"
                onSubmit={(e) => {
                  e.preventDefault();
                  void post(pending, commentText).then((ok) => ok && setPending(null));
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
                  <button type="button" className="button button--small" onClick={() => setPending(null)}>
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
                  onMouseEnter={() => setFocused(c.id)}
                  onMouseLeave={() => setFocused(null)}
                  data-testid="review-comment"
                >
                  <div className="history__meta">
                    {c.author.name} {t(`role_${c.author.role}` as StringKey)} · {formatTime(c.createdAt, locale)} · v{c.version}
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

          <section>
            <h3>{t('workflowHistory')}</h3>
            <HistoryList events={events} />
          </section>
        </aside>
      </div>
    </div>
  );
}
