import type { LexicalEditor } from 'lexical';
import { useCallback, useRef, useState } from 'react';
import type { Article, ArticleFields } from '../../shared/article';
import type { EditorStateJson } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import { ClientError, type BylineClient } from '../client';

export type SaveStatus =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string };

export interface StoryFields {
  headline: string;
  deck: string;
  section: string;
}

/**
 * The open story: the last version the server accepted, the fields being edited, and saving with the
 * version it was based on. Typing only bumps a counter; the body is serialised when a save starts.
 */
export function useStory(client: BylineClient, onSaved: (article: Article) => void) {
  const [article, setArticle] = useState<Article | null>(null);
  const [fields, setFields] = useState<StoryFields>({ headline: '', deck: '', section: '' });
  const [status, setStatus] = useState<SaveStatus>({ kind: 'clean' });
  const [bodyText, setBodyText] = useState('');
  const [loadSeq, setLoadSeq] = useState(0);
  const editorRef = useRef<LexicalEditor | null>(null);
  const changeSeq = useRef(0);
  const savedSeq = useRef(0);
  const saving = useRef<Promise<boolean> | null>(null);
  const articleRef = useRef<Article | null>(null);
  // The fields as last typed, for saves that start before React re-renders.
  const fieldsRef = useRef(fields);

  const load = useCallback((next: Article) => {
    articleRef.current = next;
    setArticle(next);
    fieldsRef.current = { headline: next.headline, deck: next.deck, section: next.section };
    setFields(fieldsRef.current);
    setBodyText(editorStateToText(next.body));
    changeSeq.current = 0;
    savedSeq.current = 0;
    setStatus({ kind: 'clean' });
    setLoadSeq((n) => n + 1);
  }, []);

  const markDirty = useCallback(() => {
    changeSeq.current += 1;
    setStatus((s) => (s.kind === 'dirty' || s.kind === 'saving' || s.kind === 'conflict' ? s : { kind: 'dirty' }));
  }, []);

  const updateField = useCallback(
    (name: keyof StoryFields, value: string) => {
      fieldsRef.current = { ...fieldsRef.current, [name]: value };
      setFields(fieldsRef.current);
      markDirty();
    },
    [markDirty],
  );

  const isDirty = () => changeSeq.current !== savedSeq.current;

  const currentFields = (): ArticleFields => {
    const editor = editorRef.current;
    const body = (editor ? editor.getEditorState().toJSON() : articleRef.current!.body) as EditorStateJson;
    return { ...fieldsRef.current, body };
  };

  const write = useCallback(
    async (baseVersion: number): Promise<boolean> => {
      const current = articleRef.current;
      if (!current) return true;
      const seq = changeSeq.current;
      setStatus({ kind: 'saving' });
      try {
        const saved = await client.call('articles.save', { id: current.id, baseVersion, fields: currentFields() });
        articleRef.current = saved;
        setArticle(saved);
        savedSeq.current = seq;
        setStatus(isDirty() ? { kind: 'dirty' } : { kind: 'saved', at: saved.updatedAt });
        onSaved(saved);
        return true;
      } catch (err) {
        const e = err instanceof ClientError ? err : new ClientError('INTERNAL', String(err));
        setStatus(e.code === 'CONFLICT' ? { kind: 'conflict', message: e.message } : { kind: 'error', message: e.message });
        return false;
      }
    },
    [client, onSaved],
  );

  /** Saves if anything changed; resolves true when what is on screen is stored. */
  const save = useCallback(async (): Promise<boolean> => {
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
  }, [write]);

  /** Conflict, the reporter's choice: keep the stored version (reload) or store theirs on top of it. */
  const resolveConflict = useCallback(
    async (choice: 'reload' | 'overwrite') => {
      const current = articleRef.current;
      if (!current) return;
      try {
        const latest = await client.call('articles.get', { id: current.id });
        if (choice === 'reload') load(latest);
        else await write(latest.version);
      } catch (err) {
        setStatus({ kind: 'error', message: (err as Error).message });
      }
    },
    [client, load, write],
  );

  return { article, fields, status, bodyText, setBodyText, loadSeq, editorRef, load, markDirty, updateField, save, isDirty, resolveConflict };
}
