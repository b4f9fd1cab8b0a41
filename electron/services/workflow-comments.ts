import { anchorMatches, anchorText, type CommentAnchor } from '../../shared/comment-anchor';
import type { ReviewComment } from '../../shared/contract-workflow';
import { AppError } from '../../shared/errors';
import { mentionedIds, mentionStarts, MAX_NAME_CHARS, type Named } from '../../shared/mentions';
import type { Actor, ArticleFacts } from '../../shared/workflow';
import type { ArticleService } from './articles';
import { actorIn, actorOf, clip, factsOf, person, articleIn } from './workflow-facts';
import type { WorkflowStore, WorkflowTx } from './workflow-store';

/*
 * Review comments on a story's versions, as conversations: a comment starts a thread, replies join it,
 * and the thread is resolved or reopened as one. WorkflowService delegates to this; who may comment is the
 * same rule for adding, replying, resolving and reopening, so it lives here once.
 */

export interface WorkflowCommentsDeps {
  store: WorkflowStore;
  articles: ArticleService;
  now: () => Date;
}

export class WorkflowComments {
  constructor(private readonly deps: WorkflowCommentsDeps) {}

  async list(id: string): Promise<ReviewComment[]> {
    await articleIn(this.deps.store.read, id);
    return this.deps.store.read.comments(id);
  }

  /**
   * A comment on `version`: anchored to a passage (its quote must be exactly what the offsets hold in
   * that version's text) or a general note. The story's reporter, a desk editor of its section and the
   * editor-in-chief may comment. The result names whom the body mentions (`mentions`).
   */
  async add(input: { id: string; actorId: string; version: number; anchor?: CommentAnchor; body: string }): Promise<ReviewComment> {
    const body = bodyOf(input.body);
    const revision = await this.deps.articles.revision(input.id, input.version);
    if (input.anchor && !anchorMatches(anchorText(revision.fields, input.anchor.field), input.anchor)) {
      throw new AppError('VALIDATION', `의견을 단 구절이 버전 ${input.version}의 글과 맞지 않습니다. 화면을 새로 고친 뒤 다시 고르세요.`, {
        fields: [{ field: 'anchor', label: '의견 위치', message: '인용한 구절이 그 자리에 없습니다' }],
      });
    }
    return this.deps.store.transaction(async (tx) => {
      const actor = await actorIn(tx, input.actorId);
      const story = await articleIn(tx, input.id);
      assertMayComment(actorOf(actor), factsOf(story));
      return tx.insertComment({
        articleId: story.id,
        author: person(actor),
        version: input.version,
        anchor: input.anchor ?? null,
        body,
        at: this.deps.now().toISOString(),
        parentId: null,
        mentions: await mentionsIn(tx, body),
      });
    });
  }

  /** A reply in the thread of `commentId`; a reply to a reply joins the same thread (one level, as newsrooms talk). */
  async reply(input: { commentId: number; actorId: string; body: string }): Promise<ReviewComment> {
    const body = bodyOf(input.body);
    return this.deps.store.transaction(async (tx) => {
      const actor = await actorIn(tx, input.actorId);
      const root = await threadOf(tx, input.commentId);
      const story = await articleIn(tx, root.articleId);
      assertMayComment(actorOf(actor), factsOf(story));
      return tx.insertComment({
        articleId: story.id,
        author: person(actor),
        version: story.version,
        anchor: null,
        body,
        at: this.deps.now().toISOString(),
        parentId: root.id,
        mentions: await mentionsIn(tx, body),
      });
    });
  }

  /** Resolves the thread `commentId` is in (a reply's resolve is its thread's). */
  async resolve(input: { commentId: number; actorId: string }): Promise<ReviewComment> {
    return this.deps.store.transaction(async (tx) => {
      const actor = await actorIn(tx, input.actorId);
      const root = await threadOf(tx, input.commentId);
      assertMayComment(actorOf(actor), factsOf(await articleIn(tx, root.articleId)));
      if (!(await tx.resolveComment(root.id, actor.id, this.deps.now().toISOString()))) throw new AppError('CONFLICT', '이미 해결된 의견입니다.');
      return (await tx.comment(root.id))!;
    });
  }

  /** Opens a resolved thread again: the point was not settled after all. */
  async reopen(input: { commentId: number; actorId: string }): Promise<ReviewComment> {
    return this.deps.store.transaction(async (tx) => {
      const actor = await actorIn(tx, input.actorId);
      const root = await threadOf(tx, input.commentId);
      assertMayComment(actorOf(actor), factsOf(await articleIn(tx, root.articleId)));
      if (!(await tx.reopenComment(root.id, actor.id, this.deps.now().toISOString()))) {
        throw new AppError('CONFLICT', '해결되지 않은 의견이라 다시 열 것이 없습니다. 화면을 새로 고치세요.');
      }
      return (await tx.comment(root.id))!;
    });
  }
}

/** The body as stored: trimmed and clipped; a blank one is refused (the contract does too, but the service is called directly as well). */
function bodyOf(raw: string): string {
  const body = clip(raw);
  if (body === '') throw new AppError('VALIDATION', '의견을 입력하세요.', { fields: [{ field: 'body', label: '의견', message: '내용이 비어 있습니다' }] });
  return body;
}

/** The first comment of the thread `commentId` belongs to. */
async function threadOf(tx: WorkflowTx, commentId: number): Promise<ReviewComment> {
  const comment = await tx.comment(commentId);
  if (!comment) throw new AppError('NOT_FOUND', `의견을 찾을 수 없습니다 (${commentId}).`);
  if (comment.parentId === null) return comment;
  const root = await tx.comment(comment.parentId);
  if (!root) throw new AppError('NOT_FOUND', `의견을 찾을 수 없습니다 (${comment.parentId}).`);
  return root;
}

/** Whom `body` names as @이름 among the people who exist; an @ naming nobody stays text. */
async function mentionsIn(tx: WorkflowTx, body: string): Promise<string[]> {
  const people: Named[] = [];
  for (const from of mentionStarts(body)) people.push(...(await tx.peopleNamedAt(body.slice(from, from + MAX_NAME_CHARS))));
  return mentionedIds(body, people);
}

function assertMayComment(actor: Actor, story: ArticleFacts): void {
  const own = story.ownerId === actor.id;
  const desk = actor.role === 'chief' || (actor.role === 'desk' && actor.sections.includes(story.section));
  if (!own && !desk) {
    throw new AppError('FORBIDDEN', `이 기사에는 쓴 기자와 ‘${story.section || '섹션 없음'}’ 데스크, 편집국장만 의견을 달 수 있습니다.`);
  }
}
