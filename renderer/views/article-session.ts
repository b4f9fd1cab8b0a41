import type { Article, ArticleFields } from '../../shared/article';
import type { OutboxSaveResult, OutboxStatus } from '../../shared/contract-outbox';
import { ClientError, type BylineClient } from '../client';

export type SaveStatus =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  /** The shared database is away: saves are kept on this computer and go up when it is back. */
  | { kind: 'offline'; pending: number }
  /** `offline`: the saves kept on this computer met a newer version; the reporter keeps theirs or a copy. */
  | { kind: 'conflict'; message: string; offline?: boolean };

/** `copy` only after a conflict met offline: the reporter's text becomes a story of its own. */
export type ConflictChoice = 'reload' | 'overwrite' | 'copy';

export type ArticleNotice = { kind: 'recovered'; at: string } | { kind: 'restored'; version: number } | { kind: 'copied'; headline: string };

/**
 * Where this story's saves stand while the shared database is away: `waiting` on this computer, or met a
 * conflict there — `conflict` while the editor still shows the text that waited, `conflict-kept` when
 * the story was opened again and only the outbox holds it.
 */
export type OfflineState = 'no' | 'waiting' | 'conflict' | 'conflict-kept';

/** What the session needs from the editor that shows the story (the hook, or a test). */
export interface ArticleSessionHost {
  /** The story as the server last gave it (its version is what the next save builds on). */
  article(): Article | null;
  /** A newer version the outbox's saves made: becomes the open story's, the editor's text untouched. */
  adopt(latest: Article): void;
  /** Opens a story afresh in the editor. */
  load(article: Article): void;
  currentFields(): ArticleFields;
  isDirty(): boolean;
  setStatus(next: SaveStatus | ((current: SaveStatus) => SaveStatus)): void;
  notify(notice: ArticleNotice): void;
  clearJournal(articleId: string): void;
  onSaved(article: Article): void;
  /** Saves what the editor shows on top of `baseVersion`. */
  write(baseVersion: number): Promise<boolean>;
}

/** No editor (not yet attached, or closed): answers that arrive late change nothing. */
const DETACHED: ArticleSessionHost = {
  article: () => null,
  adopt: () => undefined,
  load: () => undefined,
  currentFields: () => {
    throw new Error('ArticleSession: no editor attached');
  },
  isDirty: () => false,
  setStatus: () => undefined,
  notify: () => undefined,
  clearJournal: () => undefined,
  onSaved: () => undefined,
  write: async () => false,
};

/**
 * The open story's offline and conflict handling, free of React: what a save's answer means, what the
 * outbox's news means for this story, and the reporter's way out of a conflict, in which no text is dropped.
 */
export class ArticleSession {
  #offline: OfflineState = 'no';
  #inConflict = false;
  #host: ArticleSessionHost | null = null;

  constructor(private readonly client: BylineClient) {}

  /** Connects the editor that shows the story; returns how to disconnect it. */
  attach(host: ArticleSessionHost): () => void {
    this.#host = host;
    return () => {
      if (this.#host === host) this.#host = null;
    };
  }

  private get host(): ArticleSessionHost {
    return this.#host ?? DETACHED;
  }

  get offline(): OfflineState {
    return this.#offline;
  }

  /** After a conflict the reporter decides; autosave must not keep hammering a stale version. */
  get holdsAutosave(): boolean {
    return this.#inConflict;
  }

  /** A story (or a version of it) was put in the editor: nothing is waiting or in conflict for that text. */
  shown(): void {
    this.#inConflict = false;
    this.#offline = 'no';
  }

  /** Text kept on this computer that met a newer version is still waiting for the reporter's decision. */
  async checkKept(articleId: string): Promise<void> {
    let outbox: OutboxStatus;
    try {
      outbox = await this.client.call('outbox.status', {});
    } catch {
      return; // no outbox to ask: nothing kept
    }
    const conflict = outbox.conflicts.find((c) => c.articleId === articleId);
    if (!conflict || this.host.article()?.id !== articleId) return;
    this.#offline = 'conflict-kept';
    this.#inConflict = true;
    this.host.setStatus({ kind: 'conflict', message: conflict.message, offline: true });
  }

  /** A save went through, to the server or into the outbox; the status to show, when nothing newer was typed. */
  stored(result: OutboxSaveResult): SaveStatus {
    this.#inConflict = false;
    if (result.stored === 'local') {
      this.#offline = 'waiting';
      return { kind: 'offline', pending: result.pending };
    }
    this.#offline = 'no';
    return { kind: 'saved', at: result.article.updatedAt };
  }

  /** A save was refused: a conflict (met online or by saves kept offline) or another error. */
  failed(err: unknown): SaveStatus {
    const e = err instanceof ClientError ? err : new ClientError('INTERNAL', String(err));
    this.#inConflict = e.code === 'CONFLICT';
    const offline = e.details?.offline === true;
    if (offline) this.#offline = 'conflict';
    return e.code === 'CONFLICT' ? { kind: 'conflict', message: e.message, offline } : { kind: 'error', message: e.message };
  }

  /** The outbox's news: this story's waiting saves went up (take the version they made) or met a conflict. */
  outboxChanged(outbox: OutboxStatus): void {
    const current = this.host.article();
    if (!current || this.#offline === 'no') return;
    const conflict = outbox.conflicts.find((c) => c.articleId === current.id);
    if (conflict) {
      this.#offline = 'conflict';
      this.#inConflict = true;
      this.host.setStatus({ kind: 'conflict', message: conflict.message, offline: true });
    } else if (outbox.pendingArticles.includes(current.id)) {
      this.host.setStatus((s) => (s.kind === 'offline' ? { kind: 'offline', pending: outbox.pending } : s));
    } else if (this.#offline === 'waiting') {
      void this.client.call('articles.get', { id: current.id }).then(
        (latest) => {
          if (this.host.article()?.id !== latest.id) return;
          this.#offline = 'no';
          this.host.adopt(latest);
          if (!this.host.isDirty()) this.host.setStatus({ kind: 'saved', at: latest.updatedAt });
          this.host.onSaved(latest);
        },
        () => undefined,
      );
    }
  }

  /** Conflict, the reporter's choice: keep the stored version (reload) or store theirs on top of it. */
  async resolveConflict(choice: ConflictChoice): Promise<void> {
    const current = this.host.article();
    if (!current) return;
    if (this.#offline === 'conflict' || this.#offline === 'conflict-kept') return this.#resolveOffline(current, choice === 'copy' ? 'copy' : 'mine');
    try {
      const latest = await this.client.call('articles.get', { id: current.id });
      if (choice === 'reload') {
        this.host.clearJournal(current.id);
        this.host.load(latest);
      } else await this.host.write(latest.version);
    } catch (err) {
      this.host.setStatus({ kind: 'error', message: (err as Error).message });
    }
  }

  /**
   * A conflict met by saves kept on this computer: neither choice drops text. `mine` stores the editor's
   * text as the newest version (the other stays in the revisions); `copy` stores it as a new story and
   * opens the server's version here.
   */
  async #resolveOffline(current: Article, keep: 'mine' | 'copy'): Promise<void> {
    try {
      // Only text the editor still shows may stand in for what waited; otherwise the outbox's own copy is kept.
      const fields = this.#offline === 'conflict' ? this.host.currentFields() : undefined;
      const stored = await this.client.call('outbox.resolve', { articleId: current.id, keep, ...(fields ? { fields } : {}) });
      this.#offline = 'no';
      this.host.clearJournal(current.id);
      this.host.onSaved(stored);
      if (keep === 'mine') this.host.load(stored);
      else {
        this.host.load(await this.client.call('articles.get', { id: current.id }));
        this.host.notify({ kind: 'copied', headline: stored.headline });
      }
    } catch (err) {
      this.host.setStatus({ kind: 'error', message: (err as Error).message });
    }
  }
}
