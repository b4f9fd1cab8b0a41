import { fieldsOf, type Article, type ArticleFields } from '../../shared/article';
import type { OutboxSaveResult, OutboxConflict, OutboxStatus } from '../../shared/contract-outbox';
import { AppError } from '../../shared/errors';
import { StorageError } from '../db/storage-error';
import type { OutboxEntry, OutboxRepository } from '../db/outbox-repo';

type SaveInput = { id: string; baseVersion: number; fields: ArticleFields; actorId?: string };

export interface OutboxDeps {
  store: OutboxRepository;
  save: (input: SaveInput) => Promise<Article>;
  get: (id: string) => Promise<Article>;
  /** A new story holding `fields`, for a conflict the reporter settles by keeping a copy. */
  createCopy: (fields: ArticleFields, actorId?: string) => Promise<Article>;
  /** Whether the workflow's edit rules let this person change the story now (a desk covering its section…). */
  mayEdit: (articleId: string, actorId: string | undefined) => Promise<boolean>;
  /** Asks the shared database one trivial question: resolves when it answers. */
  probe: () => Promise<void>;
  /** Every window hears of the outbox's state (the 오프라인 banner, the open story's status). */
  announce: (status: OutboxStatus) => void;
  now?: () => Date;
  /** Delays between tries to reach the server while it is away: doubling from min up to max. */
  retryMinMs?: number;
  retryMaxMs?: number;
  log?: (message: string, err?: unknown) => void;
}

const isUnreachable = (err: unknown): err is StorageError => err instanceof StorageError && err.reason === 'UNAVAILABLE';
const isConflict = (err: unknown): err is AppError => err instanceof AppError && err.code === 'CONFLICT';

const NOT_YOURS_MESSAGE =
  '다른 사람이 연결이 끊긴 동안 보관한 글입니다. 쓴 사람이나 지금 이 기사를 고칠 수 있는 사람만 정리할 수 있습니다. 보관한 글은 그대로 있습니다.';

const CONFLICT_MESSAGE =
  '연결이 끊긴 동안 다른 곳에서 이 기사를 고쳤습니다. 이 컴퓨터에 보관한 글은 그대로 있습니다: 내 글을 최신 버전으로 저장하거나 사본으로 저장하세요.';

/** JSON with keys in one order: the server may hand fields back with their keys differently arranged. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
const sameFields = (stored: Article, waiting: ArticleFields) => canonical(fieldsOf(stored)) === canonical(waiting);

/**
 * Saves that outlive the network. While the shared database answers, a save is a save. When it stops
 * answering, saves go into this workstation's outbox, and the server is asked again with growing pauses
 * (no tight loop). When it answers, the waiting saves go up one by one in the order they were made, each
 * on the version the one before it made, so the story's revisions read as the reporter wrote them.
 *
 * A waiting save that meets a version somebody else stored meanwhile is a conflict: it stays in the
 * outbox, the story's window says so, and the reporter keeps their text as the newest version or as a
 * copy. Nothing here ever decides by dropping text.
 */
export class Outbox {
  private online = true;
  private lastError: string | undefined;
  private syncing: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  private closed = false;
  /**
   * The version a story's offline saves were based on → the version the last of them made. The window
   * goes on saving from the base it knew until it hears back; such a save is put on top, not refused.
   */
  private readonly rebased = new Map<string, { from: number; to: number }>();
  private readonly now: () => Date;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? (() => new Date());
    this.retryDelay = deps.retryMinMs ?? 1_000;
  }

  /** At start: saves left waiting by the last session go up as soon as the server answers. */
  async start(): Promise<void> {
    if ((await this.deps.store.all()).some((e) => e.state === 'pending')) this.nudge();
  }

  async save(input: SaveInput): Promise<OutboxSaveResult> {
    if (!this.online) return this.queue(input);
    // Saves already waiting for this story go first, or the revisions would be out of order.
    if ((await this.deps.store.ofArticle(input.id)).length > 0) {
      await this.sync();
      if ((await this.deps.store.ofArticle(input.id)).length > 0) return this.queue(input);
    }
    try {
      return { stored: 'server', article: await this.saveOnServer(input) };
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      this.wentOffline(err);
      return this.queue(input);
    }
  }

  async status(): Promise<OutboxStatus> {
    const entries = await this.deps.store.all();
    const pending = entries.filter((e) => e.state === 'pending');
    const conflicts = new Map<string, OutboxConflict>();
    for (const e of entries) {
      if (e.state !== 'conflict') continue;
      // The newest waiting save names the story as the reporter last saw it.
      conflicts.set(e.articleId, { articleId: e.articleId, headline: e.fields.headline, queuedAt: e.queuedAt, message: e.message ?? CONFLICT_MESSAGE });
    }
    return {
      connection: this.online ? 'online' : 'offline',
      pending: pending.length,
      pendingArticles: [...new Set(pending.map((e) => e.articleId))].slice(0, 1_000),
      conflicts: [...conflicts.values()].slice(0, 1_000),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /** The reporter settles a conflict; the waiting saves are cleared only once their text is stored. */
  async resolve(input: { articleId: string; keep: 'mine' | 'copy'; fields?: ArticleFields; actorId?: string }): Promise<Article> {
    const entries = await this.deps.store.ofArticle(input.articleId);
    const last = entries.at(-1);
    const fields = input.fields ?? last?.fields;
    if (!fields) throw new AppError('NOT_FOUND', '이 기사에는 이 컴퓨터에 보관된 글이 없습니다.');
    // On the newsroom server one outbox holds everyone's waiting text: settling it takes it (a copy) or drops it.
    const theirs = entries.some((e) => e.actorId !== input.actorId);
    if (theirs && !(await this.deps.mayEdit(input.articleId, input.actorId))) throw new AppError('FORBIDDEN', NOT_YOURS_MESSAGE);
    const actorId = input.actorId ?? last?.actorId;
    let stored: Article;
    if (input.keep === 'mine') {
      const current = await this.deps.get(input.articleId);
      stored = await this.deps.save({ id: input.articleId, baseVersion: current.version, fields, ...(actorId ? { actorId } : {}) });
    } else {
      stored = await this.deps.createCopy(fields, actorId);
    }
    this.rebased.delete(input.articleId);
    await this.deps.store.removeArticle(input.articleId);
    await this.announce();
    return stored;
  }

  /** The server may be back (the change listener reconnected, or a window asked): try now. */
  nudge(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    void this.sync().catch((err: unknown) => this.deps.log?.('[byline] outbox sync failed', err));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.syncing?.catch(() => undefined);
    await this.deps.store.close();
  }

  /** Sends the waiting saves up in order; one run at a time. */
  sync(): Promise<void> {
    this.syncing ??= this.drain().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async drain(): Promise<void> {
    const entries = await this.deps.store.all();
    if (!this.online) {
      try {
        await this.deps.probe();
      } catch (err) {
        this.stillOffline(err);
        return;
      }
    }
    const blocked = new Set(entries.filter((e) => e.state === 'conflict').map((e) => e.articleId));
    let changed = !this.online;
    this.online = true;
    this.lastError = undefined;
    this.retryDelay = this.deps.retryMinMs ?? 1_000;
    for (const entry of entries) {
      if (entry.state !== 'pending' || blocked.has(entry.articleId)) continue;
      changed = true;
      const outcome = await this.upload(entry);
      if (outcome === 'offline') break;
      if (outcome === 'blocked') blocked.add(entry.articleId);
    }
    if (changed) await this.announce();
  }

  /** One waiting save to the server: stored, set aside as a conflict, or the server went away again. */
  private async upload(entry: OutboxEntry): Promise<'stored' | 'blocked' | 'offline'> {
    const input: SaveInput = {
      id: entry.articleId,
      baseVersion: entry.baseVersion,
      fields: entry.fields,
      ...(entry.actorId ? { actorId: entry.actorId } : {}),
    };
    try {
      const saved = await this.saveOnServer(input);
      this.rebased.set(entry.articleId, { from: entry.baseVersion, to: saved.version });
      await this.deps.store.remove(entry.seq);
      return 'stored';
    } catch (err) {
      if (isUnreachable(err)) {
        this.wentOffline(err);
        return 'offline';
      }
      // The save may have landed just before the connection dropped: the server then holds this very text.
      if (isConflict(err)) {
        const current = await this.deps.get(entry.articleId).catch(() => undefined);
        if (current && sameFields(current, entry.fields)) {
          this.rebased.set(entry.articleId, { from: entry.baseVersion, to: current.version });
          await this.deps.store.remove(entry.seq);
          return 'stored';
        }
      }
      // A conflict, or a rule the story now falls under (submitted and locked, archived, deleted): the reporter decides.
      const message = isConflict(err) ? CONFLICT_MESSAGE : err instanceof AppError ? err.message : String(err);
      if (!(err instanceof AppError)) this.deps.log?.('[byline] outbox upload failed', err);
      await this.deps.store.markConflict(entry.articleId, message);
      return 'blocked';
    }
  }

  private async saveOnServer(input: SaveInput): Promise<Article> {
    const chain = this.rebased.get(input.id);
    // The window has heard of the versions its offline saves made: it no longer needs carrying over.
    if (chain && chain.to === input.baseVersion) this.rebased.delete(input.id);
    const onChain = chain?.from === input.baseVersion;
    const saved = await this.deps.save({ ...input, baseVersion: onChain ? chain.to : input.baseVersion });
    if (onChain) this.rebased.set(input.id, { from: chain.from, to: saved.version });
    return saved;
  }

  private async queue(input: SaveInput): Promise<OutboxSaveResult> {
    const queuedAt = this.now().toISOString();
    // A story already in conflict keeps collecting the reporter's text there, and the window is told.
    const inConflict = (await this.deps.store.ofArticle(input.id)).find((e) => e.state === 'conflict');
    await this.deps.store.add({
      articleId: input.id,
      baseVersion: input.baseVersion,
      fields: input.fields,
      ...(input.actorId ? { actorId: input.actorId } : {}),
      queuedAt,
      state: inConflict ? 'conflict' : 'pending',
      ...(inConflict?.message ? { message: inConflict.message } : {}),
    });
    const status = await this.announce();
    if (inConflict) throw new AppError('CONFLICT', inConflict.message ?? CONFLICT_MESSAGE, { offline: true });
    return { stored: 'local', pending: Math.max(1, status.pending), queuedAt };
  }

  private wentOffline(err: StorageError): void {
    const wasOnline = this.online;
    this.online = false;
    this.lastError = err.message;
    if (wasOnline) this.deps.log?.('[byline] shared database unreachable; saves wait in the outbox', err);
    this.scheduleRetry();
  }

  private stillOffline(err: unknown): void {
    this.lastError = err instanceof Error ? err.message : String(err);
    this.retryDelay = Math.min(this.retryDelay * 2, this.deps.retryMaxMs ?? 15_000);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.nudge();
    }, this.retryDelay);
    this.retryTimer.unref?.();
  }

  private async announce(): Promise<OutboxStatus> {
    const status = await this.status();
    this.deps.announce(status);
    return status;
  }
}
