import { formatNewsroomTime } from '../../shared/newsroom-time';
import { fieldsOf, type Article } from '../../shared/article';
import type { CommentAnchor } from '../../shared/comment-anchor';
import type { QueueCounts, QueueItem, ReviewComment, ArticleWorkflow, WorkflowEvent } from '../../shared/contract-workflow';
import { AppError } from '../../shared/errors';
import { ROLE_LABEL_KO, type Profile } from '../../shared/profiles';
import type { HouseStyleSettings } from '../../shared/settings-house-style';
import { blockingProblems, checkSubmission } from '../../shared/submission';
import { LOCKED_STATES, TRANSITIONS, allowedMoves, decide, decideEdit, decideTakeLock, embargoHolds, type MoveAction } from '../../shared/workflow';
import type { ArticleService } from './articles';
import { WorkflowComments } from './workflow-comments';
import { actorIn, actorOf, clip, discarded, factsOf, person, refusal, articleIn, unknownProfile } from './workflow-facts';
import { WorkflowQueues, type QueueInput } from './workflow-queues';
import type { WorkflowNotices } from './workflow-notices';
import type { ArticleRecord, Person, WorkflowStore, WorkflowTx } from './workflow-store';

/*
 * The desk's workflow, enforced here in the main process whatever the renderer shows. Storage is behind
 * `WorkflowStore` (workflow-store.ts; electron/db/workflow-repo.ts implements it on both engines): this
 * file holds the rules and no SQL.
 *
 * Identity: `actorId` is the caller the host names (shared/call-context.ts) — the session's person on the
 * newsroom server, the profile picked in the window on a single workstation; never a request field. The
 * service checks the profile exists and what its role, sections, ownership and locks allow, and records it
 * in the history.
 */

export interface WorkflowServiceDeps {
  store: WorkflowStore;
  articles: ArticleService;
  now?: () => Date;
  /** The newsroom's 표기 원칙 and length limits, read at each 송고 (a 'block' rule refuses it here, whatever the window showed). */
  houseStyle?: () => Promise<HouseStyleSettings>;
  /** The 알림 inbox, told after each committed move, comment and lock takeover (services/notifications.ts). */
  notices?: WorkflowNotices;
}

export interface MoveResult {
  article: Article;
  workflow: ArticleWorkflow;
}

export class WorkflowService {
  private readonly now: () => Date;
  private readonly queues: WorkflowQueues;
  private readonly reviewComments: WorkflowComments;

  constructor(private readonly deps: WorkflowServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.queues = new WorkflowQueues(deps.store);
    this.reviewComments = new WorkflowComments({ store: deps.store, articles: deps.articles, now: this.now });
  }

  private get store(): WorkflowStore {
    return this.deps.store;
  }

  // ---- Creating and editing (the rules articles.save obeys). ----

  /** A new story; with a profile, the story is theirs and signed with their name. */
  async createArticle(input: { headline?: string; section?: string; actorId?: string }): Promise<Article> {
    if (input.actorId === undefined) return this.deps.articles.create({ headline: input.headline, section: input.section });
    const actor = await this.store.read.profile(input.actorId);
    if (!actor) throw unknownProfile();
    // The owner is written in the story's own insert: a story never exists without the owner it was made for.
    return this.deps.articles.create({
      headline: input.headline,
      section: input.section,
      bylines: [{ name: actor.name, email: actor.email, title: '기자' }],
      ownerId: actor.id,
    });
  }

  /**
   * The edit rules (shared/workflow.ts decideEdit), run inside an article write's transaction after
   * its versioned update: a refusal throws and rolls the write back. The reporter's first save of a
   * returned story takes it back to draft, recorded as their move.
   */
  async checkEdit(tx: WorkflowTx, articleId: string, actorId: string | undefined, write: 'save' | 'archive'): Promise<void> {
    const story = await tx.story(articleId);
    if (!story) return;
    if (story.discardedAt) throw discarded();
    const actor = actorId === undefined ? undefined : await actorIn(tx, actorId);
    const verdict = decideEdit(actor && actorOf(actor), factsOf(story));
    if (!verdict.ok) throw refusal(verdict);
    if (verdict.reopens && actor && write === 'save') {
      await tx.setState(articleId, 'returned', 'draft');
      await tx.appendEvent({
        articleId,
        action: 'reopen',
        from: 'returned',
        to: 'draft',
        actor: person(actor),
        at: this.now().toISOString(),
        note: '반려된 기사를 고쳐 쓰기 시작함',
        version: story.version,
      });
    }
  }

  // ---- Reading. ----

  async status(id: string, actorId?: string): Promise<ArticleWorkflow> {
    const tx = this.store.read;
    const story = await articleIn(tx, id);
    const actor = actorId === undefined ? undefined : await actorIn(tx, actorId);
    return this.describe(tx, story, actor);
  }

  private async describe(tx: WorkflowTx, story: ArticleRecord, actor: Profile | undefined): Promise<ArticleWorkflow> {
    const facts = factsOf(story);
    const edit = decideEdit(actor && actorOf(actor), facts);
    let returned: ArticleWorkflow['returned'] = null;
    if (story.state === 'returned' || story.state === 'draft') {
      const last = await tx.lastEvent(story.id, ['return', 'submit']);
      if (last?.action === 'return') returned = { reason: last.note, by: last.actor, at: last.at };
    }
    return {
      articleId: story.id,
      state: story.state,
      version: story.version,
      section: story.section,
      embargoAt: story.embargoAt,
      owner: story.owner,
      priority: story.priority,
      submittedAt: story.submittedAt,
      submittedVersion: story.submittedVersion,
      approvedVersion: story.approvedVersion,
      lock: story.lock,
      returned,
      allowed: actor && !story.archivedAt && !story.discardedAt ? allowedMoves(actorOf(actor), facts) : [],
      canTakeLock: actor ? decideTakeLock(actorOf(actor), facts).ok : false,
      editable: edit.ok && !story.discardedAt,
      editRefusal: story.discardedAt ? discarded().message : edit.ok ? null : edit.message,
      openComments: await tx.openComments(story.id),
      discardedAt: story.discardedAt,
    };
  }

  async history(id: string): Promise<WorkflowEvent[]> {
    await articleIn(this.store.read, id);
    return this.store.read.events(id);
  }

  // ---- Moves. ----

  /**
   * One move, in one transaction: the actor and the story are read inside it, the move is decided by
   * shared/workflow.ts, the state changes only if it is still what was decided on, the lock follows
   * the new state, and the event is appended. Nothing is written when anything refuses.
   */
  private async move(
    action: MoveAction,
    input: { id: string; actorId: string; note?: string; version?: number },
    extra?: (tx: WorkflowTx, story: ArticleRecord, actor: Profile, at: string) => Promise<void> | void,
  ): Promise<MoveResult> {
    const at = this.now().toISOString();
    let before: { story: ArticleRecord; actor: Person } | undefined;
    await this.store.transactionOn(input.id, async (tx) => {
      const actor = await actorIn(tx, input.actorId);
      const story = await articleIn(tx, input.id);
      before = { story, actor: person(actor) };
      if (story.archivedAt) throw new AppError('CONFLICT', '보관함으로 옮긴 기사는 처리할 수 없습니다. 먼저 보관을 풀어 주세요.', { archived: true });
      if (story.discardedAt) throw discarded();
      const verdict = decide(action, actorOf(actor), factsOf(story), input.note ?? '');
      if (!verdict.ok) throw refusal(verdict);
      if (input.version !== undefined && input.version !== story.version) {
        throw new AppError(
          'CONFLICT',
          `그사이 기사가 바뀌었습니다 (보고 있던 버전 ${input.version}, 현재 버전 ${story.version}). 최신 버전을 확인한 뒤 다시 하세요.`,
          { currentVersion: story.version, baseVersion: input.version },
        );
      }
      await extra?.(tx, story, actor, at);
      const to = TRANSITIONS[action].to;
      if (!(await tx.setState(story.id, story.state, to))) throw new AppError('CONFLICT', '그사이 기사의 상태가 바뀌었습니다. 다시 확인하세요.');
      if (LOCKED_STATES.includes(to)) await tx.setLock(story.id, actor.id, at);
      else await tx.clearLock(story.id);
      await tx.appendEvent({
        articleId: story.id,
        action,
        from: story.state,
        to,
        actor: person(actor),
        at,
        note: clip(input.note ?? ''),
        version: story.version,
      });
    });
    if (before) await this.deps.notices?.moved({ action, ...before, note: clip(input.note ?? ''), at });
    return this.result(input.id, input.actorId);
  }

  private async result(id: string, actorId: string): Promise<MoveResult> {
    return { article: await this.deps.articles.get(id), workflow: await this.status(id, actorId) };
  }

  /**
   * The reporter files `version` (what they see, saved). Every required field is checked on exactly
   * that version; the submission records it as the snapshot the desk's edits are compared against.
   */
  async submit(input: { id: string; actorId: string; version: number; priority?: number; note: string }): Promise<MoveResult> {
    const article = await this.deps.articles.get(input.id);
    const problems = checkSubmission(fieldsOf(article), await this.deps.houseStyle?.());
    return this.move('submit', input, (tx, story, actor, at) => {
      // The fields were read before the transaction; the version check in move() (already passed when
      // this runs) guarantees they are the fields of the version being submitted.
      if (article.version !== story.version) throw new AppError('CONFLICT', '그사이 기사가 바뀌었습니다. 다시 송고하세요.', { currentVersion: story.version });
      const blocking = blockingProblems(problems);
      if (blocking.length > 0) {
        const names = blocking.map((p) => (p.field === 'houseStyle' ? `${p.label} ${p.message}` : p.label)).join(', ');
        throw new AppError('VALIDATION', `송고할 수 없습니다. 채우거나 고쳐야 할 항목: ${names}`, {
          fields: blocking,
          warnings: problems.filter((p) => p.severity === 'warning'),
        });
      }
      return tx.updateWorkflow(story.id, {
        ...(story.owner ? {} : { ownerId: actor.id }),
        submittedAt: at,
        submittedVersion: story.version,
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
      });
    });
  }

  /** A desk editor of the story's section (or the editor-in-chief) takes it up; it is locked to them. */
  startReview(input: { id: string; actorId: string }): Promise<MoveResult> {
    return this.move('start_review', input);
  }

  /** The reviewer approves `version`, what they see. */
  approve(input: { id: string; actorId: string; version: number; note: string }): Promise<MoveResult> {
    return this.move('approve', input, (tx, story) => tx.updateWorkflow(story.id, { approvedVersion: story.version }));
  }

  /** Back to the reporter, with the reason they will read. */
  return(input: { id: string; actorId: string; reason: string }): Promise<MoveResult> {
    return this.move('return', { id: input.id, actorId: input.actorId, note: input.reason });
  }

  /** 송고 취소: the reporter takes a filed story back to draft before any desk has taken it up. */
  recall(input: { id: string; actorId: string }): Promise<MoveResult> {
    return this.move('recall', input);
  }

  reopen(input: { id: string; actorId: string }): Promise<MoveResult> {
    return this.move('reopen', input);
  }

  /** A published story is opened for a correction; the note (정정 사유) is what readers will be told. */
  correct(input: { id: string; actorId: string; note: string }): Promise<MoveResult> {
    return this.move('correct', input);
  }

  withdraw(input: { id: string; actorId: string; reason: string }): Promise<MoveResult> {
    return this.move('withdraw', { id: input.id, actorId: input.actorId, note: input.reason });
  }

  /**
   * Records a publication (approved → published, or a correction re-published). The publishing
   * service calls this once the CMS has accepted the story; it is not a renderer method, so nothing is
   * marked published that no CMS took. An embargoed story is refused before its time.
   */
  recordPublication(input: { id: string; actorId: string; note?: string }): Promise<MoveResult> {
    return this.move('publish', { id: input.id, actorId: input.actorId, note: input.note ?? '' }, (_tx, story) => {
      const now = this.now();
      if (embargoHolds(story.embargoAt, now)) {
        const when = formatNewsroomTime(story.embargoAt!);
        throw new AppError('CONFLICT', `엠바고가 걸린 기사입니다. ${when}(한국 시각) 전에는 출고할 수 없습니다.`, { embargoAt: story.embargoAt });
      }
    });
  }

  /** The editor-in-chief takes a story's lock from its reviewer; the history records from whom. */
  async takeLock(input: { id: string; actorId: string; note: string }): Promise<MoveResult> {
    const at = this.now().toISOString();
    let before: { story: ArticleRecord; actor: Person } | undefined;
    await this.store.transactionOn(input.id, async (tx) => {
      const actor = await actorIn(tx, input.actorId);
      const story = await articleIn(tx, input.id);
      const verdict = decideTakeLock(actorOf(actor), factsOf(story));
      if (!verdict.ok) throw refusal(verdict);
      before = { story, actor: person(actor) };
      await tx.setLock(story.id, actor.id, at);
      const from = story.lock ? `${story.lock.holder.name} ${ROLE_LABEL_KO[story.lock.holder.role]}에게서 잠금을 가져옴` : '잠금을 가져옴';
      const note = clip(input.note) ? `${from}: ${clip(input.note)}` : from;
      await tx.appendEvent({
        articleId: story.id,
        action: 'take_lock',
        from: story.state,
        to: story.state,
        actor: person(actor),
        at,
        note: clip(note),
        version: story.version,
      });
    });
    if (before) await this.deps.notices?.lockTaken({ ...before, note: clip(input.note), at });
    return this.result(input.id, input.actorId);
  }

  /** Priority is the reporter's to suggest while the story is theirs and the desk's once filed. */
  async setPriority(input: { id: string; actorId: string; priority: number }): Promise<ArticleWorkflow> {
    await this.store.transactionOn(input.id, async (tx) => {
      const actor = actorOf(await actorIn(tx, input.actorId));
      const story = await articleIn(tx, input.id);
      const facts = factsOf(story);
      const own = facts.ownerId === null || facts.ownerId === actor.id;
      const reporterMay = own && (story.state === 'draft' || story.state === 'returned');
      const deskMay = actor.role === 'chief' || (actor.role === 'desk' && actor.sections.includes(story.section));
      if (!reporterMay && !deskMay) {
        throw new AppError('FORBIDDEN', '중요도는 기사를 쓴 기자(송고 전)나 그 섹션의 데스크, 편집국장만 바꿀 수 있습니다.');
      }
      await tx.updateWorkflow(story.id, { priority: input.priority });
    });
    return this.status(input.id, input.actorId);
  }

  // ---- Queues (workflow-queues.ts). ----

  queue(input: QueueInput): Promise<{ items: QueueItem[]; total: number; counts: QueueCounts }> {
    return this.queues.queue(input);
  }

  counts(input: { actorId?: string; section?: string; coveredOnly: boolean }): Promise<QueueCounts> {
    return this.queues.counts(input);
  }

  // ---- Review comments (workflow-comments.ts). ----

  comments(id: string): Promise<ReviewComment[]> {
    return this.reviewComments.list(id);
  }

  async comment(input: { id: string; actorId: string; version: number; anchor?: CommentAnchor; body: string }): Promise<ReviewComment> {
    return this.told(await this.reviewComments.add(input));
  }

  /**
   * A comment or reply reaches the story's reporter's inbox, and everyone it names. A reporter it names
   * hears of it once, as the mention, which says more than "a comment on your story".
   */
  private async told(comment: ReviewComment): Promise<ReviewComment> {
    const notices = this.deps.notices;
    const story = notices && (await this.store.read.story(comment.articleId));
    if (!notices || !story) return comment;
    if (!story.owner || !comment.mentions.includes(story.owner.id)) await notices.commented({ story, comment });
    if (comment.mentions.length > 0)
      await notices.mentioned({
        articleId: comment.articleId,
        commentId: comment.id,
        by: { id: comment.author.id, name: comment.author.name },
        recipients: comment.mentions,
        text: comment.body,
      });
    return comment;
  }

  resolveComment(input: { commentId: number; actorId: string }): Promise<ReviewComment> {
    return this.reviewComments.resolve(input);
  }

  async reply(input: { commentId: number; actorId: string; body: string }): Promise<ReviewComment> {
    return this.told(await this.reviewComments.reply(input));
  }

  reopenComment(input: { commentId: number; actorId: string }): Promise<ReviewComment> {
    return this.reviewComments.reopen(input);
  }
}
