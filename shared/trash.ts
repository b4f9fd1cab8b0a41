import { decideEdit, STATE_LABEL_KO, type Actor, type ArticleFacts, type Verdict } from './workflow';

/**
 * The 휴지통's rules, pure: which story may be put in it, taken back out, and when it is purged. The
 * main process enforces them (electron/services/trash.ts); the renderer asks them which buttons to show.
 *
 * Only a draft is discarded, by whoever may edit it (decideEdit: its reporter, a desk editor of its
 * section, the editor-in-chief; anyone for a draft nobody owns). A story that was ever published, or
 * that a target was ever asked to take, is never deleted: it is withdrawn (철회) instead.
 */

/** Days a discarded draft stays restorable; the purge removes it after that. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When a story discarded at `discardedAt` is purged. */
export function purgeAt(discardedAt: string): string {
  return new Date(new Date(discardedAt).getTime() + TRASH_DAYS * DAY_MS).toISOString();
}

/** Discarded before this moment: due for the purge at `now`. */
export function purgeBefore(now: Date): string {
  return new Date(now.getTime() - TRASH_DAYS * DAY_MS).toISOString();
}

export interface TrashFacts extends ArticleFacts {
  discardedAt: string | null;
  /** A publication recorded, or any publish attempt made, for the story. */
  everPublished: boolean;
}

const refuse = (code: 'FORBIDDEN' | 'CONFLICT', message: string, details?: Record<string, unknown>): Verdict => ({ ok: false, code, message, details });

export function decideDiscard(actor: Actor | undefined, story: TrashFacts): Verdict {
  if (story.discardedAt) return refuse('CONFLICT', '이미 휴지통에 있는 기사입니다.', { discarded: true });
  if (story.everPublished || ['published', 'corrected', 'withdrawn'].includes(story.state)) {
    return refuse('CONFLICT', '출고된 적이 있는 기사는 지울 수 없습니다. 독자에게서 거두려면 편집국장이 철회하세요.', { everPublished: true });
  }
  if (story.state !== 'draft') {
    return refuse('CONFLICT', `‘${STATE_LABEL_KO[story.state]}’ 상태의 기사는 휴지통에 버릴 수 없습니다. 작성 중인 기사만 버릴 수 있습니다.`, {
      state: story.state,
    });
  }
  const edit = decideEdit(actor, story);
  if (!edit.ok) return refuse('FORBIDDEN', '이 기사를 고칠 수 있는 사람(쓴 기자, 그 섹션의 데스크, 편집국장)만 휴지통에 버릴 수 있습니다.');
  return { ok: true };
}

export function decideRestore(actor: Actor | undefined, story: TrashFacts): Verdict {
  if (!story.discardedAt) return refuse('CONFLICT', '휴지통에 있는 기사가 아닙니다.', { discarded: false });
  const edit = decideEdit(actor, story);
  if (!edit.ok) return refuse('FORBIDDEN', '이 기사를 고칠 수 있는 사람(쓴 기자, 그 섹션의 데스크, 편집국장)만 되살릴 수 있습니다.');
  return { ok: true };
}
