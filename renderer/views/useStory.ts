import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fieldsOf, type Article, type ArticleFields } from '../../shared/article';
import type { EditorStateJson } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import { ClientError, type BylineClient } from '../client';
import { clearJournal, readJournal, writeJournal } from './draft-journal';

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

/** Everything the reporter edits except the body, which lives in the Lexical editor. */
export type StoryFields = Omit<ArticleFields, 'body'>;
export type UpdateField = <K extends keyof StoryFields>(name: K, value: StoryFields[K]) => void;

/** `copy` only after a conflict met offline: the reporter's text becomes a story of its own. */
export type ConflictChoice = 'reload' | 'overwrite' | 'copy';

export type StoryNotice = { kind: 'recovered'; at: string } | { kind: 'restored'; version: number } | { kind: 'copied'; headline: string };

/** Saves start this long after typing pauses, and never later than AUTOSAVE_MAX_WAIT_MS after the first change. */
export const AUTOSAVE_IDLE_MS = 2_000;
const AUTOSAVE_MAX_WAIT_MS = 15_000;
const JOURNAL_IDLE_MS = 700;
/** Even while typing never pauses, the local copy is at most this old. */
const JOURNAL_MAX_WAIT_MS = 3_000;

function splitFields(f: ArticleFields): { fields: StoryFields; body: EditorStateJson } {
  const { body, ...fields } = f;
  return { fields, body };
}

/**
 * The open story: the last version the server accepted, the fields being edited, autosave and the
 * local journal. Typing only bumps a counter; the body is serialised when typing pauses.
 */
export function useStory(client: BylineClient, onSaved: (article: Article) => void) {
  const [article, setArticle] = useState<Article | null>(null);
  const [fields, setFields] = useState<StoryFields | null>(null);
  const [initialBody, setInitialBody] = useState<EditorStateJson | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'clean' });
  const [notice, setNotice] = useState<StoryNotice | null>(null);
  const [bodyText, setBodyText] = useState('');
  const [loadSeq, setLoadSeq] = useState(0);
  const editorRef = useRef<LexicalEditor | null>(null);
  const changeSeq = useRef(0);
  const savedSeq = useRef(0);
  const saving = useRef<Promise<boolean> | null>(null);
  const articleRef = useRef<Article | null>(null);
  // The fields as last typed, for saves that start before React re-renders.
  const fieldsRef = useRef<StoryFields | null>(null);
  const bodyRef = useRef<EditorStateJson | null>(null);
  const timers = useRef<{ autosave?: number; journal?: number; firstChangeAt?: number; journalDueAt?: number }>({});
  const saveRef = useRef<() => Promise<boolean>>(async () => true);
  const scheduleRef = useRef<() => void>(() => undefined);
  // After a conflict the reporter decides; autosave must not keep hammering a stale version.
  const inConflict = useRef(false);
  /**
   * Saves of this story wait on this computer (the shared database is away), or met a conflict there:
   * `conflict` while the editor still shows the text that waited, `conflict-kept` when the story was
   * opened again and only the outbox holds it.
   */
  const offline = useRef<'no' | 'waiting' | 'conflict' | 'conflict-kept'>('no');

  const isDirty = useCallback(() => changeSeq.current !== savedSeq.current, []);

  const currentFields = useCallback((): ArticleFields => {
    const editor = editorRef.current;
    const body = editor ? (editor.getEditorState().toJSON() as EditorStateJson) : bodyRef.current!;
    return { ...fieldsRef.current!, body };
  }, []);

  const show = useCallback((source: ArticleFields, dirty: boolean) => {
    const { fields: f, body } = splitFields(source);
    fieldsRef.current = f;
    bodyRef.current = body;
    setFields(f);
    setInitialBody(body);
    setBodyText(editorStateToText(body));
    setLoadSeq((n) => n + 1);
    changeSeq.current = dirty ? 1 : 0;
    savedSeq.current = 0;
    inConflict.current = false;
    offline.current = 'no';
    setStatus(dirty ? { kind: 'dirty' } : { kind: 'clean' });
  }, []);

  const stopTimers = () => {
    window.clearTimeout(timers.current.autosave);
    window.clearTimeout(timers.current.journal);
    timers.current = {};
  };

  /** Opens a story; unsaved edits left in the journal by a crash come back, and the user is told so. */
  const load = useCallback(
    (next: Article) => {
      stopTimers();
      articleRef.current = next;
      setArticle(next);
      const journal = readJournal(next.id);
      const stored = fieldsOf(next);
      if (journal && JSON.stringify(journal.fields) !== JSON.stringify(stored)) {
        show(journal.fields, true);
        setNotice({ kind: 'recovered', at: journal.writtenAt });
        // A journal from an older version still comes back; its save will then meet the conflict check.
        if (journal.baseVersion !== next.version) articleRef.current = { ...next, version: journal.baseVersion };
        scheduleRef.current();
      } else {
        if (journal) clearJournal(next.id);
        show(stored, false);
        setNotice(null);
      }
      // Text kept on this computer that met a newer version is still waiting for the reporter's decision.
      void client.call('drafts.status', {}).then(
        (outbox) => {
          const conflict = outbox.conflicts.find((c) => c.articleId === next.id);
          if (!conflict || articleRef.current?.id !== next.id) return;
          offline.current = 'conflict-kept';
          inConflict.current = true;
          setStatus({ kind: 'conflict', message: conflict.message, offline: true });
        },
        () => undefined,
      );
    },
    [client, show],
  );

  const write = useCallback(
    async (baseVersion: number): Promise<boolean> => {
      const current = articleRef.current;
      if (!current || !fieldsRef.current) return true;
      const seq = changeSeq.current;
      setStatus({ kind: 'saving' });
      try {
        const result = await client.call('drafts.save', { id: current.id, baseVersion, fields: currentFields() });
        if (result.stored === 'local') {
          // Kept on this computer: the story's version stays the one the server last gave.
          savedSeq.current = seq;
          inConflict.current = false;
          offline.current = 'waiting';
          clearJournal(current.id);
          setStatus(isDirty() ? { kind: 'dirty' } : { kind: 'offline', pending: result.pending });
          return true;
        }
        const saved = result.article;
        offline.current = 'no';
        articleRef.current = saved;
        setArticle(saved);
        savedSeq.current = seq;
        inConflict.current = false;
        if (isDirty()) setStatus({ kind: 'dirty' });
        else {
          clearJournal(saved.id);
          setStatus({ kind: 'saved', at: saved.updatedAt });
        }
        onSaved(saved);
        return true;
      } catch (err) {
        const e = err instanceof ClientError ? err : new ClientError('INTERNAL', String(err));
        inConflict.current = e.code === 'CONFLICT';
        if (e.details?.offline === true) offline.current = 'conflict';
        setStatus(
          e.code === 'CONFLICT' ? { kind: 'conflict', message: e.message, offline: e.details?.offline === true } : { kind: 'error', message: e.message },
        );
        return false;
      }
    },
    [client, currentFields, isDirty, onSaved],
  );

  /** Saves if anything changed; resolves true when what is on screen is stored. */
  const save = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timers.current.autosave);
    timers.current.firstChangeAt = undefined;
    if (saving.current) await saving.current;
    const current = articleRef.current;
    if (!current || !isDirty()) return true;
    const run = write(current.version);
    saving.current = run;
    try {
      return await run;
    } finally {
      saving.current = null;
    }
  }, [isDirty, write]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const schedule = useCallback(() => {
    const t = timers.current;
    window.clearTimeout(t.journal);
    t.journalDueAt ??= Date.now() + JOURNAL_MAX_WAIT_MS;
    t.journal = window.setTimeout(
      () => {
        t.journalDueAt = undefined;
        const current = articleRef.current;
        if (current && isDirty())
          writeJournal({ articleId: current.id, baseVersion: current.version, writtenAt: new Date().toISOString(), fields: currentFields() });
      },
      Math.max(0, Math.min(JOURNAL_IDLE_MS, t.journalDueAt - Date.now())),
    );
    t.firstChangeAt ??= Date.now();
    window.clearTimeout(t.autosave);
    if (inConflict.current) return;
    const wait = Math.max(0, Math.min(AUTOSAVE_IDLE_MS, t.firstChangeAt + AUTOSAVE_MAX_WAIT_MS - Date.now()));
    t.autosave = window.setTimeout(() => void saveRef.current(), wait);
  }, [currentFields, isDirty]);
  useEffect(() => {
    scheduleRef.current = schedule;
  }, [schedule]);
  useEffect(() => stopTimers, []);

  const markDirty = useCallback(() => {
    changeSeq.current += 1;
    setStatus((s) => (s.kind === 'dirty' || s.kind === 'saving' || s.kind === 'conflict' ? s : { kind: 'dirty' }));
    scheduleRef.current();
  }, []);

  const updateField: UpdateField = useCallback(
    (name, value) => {
      fieldsRef.current = { ...fieldsRef.current!, [name]: value };
      setFields(fieldsRef.current);
      markDirty();
    },
    [markDirty],
  );

  /**
   * A conflict met by saves kept on this computer: neither choice drops text. `mine` stores the editor's
   * text as the newest version (the other stays in the revisions); `copy` stores it as a new story and
   * opens the server's version here.
   */
  const resolveOffline = useCallback(
    async (current: Article, keep: 'mine' | 'copy') => {
      try {
        // Only text the editor still shows may stand in for what waited; otherwise the outbox's own copy is kept.
        const fields = offline.current === 'conflict' ? currentFields() : undefined;
        const stored = await client.call('drafts.resolve', { articleId: current.id, keep, ...(fields ? { fields } : {}) });
        offline.current = 'no';
        clearJournal(current.id);
        onSaved(stored);
        if (keep === 'mine') load(stored);
        else {
          load(await client.call('articles.get', { id: current.id }));
          setNotice({ kind: 'copied', headline: stored.headline });
        }
      } catch (err) {
        setStatus({ kind: 'error', message: (err as Error).message });
      }
    },
    [client, currentFields, load, onSaved],
  );

  // The outbox's news: this story's waiting saves went up (take the version they made) or met a conflict.
  useEffect(
    () =>
      client.subscribe('drafts.changed', (outbox) => {
        const current = articleRef.current;
        if (!current || offline.current === 'no') return;
        const conflict = outbox.conflicts.find((c) => c.articleId === current.id);
        if (conflict) {
          offline.current = 'conflict';
          inConflict.current = true;
          setStatus({ kind: 'conflict', message: conflict.message, offline: true });
        } else if (outbox.pendingArticles.includes(current.id)) {
          setStatus((s) => (s.kind === 'offline' ? { kind: 'offline', pending: outbox.pending } : s));
        } else if (offline.current === 'waiting') {
          void client.call('articles.get', { id: current.id }).then(
            (latest) => {
              if (articleRef.current?.id !== latest.id) return;
              offline.current = 'no';
              articleRef.current = latest;
              setArticle(latest);
              if (!isDirty()) setStatus({ kind: 'saved', at: latest.updatedAt });
              onSaved(latest);
            },
            () => undefined,
          );
        }
      }),
    [client, isDirty, onSaved],
  );

  /** Conflict, the reporter's choice: keep the stored version (reload) or store theirs on top of it. */
  const resolveConflict = useCallback(
    async (choice: ConflictChoice) => {
      const current = articleRef.current;
      if (!current) return;
      if (offline.current === 'conflict' || offline.current === 'conflict-kept') return resolveOffline(current, choice === 'copy' ? 'copy' : 'mine');
      try {
        const latest = await client.call('articles.get', { id: current.id });
        if (choice === 'reload') {
          clearJournal(current.id);
          load(latest);
        } else await write(latest.version);
      } catch (err) {
        setStatus({ kind: 'error', message: (err as Error).message });
      }
    },
    [client, load, write, resolveOffline],
  );

  /** Brings an old version back into the editor as unsaved changes; saving makes it the newest version. */
  const restoreRevision = useCallback(
    async (version: number) => {
      const current = articleRef.current;
      if (!current) return;
      try {
        const revision = await client.call('articles.revision', { id: current.id, version });
        show(revision.fields, true);
        setNotice({ kind: 'restored', version });
        scheduleRef.current();
      } catch (err) {
        setStatus({ kind: 'error', message: (err as Error).message });
      }
    },
    [client, show],
  );

  return {
    article,
    fields,
    initialBody,
    status,
    notice,
    dismissNotice: () => setNotice(null),
    bodyText,
    setBodyText,
    loadSeq,
    editorRef,
    load,
    markDirty,
    updateField,
    save,
    isDirty,
    resolveConflict,
    restoreRevision,
    currentFields,
  };
}
