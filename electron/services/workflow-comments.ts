import { anchorMatches, anchorText, type CommentAnchor } from '../../shared/comment-anchor';
import type { ReviewComment } from '../../shared/contract-workflow';
import { AppError } from '../../shared/errors';
import type { Actor, ArticleFacts } from '../../shared/workflow';
import type { ArticleService } from './articles';
import { actorIn, actorOf, clip, factsOf, person, articleIn } from './workflow-facts';
import type { WorkflowStore } from './workflow-store';

/*
 * Review comments on a story's versions. WorkflowService delegates to this; who may comment is the
 * same rule for adding and resolving, so it lives here once.
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
   * editor-in-chief may comment.
   */
  async add(input: { id: string; actorId: string; version: number; anchor?: CommentAnchor; body: string }): Promise<ReviewComment> {
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
        body: clip(input.body),
        at: this.deps.now().toISOString(),
      });
    });
  }

  async resolve(input: { commentId: number; actorId: string }): Promise<ReviewComment> {
    return this.deps.store.transaction(async (tx) => {
      const actor = await actorIn(tx, input.actorId);
      const comment = await tx.comment(input.commentId);
      if (!comment) throw new AppError('NOT_FOUND', `의견을 찾을 수 없습니다 (${input.commentId}).`);
      const story = await articleIn(tx, comment.articleId);
      assertMayComment(actorOf(actor), factsOf(story));
      if (!(await tx.resolveComment(comment.id, actor.id, this.deps.now().toISOString()))) throw new AppError('CONFLICT', '이미 해결된 의견입니다.');
      return (await tx.comment(comment.id))!;
    });
  }
}

function assertMayComment(actor: Actor, story: ArticleFacts): void {
  const own = story.ownerId === actor.id;
  const desk = actor.role === 'chief' || (actor.role === 'desk' && actor.sections.includes(story.section));
  if (!own && !desk) {
    throw new AppError('FORBIDDEN', `이 기사에는 쓴 기자와 ‘${story.section || '섹션 없음'}’ 데스크, 편집국장만 의견을 달 수 있습니다.`);
  }
}
