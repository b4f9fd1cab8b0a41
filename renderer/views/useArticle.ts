import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fieldsOf, type Article, type ArticleFields } from '../../shared/article';
import type { EditorStateJson } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import type { BylineClient } from '../client';
import { clearJournal, readJournal, writeJournal } from './draft-journal';
import { ArticleSession, type ConflictChoice, type SaveStatus, type ArticleNotice } from './article-session';

export type { ConflictChoice, SaveStatus, ArticleNotice } from './article-session';

/** Everything the reporter edits except the body, which lives in the Lexical editor. */
export type EditedFields = Omit<ArticleFields, 'body'>;
export type UpdateField = <K extends keyof EditedFields>(name: K, value: EditedFields[K]) => void;

/** Saves start this long after typing pauses, and never later than AUTOSAVE_MAX_WAIT_MS after the first change. */
export const AUTOSAVE_IDLE_MS = 2_000;
const AUTOSAVE_MAX_WAIT_MS = 15_000;
const JOURNAL_IDLE_MS = 700;
/** Even while typing never pauses, the local copy is at most this old. */
const JOURNAL_MAX_WAIT_MS = 3_000;

function splitFields(f: ArticleFields): { fields: EditedFields; body: EditorStateJson } {
  const { body, ...fields } = f;
  return { fields, body };
}

/**
 * The open story: the last version the server accepted, the fields being edited, autosave and the
 * local journal. Typing only bumps a counter; the body is serialised when typing pauses.
 */
export function useArticle(client: BylineClient, onSaved: (article: Article) => void) {
  const [article, setArticle] = useState<Article | null>(null);
  const [fields, setFields] = useState<EditedFields | null>(null);
  const [initialBody, setInitialBody] = useState<EditorStateJson | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'clean' });
  const [notice, setNotice] = useState<ArticleNotice | null>(null);
  const [bodyText, setBodyText] = useState('');
  const [loadSeq, setLoadSeq] = useState(0);
  const editorRef = useRef<LexicalEditor | null>(null);
  const changeSeq = useRef(0);
  const savedSeq = useRef(0);
  const saving = useRef<Promise<boolean> | null>(null);
  const articleRef = useRef<Article | null>(null);
  // The fields as last typed, for saves that start before React re-renders.
  const fieldsRef = useRef<EditedFields | null>(null);
  const bodyRef = useRef<EditorStateJson | null>(null);
  const timers = useRef<{ autosave?: number; journal?: number; firstChangeAt?: number; journalDueAt?: number }>({});
  const saveRef = useRef<() => Promise<boolean>>(async () => true);
  const scheduleRef = useRef<() => void>(() => undefined);
  const loadRef = useRef<(next: Article) => void>(() => undefined);
  const writeRef = useRef<(baseVersion: number) => Promise<boolean>>(async () => true);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const isDirty = useCallback(() => changeSeq.current !== savedSeq.current, []);

  const currentFields = useCallback((): ArticleFields => {
    const editor = editorRef.current;
    const body = editor ? (editor.getEditorState().toJSON() as EditorStateJson) : bodyRef.current!;
    return { ...fieldsRef.current!, body };
  }, []);

  const session = useMemo(() => new ArticleSession(client), [client]);
  useEffect(
    () =>
      session.attach({
        article: () => articleRef.current,
        adopt: (latest) => {
          articleRef.current = latest;
          setArticle(latest);
        },
        load: (next) => loadRef.current(next),
        currentFields,
        isDirty,
        setStatus,
        notify: setNotice,
        clearJournal,
        onSaved: (saved) => onSavedRef.current(saved),
        write: (baseVersion) => writeRef.current(baseVersion),
      }),
    [session, currentFields, isDirty],
  );

  const show = useCallback(
    (source: ArticleFields, dirty: boolean) => {
      const { fields: f, body } = splitFields(source);
      fieldsRef.current = f;
      bodyRef.current = body;
      setFields(f);
      setInitialBody(body);
      setBodyText(editorStateToText(body));
      setLoadSeq((n) => n + 1);
      changeSeq.current = dirty ? 1 : 0;
      savedSeq.current = 0;
      session.shown();
      setStatus(dirty ? { kind: 'dirty' } : { kind: 'clean' });
    },
    [session],
  );

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
      void session.checkKept(next.id);
    },
    [session, show],
  );
  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  const write = useCallback(
    async (baseVersion: number): Promise<boolean> => {
      const current = articleRef.current;
      if (!current || !fieldsRef.current) return true;
      const seq = changeSeq.current;
      setStatus({ kind: 'saving' });
      try {
        const result = await client.call('outbox.save', { id: current.id, baseVersion, fields: currentFields() });
        const done = session.stored(result);
        savedSeq.current = seq;
        if (result.stored === 'local') {
          // Kept on this computer: the story's version stays the one the server last gave.
          clearJournal(current.id);
          setStatus(isDirty() ? { kind: 'dirty' } : done);
          return true;
        }
        const saved = result.article;
        articleRef.current = saved;
        setArticle(saved);
        if (isDirty()) setStatus({ kind: 'dirty' });
        else {
          clearJournal(saved.id);
          setStatus(done);
        }
        onSaved(saved);
        return true;
      } catch (err) {
        setStatus(session.failed(err));
        return false;
      }
    },
    [client, currentFields, isDirty, onSaved, session],
  );
  useEffect(() => {
    writeRef.current = write;
  }, [write]);

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
    if (session.holdsAutosave) return;
    const wait = Math.max(0, Math.min(AUTOSAVE_IDLE_MS, t.firstChangeAt + AUTOSAVE_MAX_WAIT_MS - Date.now()));
    t.autosave = window.setTimeout(() => void saveRef.current(), wait);
  }, [currentFields, isDirty, session]);
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

  // The outbox's news about this story's waiting saves.
  useEffect(() => client.subscribe('outbox.changed', (outbox) => session.outboxChanged(outbox)), [client, session]);

  const resolveConflict = useCallback((choice: ConflictChoice) => session.resolveConflict(choice), [session]);

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
