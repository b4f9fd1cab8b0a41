import type { Article } from '../../shared/article';
import type { TrashItem } from '../../shared/contract-trash';
import type { Profile } from '../../shared/profiles';
import { decideDiscard, decideRestore, purgeAt, purgeBefore, type TrashFacts } from '../../shared/trash';
import type { Database, Executor } from '../db/database';
import type { TrashRepository, TrashRow } from '../db/trash-repo';
import type { DatabaseWorkflowStore } from '../db/workflow-repo';
import type { ArticleService } from './articles';
import { actorIn, actorOf, articleIn, factsOf, person, refusal } from './workflow-facts';
import type { ArticleRecord } from './workflow-store';

/*
 * The 휴지통: a draft discarded leaves the queues and search, stays restorable for TRASH_DAYS, then the
 * purge deletes it with everything that hangs off it. Rules in shared/trash.ts; SQL in db/trash-repo.ts.
 * `actorId` is the caller the host names (shared/call-context.ts), undefined on a workstation where no
 * profile is picked (then only a draft nobody owns may be discarded, and the history has no line for it).
 */

export interface TrashServiceDeps {
  db: Database;
  repo: TrashRepository;
  store: DatabaseWorkflowStore;
  articles: ArticleService;
  now?: () => Date;
  /** Tells the windows a purged story is gone; on PostgreSQL the database's own triggers do it. */
  announce?: (articleId: string) => void;
  log?: (message: string, err: unknown) => void;
}

const PURGE_BATCH = 100;

function toItem(r: TrashRow, restorable: boolean): TrashItem {
  return {
    id: r.id,
    version: r.version,
    state: r.state,
    headline: r.headline,
    section: r.section,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '', role: r.owner_role ?? 'reporter' } : null,
    discardedAt: r.discarded_at,
    discardedBy: r.discarded_by ? { id: r.discarded_by, name: r.by_name ?? '', role: r.by_role ?? 'reporter' } : null,
    purgeAt: purgeAt(r.discarded_at),
    restorable,
  };
}

export class TrashService {
  private readonly now: () => Date;

  constructor(private readonly deps: TrashServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** One story's transaction with its row locked first, as the workflow's moves take it. */
  private onStory<T>(id: string, fn: (ex: Executor) => Promise<T>): Promise<T> {
    return this.deps.db.transaction(
      async (ex) => {
        if (this.deps.db.engine === 'postgres') await ex.get('SELECT id FROM articles WHERE id = ? FOR UPDATE', [id]);
        return fn(ex);
      },
      { rowLocked: true },
    );
  }

  private async facts(ex: Executor, story: ArticleRecord): Promise<TrashFacts> {
    return { ...factsOf(story), discardedAt: story.discardedAt, everPublished: await this.deps.repo.everPublished(ex, story.id) };
  }

  private async change(input: { id: string; actorId?: string }, discard: boolean): Promise<TrashRow | undefined> {
    const at = this.now().toISOString();
    return this.onStory(input.id, async (ex) => {
      const wf = this.deps.store.within(ex);
      const story = await articleIn(wf, input.id);
      const actor: Profile | undefined = input.actorId === undefined ? undefined : await actorIn(wf, input.actorId);
      const decide = discard ? decideDiscard : decideRestore;
      const verdict = decide(actor && actorOf(actor), await this.facts(ex, story));
      if (!verdict.ok) throw refusal(verdict);
      await this.deps.repo.mark(ex, story.id, discard ? at : null, discard ? (actor?.id ?? null) : null);
      if (actor) {
        const action = discard ? 'discard' : 'restore';
        await wf.appendEvent({ articleId: story.id, action, from: story.state, to: story.state, actor: person(actor), at, note: '', version: story.version });
      }
      return this.deps.repo.item(ex, story.id);
    });
  }

  async discard(input: { id: string; actorId?: string }): Promise<TrashItem> {
    const row = await this.change(input, true);
    return toItem(row!, true);
  }

  async restore(input: { id: string; actorId?: string }): Promise<Article> {
    await this.change(input, false);
    return this.deps.articles.get(input.id);
  }

  /** The 휴지통, newest first, each with whether the asking profile may restore it. */
  async list(input: { limit: number; offset: number; actorId?: string }): Promise<{ items: TrashItem[]; total: number }> {
    const { rows, total } = await this.deps.repo.list(input.limit, input.offset);
    const actor = input.actorId === undefined ? undefined : actorOf(await actorIn(this.deps.store.read, input.actorId));
    const items = rows.map((r) => {
      const facts: TrashFacts = { state: r.state, section: r.section, ownerId: r.owner_id, lock: null, discardedAt: r.discarded_at, everPublished: false };
      return toItem(r, decideRestore(actor, facts).ok);
    });
    return { items, total };
  }

  /**
   * Deletes every story discarded more than TRASH_DAYS ago (at start and periodically). One story per
   * transaction: one that fails is logged and tried again next time, the others still go.
   */
  async purge(): Promise<{ purged: string[]; photos: string[] }> {
    const before = purgeBefore(this.now());
    const purged: string[] = [];
    const photos: string[] = [];
    for (;;) {
      const due = (await this.deps.repo.due(before, PURGE_BATCH)).filter((id) => !purged.includes(id));
      if (due.length === 0) break;
      let progressed = false;
      for (const id of due) {
        try {
          const r = await this.deps.repo.purge(id, before);
          if (!r.purged) continue;
          progressed = true;
          purged.push(id);
          photos.push(...r.photos);
          this.deps.announce?.(id);
        } catch (err) {
          this.deps.log?.(`[byline] 휴지통 비우기 실패 (${id})`, err);
        }
      }
      if (!progressed) break;
    }
    return { purged, photos };
  }
}
