import { z } from 'zod';
import { Article, ArticleId, ArticleState, StoryType } from './article';
import { CommentAnchor } from './comment-anchor';
import { Profile, ProfileId, ProfileInput, ProfilePatch, Role } from './profiles';
import { DeskQueueName, EventAction, MAX_NOTE_CHARS, MoveAction, Priority, QueueSort } from './workflow';

const IsoTime = z.iso.datetime();
const Version = z.number().int().min(1);

/** A reason or note: the service refuses a blank one where the move needs it, with a Korean message. */
const Note = z.string().max(MAX_NOTE_CHARS);

const Person = z.object({ id: ProfileId, name: z.string(), role: Role });

export const LockInfo = z.object({ holder: Person, since: IsoTime });
export type LockInfo = z.infer<typeof LockInfo>;

/** One line of a story's history: a move (or a lock taken over), who made it, when, from and to, and why. */
export const WorkflowEvent = z.object({
  id: z.number().int().min(1),
  articleId: ArticleId,
  action: EventAction,
  from: ArticleState,
  to: ArticleState,
  actor: Person,
  at: IsoTime,
  note: z.string(),
  /** The story's version when the move was made. */
  version: z.number().int().min(1),
});
export type WorkflowEvent = z.infer<typeof WorkflowEvent>;

export const ReviewComment = z.object({
  id: z.number().int().min(1),
  articleId: ArticleId,
  author: Person,
  /** The version whose text the anchor's offsets count in. */
  version: z.number().int().min(1),
  /** Null for a general note on the whole story. */
  anchor: CommentAnchor.nullable(),
  body: z.string(),
  createdAt: IsoTime,
  resolvedAt: IsoTime.nullable(),
  resolvedBy: Person.nullable(),
  /** The thread's first comment for a reply; null for a comment that starts a thread (migration 015). */
  parentId: z.number().int().min(1).nullable(),
  /** Who the body names as @이름, by profile id; an @ naming nobody stays text and is not here. */
  mentions: z.array(ProfileId),
  /** The last time a resolved comment was opened again. */
  reopenedAt: IsoTime.nullable(),
  reopenedBy: Person.nullable(),
});
export type ReviewComment = z.infer<typeof ReviewComment>;

/** Where a story stands in the workflow, and what the asking profile may do with it now. */
export const ArticleWorkflow = z.object({
  articleId: ArticleId,
  state: ArticleState,
  version: z.number().int().min(1),
  section: z.string(),
  embargoAt: IsoTime.nullable(),
  owner: Person.nullable(),
  priority: Priority,
  submittedAt: IsoTime.nullable(),
  /** The version the reporter submitted last: the review compares the desk's edits against it. */
  submittedVersion: z.number().int().min(1).nullable(),
  approvedVersion: z.number().int().min(1).nullable(),
  lock: LockInfo.nullable(),
  /** The last return's reason while the reporter has the story back (returned, or reopened and not yet resubmitted). */
  returned: z.object({ reason: z.string(), by: Person, at: IsoTime }).nullable(),
  /** Moves open to the asking profile (notes aside). */
  allowed: z.array(MoveAction),
  canTakeLock: z.boolean(),
  /** Whether the asking profile may change the story's words now, and if not, why. */
  editable: z.boolean(),
  editRefusal: z.string().nullable(),
  openComments: z.number().int().min(0),
  /** In the 휴지통 since then (shared/trash.ts); null for a live story. */
  discardedAt: IsoTime.nullable(),
});
export type ArticleWorkflow = z.infer<typeof ArticleWorkflow>;

const MoveResult = z.object({ article: Article, workflow: ArticleWorkflow });

export const QueueItem = z.object({
  id: ArticleId,
  version: z.number().int().min(1),
  state: ArticleState,
  headline: z.string(),
  section: z.string(),
  storyType: StoryType,
  owner: Person.nullable(),
  priority: Priority,
  submittedAt: IsoTime.nullable(),
  embargoAt: IsoTime.nullable(),
  lock: LockInfo.nullable(),
  characters: z.number().int().min(0),
  updatedAt: IsoTime,
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueCounts = z.object({ desk: z.number().int(), approved: z.number().int(), published: z.number().int(), mine: z.number().int() });
export type QueueCounts = z.infer<typeof QueueCounts>;

const QueueFilter = {
  section: z.string().max(50).optional(),
  /** Only the sections the acting desk editor covers. */
  coveredOnly: z.boolean().default(false),
};

/** Profiles and the desk's workflow: moves, locks, queues, history and review comments. */
export const workflowMethods = {
  'profiles.list': {
    input: z.strictObject({}),
    output: z.array(Profile),
  },
  'profiles.create': {
    input: ProfileInput,
    output: Profile,
  },
  'profiles.update': {
    input: ProfilePatch,
    output: Profile,
  },
  'workflow.status': {
    input: z.strictObject({ id: ArticleId }),
    output: ArticleWorkflow,
  },
  'workflow.submit': {
    input: z.strictObject({ id: ArticleId, version: Version, priority: Priority.optional(), note: Note.default('') }),
    output: MoveResult,
  },
  'workflow.startReview': {
    input: z.strictObject({ id: ArticleId }),
    output: MoveResult,
  },
  'workflow.approve': {
    input: z.strictObject({ id: ArticleId, version: Version, note: Note.default('') }),
    output: MoveResult,
  },
  'workflow.return': {
    input: z.strictObject({ id: ArticleId, reason: Note }),
    output: MoveResult,
  },
  'workflow.reopen': {
    input: z.strictObject({ id: ArticleId }),
    output: MoveResult,
  },
  'workflow.correct': {
    input: z.strictObject({ id: ArticleId, note: Note }),
    output: MoveResult,
  },
  'workflow.withdraw': {
    input: z.strictObject({ id: ArticleId, reason: Note }),
    output: MoveResult,
  },
  'workflow.takeLock': {
    input: z.strictObject({ id: ArticleId, note: Note.default('') }),
    output: MoveResult,
  },
  'workflow.setPriority': {
    input: z.strictObject({ id: ArticleId, priority: Priority }),
    output: ArticleWorkflow,
  },
  'workflow.queue': {
    input: z.strictObject({
      ...QueueFilter,
      queue: DeskQueueName,
      state: ArticleState.optional(),
      sort: QueueSort.default('priority'),
      limit: z.number().int().min(1).max(200).default(100),
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
    output: z.object({ items: z.array(QueueItem), total: z.number().int().min(0), counts: QueueCounts }),
  },
  'workflow.counts': {
    input: z.strictObject(QueueFilter),
    output: QueueCounts,
  },
  'workflow.history': {
    input: z.strictObject({ id: ArticleId }),
    output: z.array(WorkflowEvent),
  },
  'workflow.comments': {
    input: z.strictObject({ id: ArticleId }),
    output: z.array(ReviewComment),
  },
  'workflow.comment': {
    input: z.strictObject({
      id: ArticleId,
      version: Version,
      anchor: CommentAnchor.optional(),
      body: z.string().trim().min(1, '의견을 입력하세요').max(MAX_NOTE_CHARS),
    }),
    output: ReviewComment,
  },
  'workflow.resolveComment': {
    input: z.strictObject({ commentId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
    output: ReviewComment,
  },
} as const;
