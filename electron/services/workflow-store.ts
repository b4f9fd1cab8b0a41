import type { ArticleState, StoryType } from '../../shared/article';
import type { CommentAnchor } from '../../shared/comment-anchor';
import type { LockInfo, QueueCounts, QueueItem, ReviewComment, WorkflowEvent } from '../../shared/contract-workflow';
import type { Named } from '../../shared/mentions';
import type { Profile, Role } from '../../shared/profiles';
import type { DeskQueueName, EventAction, QueueSort } from '../../shared/workflow';

/*
 * The store the workflow service needs (its port): electron/db/workflow-repo.ts implements it on
 * SQLite and PostgreSQL. Types only; the rules are in workflow.ts.
 */

export interface Person {
  id: string;
  name: string;
  role: Role;
}

/** A story as the workflow sees it: the article's state and facts, plus what the workflow keeps beside it. */
export interface ArticleRecord {
  id: string;
  state: ArticleState;
  version: number;
  headline: string;
  section: string;
  storyType: StoryType;
  embargoAt: string | null;
  archivedAt: string | null;
  /** In the 휴지통 since then (shared/trash.ts); null for a live story. */
  discardedAt: string | null;
  characters: number;
  updatedAt: string;
  owner: Person | null;
  priority: number;
  submittedAt: string | null;
  submittedVersion: number | null;
  approvedVersion: number | null;
  lock: LockInfo | null;
}

export interface WorkflowPatch {
  ownerId?: string;
  priority?: number;
  submittedAt?: string;
  submittedVersion?: number;
  approvedVersion?: number;
}

export interface NewEvent {
  articleId: string;
  action: EventAction;
  from: ArticleState;
  to: ArticleState;
  actor: Person;
  at: string;
  note: string;
  version: number;
}

export interface NewComment {
  articleId: string;
  author: Person;
  version: number;
  anchor: CommentAnchor | null;
  body: string;
  at: string;
  /** The thread's first comment, for a reply. */
  parentId: number | null;
  /** Profile ids the body names as @이름. */
  mentions: readonly string[];
}

export interface QueueQuery {
  queue: DeskQueueName;
  state?: ArticleState;
  section?: string;
  sections?: readonly string[];
  ownerId?: string;
  sort: QueueSort;
  limit: number;
  offset: number;
}

/** The workflow's reads and writes, bound to one transaction (or to the database, for reads). */
export interface WorkflowTx {
  profile(id: string): Promise<Profile | undefined>;
  story(id: string): Promise<ArticleRecord | undefined>;
  /** Compare-and-set: false when the story is not in `from` any more. */
  setState(id: string, from: ArticleState, to: ArticleState): Promise<boolean>;
  updateWorkflow(id: string, patch: WorkflowPatch): Promise<void>;
  setLock(id: string, holderId: string, at: string): Promise<void>;
  clearLock(id: string): Promise<void>;
  appendEvent(e: NewEvent): Promise<WorkflowEvent>;
  events(articleId: string): Promise<WorkflowEvent[]>;
  lastEvent(articleId: string, actions: readonly EventAction[]): Promise<WorkflowEvent | undefined>;
  insertComment(c: NewComment): Promise<ReviewComment>;
  comment(id: number): Promise<ReviewComment | undefined>;
  comments(articleId: string): Promise<ReviewComment[]>;
  openComments(articleId: string): Promise<number>;
  resolveComment(id: number, by: string, at: string): Promise<boolean>;
  reopenComment(id: number, by: string, at: string): Promise<boolean>;
  /** The people whose name `text` begins with (what an @ before it may name). */
  peopleNamedAt(text: string): Promise<Named[]>;
  queue(q: QueueQuery): Promise<{ items: QueueItem[]; total: number }>;
  counts(q: { section?: string; sections?: readonly string[] }, ownerId: string | undefined): Promise<QueueCounts>;
}

export interface WorkflowStore {
  /** Runs `fn` in one transaction that no other writer interleaves with. */
  transaction<T>(fn: (tx: WorkflowTx) => Promise<T>): Promise<T>;
  /**
   * A transaction about one story: its row is locked first, so every move, lock and save of that story
   * waits its turn, and moves of different stories never refuse each other (db/database.ts rowLocked).
   */
  transactionOn<T>(articleId: string, fn: (tx: WorkflowTx) => Promise<T>): Promise<T>;
  readonly read: WorkflowTx;
}
