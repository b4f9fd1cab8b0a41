import type { ArticleState, StoryType } from '../../shared/article';
import type { QueueCounts, QueueItem, ReviewComment, WorkflowEvent } from '../../shared/contract-workflow';
import type { Named } from '../../shared/mentions';
import type { Profile, Role } from '../../shared/profiles';
import { QUEUE_STATES, type EventAction } from '../../shared/workflow';
import type { NewComment, NewEvent, QueueQuery, ArticleRecord, WorkflowPatch, WorkflowStore, WorkflowTx } from '../services/workflow-store';
import { commentById, commentsOf, insertComment, openCommentsOf, peopleNamedAt, reopenComment, resolveComment } from './comment-rows';
import type { Database, Executor, SqlValue } from './database';
import { selectProfile } from './profiles-repo';
import { reindexArticle } from './search/article-index';

/**
 * The workflow's storage on SQLite: the one place that knows its tables (migration 005). The service
 * sees only `WorkflowStore` and `WorkflowTx`, so another engine (a newsroom-wide PostgreSQL, where
 * `story()` would read with SELECT … FOR UPDATE) is another implementation of the same two interfaces.
 */

interface WorkflowRow {
  id: string;
  state: ArticleState;
  version: number;
  headline: string;
  section: string;
  story_type: StoryType;
  embargo_at: string | null;
  archived_at: string | null;
  discarded_at: string | null;
  char_count: number;
  updated_at: string;
  owner_id: string | null;
  owner_name: string | null;
  owner_role: Role | null;
  priority: number | null;
  submitted_at: string | null;
  submitted_version: number | null;
  approved_version: number | null;
  holder_id: string | null;
  holder_name: string | null;
  holder_role: Role | null;
  acquired_at: string | null;
}

const STORY_SELECT = `
SELECT a.id, a.state, a.version, a.headline, a.section, a.story_type, a.embargo_at, a.archived_at, a.discarded_at, a.char_count, a.updated_at,
       w.owner_id, o.name AS owner_name, o.role AS owner_role, w.priority, w.submitted_at, w.submitted_version, w.approved_version,
       l.holder_id, h.name AS holder_name, h.role AS holder_role, l.acquired_at
FROM articles a
LEFT JOIN article_workflow w ON w.article_id = a.id
LEFT JOIN profiles o ON o.id = w.owner_id
LEFT JOIN article_locks l ON l.article_id = a.id
LEFT JOIN profiles h ON h.id = l.holder_id`;

function toRecord(r: WorkflowRow): ArticleRecord {
  return {
    id: r.id,
    state: r.state,
    version: r.version,
    headline: r.headline,
    section: r.section,
    storyType: r.story_type,
    embargoAt: r.embargo_at,
    archivedAt: r.archived_at,
    discardedAt: r.discarded_at,
    characters: r.char_count,
    updatedAt: r.updated_at,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '', role: r.owner_role ?? 'reporter' } : null,
    priority: r.priority ?? 0,
    submittedAt: r.submitted_at,
    submittedVersion: r.submitted_version,
    approvedVersion: r.approved_version,
    lock: r.holder_id ? { holder: { id: r.holder_id, name: r.holder_name ?? '', role: r.holder_role ?? 'desk' }, since: r.acquired_at! } : null,
  };
}

function toQueueItem(s: ArticleRecord): QueueItem {
  return {
    id: s.id,
    version: s.version,
    state: s.state,
    headline: s.headline,
    section: s.section,
    storyType: s.storyType,
    owner: s.owner,
    priority: s.priority,
    submittedAt: s.submittedAt,
    embargoAt: s.embargoAt,
    lock: s.lock,
    characters: s.characters,
    updatedAt: s.updatedAt,
  };
}

interface EventRow {
  id: number;
  article_id: string;
  action: EventAction;
  from_state: ArticleState;
  to_state: ArticleState;
  actor_id: string;
  actor_name: string;
  actor_role: Role;
  at: string;
  note: string;
  version: number;
}

function toEvent(r: EventRow): WorkflowEvent {
  return {
    id: r.id,
    articleId: r.article_id,
    action: r.action,
    from: r.from_state,
    to: r.to_state,
    actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
    at: r.at,
    note: r.note,
    version: r.version,
  };
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** WHERE clause and parameters for a queue or its counts. */
function queueWhere(q: Pick<QueueQuery, 'state' | 'section' | 'sections' | 'ownerId'>, states: readonly ArticleState[]): { sql: string; params: SqlValue[] } {
  const where = ['a.archived_at IS NULL', 'a.discarded_at IS NULL', `a.state IN (${placeholders(states.length)})`];
  const params: SqlValue[] = [...states];
  if (q.state) {
    where.push('a.state = ?');
    params.push(q.state);
  }
  if (q.section !== undefined) {
    where.push('a.section = ?');
    params.push(q.section);
  }
  if (q.sections !== undefined) {
    where.push(`a.section IN (${placeholders(q.sections.length)})`);
    params.push(...q.sections);
  }
  if (q.ownerId !== undefined) {
    where.push('w.owner_id = ?');
    params.push(q.ownerId);
  }
  return { sql: where.join(' AND '), params };
}

const ORDER: Record<QueueQuery['sort'], string> = {
  // Higher priority first; within one, the story filed first is read first.
  priority: 'COALESCE(w.priority, 0) DESC, w.submitted_at IS NULL, w.submitted_at, a.updated_at, a.id',
  submitted: 'w.submitted_at IS NULL, w.submitted_at, a.updated_at, a.id',
  // The embargo that lifts soonest first; stories without one after them, in filing order.
  embargo: 'a.embargo_at IS NULL, a.embargo_at, w.submitted_at IS NULL, w.submitted_at, a.id',
};

/** The workflow's operations on one executor: the database itself for reads, a transaction for moves. */
export class DatabaseWorkflowTx implements WorkflowTx {
  constructor(private readonly ex: Executor) {}

  profile(id: string): Promise<Profile | undefined> {
    return selectProfile(this.ex, id);
  }

  async story(id: string): Promise<ArticleRecord | undefined> {
    const row = await this.ex.get<WorkflowRow>(`${STORY_SELECT} WHERE a.id = ?`, [id]);
    return row && toRecord(row);
  }

  async setState(id: string, from: ArticleState, to: ArticleState): Promise<boolean> {
    const { changes } = await this.ex.run('UPDATE articles SET state = ? WHERE id = ? AND state = ?', [to, id, from]);
    if (changes === 0) return false;
    // Queues and search filter by state through the index's facets: keep them in step, in this transaction.
    await this.reindex(id);
    return true;
  }

  private async reindex(id: string): Promise<void> {
    const row = await this.ex.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [id]);
    if (row) await reindexArticle(this.ex, row.rowid);
  }

  async updateWorkflow(id: string, patch: WorkflowPatch): Promise<void> {
    await this.ex.run('INSERT INTO article_workflow (article_id) VALUES (?) ON CONFLICT (article_id) DO NOTHING', [id]);
    const columns: Array<[string, SqlValue]> = [];
    if (patch.ownerId !== undefined) columns.push(['owner_id', patch.ownerId]);
    if (patch.priority !== undefined) columns.push(['priority', patch.priority]);
    if (patch.submittedAt !== undefined) columns.push(['submitted_at', patch.submittedAt]);
    if (patch.submittedVersion !== undefined) columns.push(['submitted_version', patch.submittedVersion]);
    if (patch.approvedVersion !== undefined) columns.push(['approved_version', patch.approvedVersion]);
    if (columns.length === 0) return;
    await this.ex.run(`UPDATE article_workflow SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE article_id = ?`, [...columns.map(([, v]) => v), id]);
    // 내 기사 searches by the owner facet: a new owner is indexed in the same transaction.
    if (patch.ownerId !== undefined) await this.reindex(id);
  }

  async setLock(id: string, holderId: string, at: string): Promise<void> {
    await this.ex.run(
      'INSERT INTO article_locks (article_id, holder_id, acquired_at) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET holder_id = excluded.holder_id, acquired_at = excluded.acquired_at',
      [id, holderId, at],
    );
  }

  async clearLock(id: string): Promise<void> {
    await this.ex.run('DELETE FROM article_locks WHERE article_id = ?', [id]);
  }

  async appendEvent(e: NewEvent): Promise<WorkflowEvent> {
    const { lastId } = await this.ex.run(
      'INSERT INTO workflow_events (article_id, action, from_state, to_state, actor_id, actor_name, actor_role, at, note, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [e.articleId, e.action, e.from, e.to, e.actor.id, e.actor.name, e.actor.role, e.at, e.note, e.version],
    );
    return toEvent((await this.ex.get<EventRow>('SELECT * FROM workflow_events WHERE id = ?', [lastId]))!);
  }

  async events(articleId: string): Promise<WorkflowEvent[]> {
    const rows = await this.ex.all<EventRow>('SELECT * FROM workflow_events WHERE article_id = ? ORDER BY id', [articleId]);
    return rows.map(toEvent);
  }

  async lastEvent(articleId: string, actions: readonly EventAction[]): Promise<WorkflowEvent | undefined> {
    const row = await this.ex.get<EventRow>(
      `SELECT * FROM workflow_events WHERE article_id = ? AND action IN (${placeholders(actions.length)}) ORDER BY id DESC LIMIT 1`,
      [articleId, ...actions],
    );
    return row && toEvent(row);
  }

  insertComment(c: NewComment): Promise<ReviewComment> {
    return insertComment(this.ex, c);
  }

  comment(id: number): Promise<ReviewComment | undefined> {
    return commentById(this.ex, id);
  }

  comments(articleId: string): Promise<ReviewComment[]> {
    return commentsOf(this.ex, articleId);
  }

  openComments(articleId: string): Promise<number> {
    return openCommentsOf(this.ex, articleId);
  }

  resolveComment(id: number, by: string, at: string): Promise<boolean> {
    return resolveComment(this.ex, id, by, at);
  }

  reopenComment(id: number, by: string, at: string): Promise<boolean> {
    return reopenComment(this.ex, id, by, at);
  }

  peopleNamedAt(text: string): Promise<Named[]> {
    return peopleNamedAt(this.ex, text);
  }

  async queue(q: QueueQuery): Promise<{ items: QueueItem[]; total: number }> {
    const { sql, params } = queueWhere(q, QUEUE_STATES[q.queue]);
    const rows = await this.ex.all<WorkflowRow>(`${STORY_SELECT} WHERE ${sql} ORDER BY ${ORDER[q.sort]} LIMIT ? OFFSET ?`, [...params, q.limit, q.offset]);
    const total = await this.ex.get<{ n: number }>(
      `SELECT count(*) AS n FROM articles a LEFT JOIN article_workflow w ON w.article_id = a.id WHERE ${sql}`,
      params,
    );
    return { items: rows.map((r) => toQueueItem(toRecord(r))), total: total?.n ?? 0 };
  }

  async counts(q: Pick<QueueQuery, 'section' | 'sections'>, ownerId: string | undefined): Promise<QueueCounts> {
    const { sql, params } = queueWhere(q, QUEUE_STATES.mine);
    const rows = await this.ex.all<{ state: ArticleState; n: number }>(`SELECT a.state, count(*) AS n FROM articles a WHERE ${sql} GROUP BY a.state`, params);
    const byState = new Map(rows.map((r) => [r.state, r.n]));
    const sum = (states: readonly ArticleState[]) => states.reduce((n, s) => n + (byState.get(s) ?? 0), 0);
    let mine = 0;
    if (ownerId !== undefined) {
      const own = queueWhere({ ...q, ownerId }, QUEUE_STATES.mine);
      mine =
        (await this.ex.get<{ n: number }>(`SELECT count(*) AS n FROM articles a JOIN article_workflow w ON w.article_id = a.id WHERE ${own.sql}`, own.params))
          ?.n ?? 0;
    }
    return { desk: sum(QUEUE_STATES.desk), approved: sum(QUEUE_STATES.approved), published: sum(QUEUE_STATES.published), mine };
  }
}

/** The workflow's store on either engine's Database (this machine's SQLite or the newsroom's PostgreSQL): each move runs in one transaction. */
export class DatabaseWorkflowStore implements WorkflowStore {
  readonly read: WorkflowTx;

  constructor(private readonly db: Database) {
    this.read = new DatabaseWorkflowTx(db);
  }

  transaction<T>(fn: (tx: WorkflowTx) => Promise<T>): Promise<T> {
    return this.db.transaction((ex) => fn(new DatabaseWorkflowTx(ex)));
  }

  transactionOn<T>(articleId: string, fn: (tx: WorkflowTx) => Promise<T>): Promise<T> {
    return this.db.transaction(
      async (ex) => {
        // SQLite's BEGIN IMMEDIATE already admits one writer; PostgreSQL waits here for this story's row.
        if (this.db.engine === 'postgres') await ex.get('SELECT id FROM articles WHERE id = ? FOR UPDATE', [articleId]);
        return fn(new DatabaseWorkflowTx(ex));
      },
      { rowLocked: true },
    );
  }

  /** The workflow's operations inside a transaction another repository opened (an article save checks the edit rules in its own). */
  within(ex: Executor): WorkflowTx {
    return new DatabaseWorkflowTx(ex);
  }
}
