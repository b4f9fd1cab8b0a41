import { useEffect, useState } from 'react';
import { PublishTargetInput, type PublishTarget, type TargetCheck } from '../../../shared/contract-publish';
import type { BylineClient } from '../../client';
import { draftOf, inputOf, newDraft, type TargetDraft } from '../publish/target-draft';
import { TARGET_KINDS } from '../../../shared/publish-targets/index';

/*
 * The 출고 대상 page's part of the settings draft: the stored targets, the edits and new targets not yet
 * saved, and each one's 연결 시험. The dialog's 저장 checks and saves them after the settings; nothing
 * here is sent before that except the tests, which store nothing.
 */

export interface KeyedDraft {
  /** The stored id as text, or new-N. */
  key: string;
  draft: TargetDraft;
}

/** Kinds whose site is reached over the network with a secret: their new or changed targets are tested before saving. */
const TESTED = new Set(['wordpress', 'ghost']);

let counter = 0;

export function useTargetDrafts(client: BylineClient, enabled: boolean) {
  const [stored, setStored] = useState<PublishTarget[]>([]);
  const [drafts, setDrafts] = useState<KeyedDraft[]>([]);
  const [checks, setChecks] = useState<Record<string, TargetCheck | 'testing'>>({});
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  // A half-typed new target is not wrong yet: its problems show from the first 저장 on.
  const [revealed, setRevealed] = useState(false);

  const reload = () => client.call('publish.targets', {}).then(setStored, (err: Error) => setLoadProblem(err.message));
  useEffect(() => {
    if (enabled) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  }, [client, enabled]);

  const storedOf = (d: TargetDraft) => (d.id === undefined ? undefined : stored.find((s) => s.id === d.id));
  /** A draft that would change what is stored (an opened, untouched form changes nothing). */
  const changed = (d: TargetDraft) => {
    const s = storedOf(d);
    const before = s && draftOf(s);
    return !before || JSON.stringify(inputOf(before)) !== JSON.stringify(inputOf(d));
  };
  const pending = drafts.filter((k) => changed(k.draft));
  const invalid = (d: TargetDraft): string | null => {
    const parsed = PublishTargetInput.safeParse(inputOf(d));
    if (parsed.success) return null;
    return parsed.error.issues.map((i) => i.message).join(' ');
  };

  const setCheck = (key: string, value: TargetCheck | 'testing' | undefined) =>
    setChecks(({ [key]: _old, ...rest }) => (value === undefined ? rest : { ...rest, [key]: value }));

  const check = async (key: string, d: TargetDraft): Promise<TargetCheck> => {
    setCheck(key, 'testing');
    const answer = await client.call('publish.checkTarget', inputOf(d)).catch((err: Error): TargetCheck => ({ ok: false, message: err.message }));
    setCheck(key, answer);
    return answer;
  };

  return {
    stored,
    drafts,
    checks,
    loadProblem,
    dirty: pending.length > 0,
    revealed,
    reveal: () => setRevealed(true),
    invalid,
    edit(target: PublishTarget) {
      const d = draftOf(target);
      if (d && !drafts.some((k) => k.key === String(target.id))) setDrafts((all) => [...all, { key: String(target.id), draft: d }]);
    },
    add() {
      counter += 1;
      setDrafts((all) => [...all, { key: `new-${counter}`, draft: newDraft(TARGET_KINDS[0].kind) }]);
    },
    update(key: string, next: (d: TargetDraft) => TargetDraft) {
      setDrafts((all) => all.map((k) => (k.key === key ? { key, draft: next(k.draft) } : k)));
      setCheck(key, undefined);
    },
    discard(key: string) {
      setDrafts((all) => all.filter((k) => k.key !== key));
      setCheck(key, undefined);
    },
    /** 연결 시험 of a stored target as stored, or of a draft as typed. */
    test(key: string) {
      const d = drafts.find((k) => k.key === key)?.draft ?? draftOf(stored.find((s) => String(s.id) === key)!);
      if (d) return check(key, d);
      setCheck(key, 'testing');
      return client
        .call('publish.testTarget', { targetId: Number(key) })
        .catch((err: Error): TargetCheck => ({ ok: false, message: err.message }))
        .then((answer) => (setCheck(key, answer), answer));
    },
    /** Drafts whose schema refuses them, by key, with why. */
    problems(): Array<{ key: string; message: string }> {
      return pending.flatMap((k) => {
        const message = invalid(k.draft);
        return message ? [{ key: k.key, message }] : [];
      });
    },
    /** Tests every new or changed WordPress and Ghost draft; the names of those that failed. */
    async checkPending(): Promise<string[]> {
      const answers = await Promise.all(pending.filter((k) => TESTED.has(k.draft.kind)).map(async (k) => ({ k, answer: await check(k.key, k.draft) })));
      return answers.filter((a) => !a.answer.ok).map((a) => a.k.draft.name.trim() || a.k.key);
    },
    /** Saves the changed drafts one by one, keeping every one that did not save; the first refusal, or null. */
    async savePending(): Promise<{ name: string; problem: string } | null> {
      let refused: { name: string; problem: string } | null = null;
      for (const k of pending) {
        try {
          await client.call('publish.saveTarget', inputOf(k.draft));
          setDrafts((all) => all.filter((x) => x.key !== k.key));
        } catch (err) {
          refused = { name: k.draft.name.trim() || k.key, problem: (err as Error).message };
          break;
        }
      }
      await reload();
      return refused;
    },
  };
}

export type TargetDrafts = ReturnType<typeof useTargetDrafts>;
