import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, ArticleFields } from '../../../shared/article';
import type { ArticleWorkflow } from '../../../shared/contract-workflow';
import type { Profile } from '../../../shared/profiles';
import type { HouseStyleSettings } from '../../../shared/settings-house-style';
import { blockingProblems, checkSubmission, type SubmissionProblem } from '../../../shared/submission';
import { ClientError, type BylineClient } from '../../client';
import { useArticleChanges } from '../../client/useArticleChanges';

interface Options {
  client: BylineClient;
  actor: Profile | null;
  article: Article | null;
  save: () => Promise<boolean>;
  currentFields: () => ArticleFields;
  isDirty: () => boolean;
  /** A newer stored version (after a move, or someone else's): show it. */
  onArticle: (article: Article) => void;
  /** The newsroom's 표기 원칙 and length limits, listed at 송고 (the backend checks the 'block' rules again). */
  houseStyle?: HouseStyleSettings;
  /** The window's 맞춤법 findings, listed at 송고 as warnings (views/spelling/); never a refusal. */
  spelling?: (fields: ArticleFields) => Promise<SubmissionProblem[]>;
}

type MoveResult = { article: Article; workflow: ArticleWorkflow };

/** A checker still loading its dictionary does not hold up 송고: its findings are left out. */
const SPELLING_WAIT_MS = 3000;

function spellingInTime(found: Promise<SubmissionProblem[]>): Promise<SubmissionProblem[]> {
  let timer: number | undefined;
  const late = new Promise<SubmissionProblem[]>((resolve) => (timer = window.setTimeout(() => resolve([]), SPELLING_WAIT_MS)));
  return Promise.race([found.catch(() => []), late]).finally(() => window.clearTimeout(timer));
}

/**
 * The open story's place in the workflow and the moves this window may make. The rules are the main
 * process's: what shows here is what it answered (allowed moves, who holds the lock, whether this
 * profile may edit), and every move goes to it and is refused there if the story moved meanwhile.
 */
export function useWorkflow({ client, actor, article, save, currentFields, isDirty, onArticle, houseStyle, spelling }: Options) {
  const [status, setStatus] = useState<ArticleWorkflow | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<SubmissionProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const articleRef = useRef<Article | null>(article);
  const actorId = actor?.id;
  const articleId = article?.id;
  // A save can move the story too (a returned story's first save reopens it): ask again after each.
  const articleVersion = article?.version;
  const articleState = article?.state;

  useEffect(() => {
    articleRef.current = article;
  }, [article]);

  /** Asks where the story stands, and loads the newest version if it moved (never over unsaved words). */
  const refresh = useCallback(async () => {
    const id = articleRef.current?.id;
    if (!id) return;
    const next = await client.call('workflow.status', { id });
    if (articleRef.current?.id !== id) return;
    setStatus(next);
    // A move made elsewhere changes what this window may do: show the story as it now stands. Someone
    // else's edit is shown at once only where this window cannot edit anyway; where it can, the next
    // save meets the usual conflict and the person chooses (useArticle).
    const shown = articleRef.current;
    if ((next.state !== shown.state || (next.version > shown.version && !next.editable)) && !isDirty()) {
      const latest = await client.call('articles.get', { id });
      if (articleRef.current?.id === id) onArticle(latest);
    }
    // The answer is the acting person's (what they may do): a new pick asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, actorId, isDirty, onArticle]);

  useEffect(() => {
    if (!articleId) return;
    let stopped = false;
    const tick = () => {
      if (document.visibilityState === 'visible') refresh().catch(() => undefined);
    };
    const first = window.setTimeout(() => {
      if (!stopped) tick();
    }, 0);
    window.addEventListener('focus', tick);
    return () => {
      stopped = true;
      window.clearTimeout(first);
      window.removeEventListener('focus', tick);
    };
  }, [articleId, articleVersion, articleState, refresh]);

  // Someone else moved, locked or edited this story (another window, another workstation): ask at once.
  useArticleChanges(client, () => void refresh().catch(() => undefined), articleId ?? null);

  const fail = useCallback(
    (err: unknown) => {
      const e = err instanceof ClientError ? err : new ClientError('INTERNAL', String(err));
      const fields = e.details?.fields;
      if (e.code === 'VALIDATION' && Array.isArray(fields) && fields.length > 0 && typeof (fields[0] as SubmissionProblem).severity === 'string') {
        const warnings = Array.isArray(e.details?.warnings) ? (e.details.warnings as SubmissionProblem[]) : [];
        setProblems([...(fields as SubmissionProblem[]), ...warnings]);
        setError(null);
      } else setError(e.message);
      // A refusal because the story moved meanwhile: show where it stands now.
      if (e.code === 'CONFLICT' || e.code === 'FORBIDDEN') void refresh().catch(() => undefined);
    },
    [refresh],
  );

  /** Runs a move on what is stored: unsaved words are saved first, and the move names the version they became. */
  const run = useCallback(
    // The client says who acts (the picked profile, or the session on the server); a move waits for a person.
    async (move: (id: string, version: number) => Promise<MoveResult>, opts: { saveFirst: boolean }) => {
      const current = articleRef.current;
      if (!current || !actorId) return false;
      setBusy(true);
      setError(null);
      try {
        if (opts.saveFirst && !(await save())) {
          setError('저장하지 못해 진행하지 않았습니다. 저장 문제를 먼저 해결하세요.');
          return false;
        }
        const latest = opts.saveFirst ? await client.call('articles.get', { id: current.id }) : current;
        const result = await move(current.id, latest.version);
        setStatus(result.workflow);
        setProblems(null);
        onArticle(result.article);
        return true;
      } catch (err) {
        fail(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [actorId, client, fail, onArticle, save],
  );

  /** 송고: every required field is checked here first, and again (authoritatively) by the main process. */
  const submit = useCallback(async () => {
    const fields = currentFields();
    const found = [...checkSubmission(fields, houseStyle), ...(spelling ? await spellingInTime(spelling(fields)) : [])];
    if (blockingProblems(found).length > 0) {
      setProblems(found);
      setError(null);
      return false;
    }
    setProblems(found.length > 0 ? found : null);
    const filed = await run((id, version) => client.call('workflow.submit', { id, version }), { saveFirst: true });
    // Warnings (표기 원칙 'warn' rules, lengths, alt text) stay listed after 송고: they are what the desk will see too.
    if (filed && found.length > 0) setProblems(found);
    return filed;
  }, [client, currentFields, houseStyle, spelling, run]);

  const startReview = useCallback(() => run((id) => client.call('workflow.startReview', { id }), { saveFirst: false }), [client, run]);
  const approve = useCallback(() => run((id, version) => client.call('workflow.approve', { id, version }), { saveFirst: true }), [client, run]);
  const sendBack = useCallback((reason: string) => run((id) => client.call('workflow.return', { id, reason }), { saveFirst: true }), [client, run]);
  const reopen = useCallback(() => run((id) => client.call('workflow.reopen', { id }), { saveFirst: false }), [client, run]);
  const correct = useCallback((note: string) => run((id) => client.call('workflow.correct', { id, note }), { saveFirst: false }), [client, run]);
  const withdraw = useCallback((reason: string) => run((id) => client.call('workflow.withdraw', { id, reason }), { saveFirst: false }), [client, run]);
  const takeLock = useCallback(() => run((id) => client.call('workflow.takeLock', { id }), { saveFirst: false }), [client, run]);
  const recall = useCallback(() => run((id) => client.call('workflow.recall', { id }), { saveFirst: false }), [client, run]);

  /** Into the 휴지통 (unsaved words saved first, so a restore brings back what was on screen) or out of it. */
  const trash = useCallback(
    async (method: 'trash.discard' | 'trash.restore') => {
      const id = articleRef.current?.id;
      if (!id || !actorId) return false;
      setBusy(true);
      setError(null);
      try {
        if (method === 'trash.discard' && !(await save())) return false;
        await client.call(method, { id });
        await refresh();
        return true;
      } catch (err) {
        fail(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [actorId, client, fail, refresh, save],
  );

  const setPriority = useCallback(
    async (priority: number) => {
      const id = articleRef.current?.id;
      if (!id || !actorId) return;
      try {
        setStatus(await client.call('workflow.setPriority', { id, priority }));
      } catch (err) {
        fail(err);
      }
    },
    [actorId, client, fail],
  );

  // What is shown belongs to one story and one profile.
  const shownFor = `${articleId ?? ''}:${actorId ?? ''}`;
  const [shown, setShown] = useState(shownFor);
  if (shown !== shownFor) {
    setShown(shownFor);
    setStatus(null);
    setProblems(null);
    setError(null);
  }

  return {
    status: status && status.articleId === articleId ? status : null,
    busy,
    problems,
    error,
    dismiss: () => {
      setProblems(null);
      setError(null);
    },
    refresh,
    submit,
    startReview,
    approve,
    sendBack,
    reopen,
    correct,
    withdraw,
    takeLock,
    setPriority,
    recall,
    discard: () => trash('trash.discard'),
    restore: () => trash('trash.restore'),
  };
}

export type WorkflowState = ReturnType<typeof useWorkflow>;
