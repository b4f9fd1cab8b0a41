import { z } from 'zod';
import { ArticleState } from './article';
import { ROLE_LABEL_KO, type Role } from './profiles';

/**
 * The desk's state machine, pure: which move leads from which state to which, who may make it, and who
 * may edit a story in each state. The main process enforces it (electron/services/workflow.ts); the
 * renderer only asks it which buttons to show.
 *
 *   draft → submitted → in_review → approved → published
 *   submitted → draft (송고 취소, by the reporter, before any desk has taken it up)
 *   submitted | in_review | approved → returned (reason) → draft
 *   published → corrected (정정 사유) → published
 *   published → withdrawn (reason)
 *
 * Every other move is refused.
 */

export const MoveAction = z.enum(['submit', 'recall', 'start_review', 'approve', 'return', 'reopen', 'publish', 'correct', 'withdraw']);
export type MoveAction = z.infer<typeof MoveAction>;

/**
 * What the history records: every move, the editor-in-chief taking a lock over, and a draft put in the
 * 휴지통 or restored from it (shared/trash.ts); those three move no state.
 */
export const EventAction = z.enum([...MoveAction.options, 'take_lock', 'discard', 'restore']);
export type EventAction = z.infer<typeof EventAction>;

export const STATE_LABEL_KO: Record<ArticleState, string> = {
  draft: '작성 중',
  submitted: '송고',
  in_review: '데스크 검토 중',
  approved: '승인',
  published: '출고',
  returned: '반려',
  corrected: '정정',
  withdrawn: '철회',
};

export const ACTION_LABEL_KO: Record<EventAction, string> = {
  submit: '송고',
  recall: '송고 취소',
  start_review: '검토 시작',
  approve: '승인',
  return: '반려',
  reopen: '다시 쓰기',
  publish: '출고',
  correct: '정정',
  withdraw: '철회',
  take_lock: '잠금 인수',
  discard: '휴지통으로',
  restore: '휴지통에서 되살림',
};

/**
 * Who stands in what relation to a story decides beyond the role: `owner` moves are the story's
 * reporter's (the editor-in-chief may make them for anyone), `desk` moves are for a desk editor who
 * covers the story's section (or the editor-in-chief).
 */
type Relation = 'owner' | 'desk';

export interface Transition {
  from: readonly ArticleState[];
  to: ArticleState;
  roles: readonly Role[];
  relation: Relation;
  /** The note the move cannot go without, by name. */
  note?: string;
}

export const TRANSITIONS: Record<MoveAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted', roles: ['reporter', 'desk', 'chief'], relation: 'owner' },
  recall: { from: ['submitted'], to: 'draft', roles: ['reporter', 'desk', 'chief'], relation: 'owner' },
  start_review: { from: ['submitted'], to: 'in_review', roles: ['desk', 'chief'], relation: 'desk' },
  approve: { from: ['in_review'], to: 'approved', roles: ['desk', 'chief'], relation: 'desk' },
  return: { from: ['submitted', 'in_review', 'approved'], to: 'returned', roles: ['desk', 'chief'], relation: 'desk', note: '반려 사유' },
  reopen: { from: ['returned'], to: 'draft', roles: ['reporter', 'desk', 'chief'], relation: 'owner' },
  publish: { from: ['approved', 'corrected'], to: 'published', roles: ['desk', 'chief'], relation: 'desk' },
  correct: { from: ['published'], to: 'corrected', roles: ['desk', 'chief'], relation: 'desk', note: '정정 사유' },
  withdraw: { from: ['published'], to: 'withdrawn', roles: ['chief'], relation: 'desk', note: '철회 사유' },
};

/**
 * States in which a story is locked to its reviewer: a move into one of them gives the lock to whoever
 * made it, a move out of one (by the holder only) lets it go.
 */
export const LOCKED_STATES: readonly ArticleState[] = ['in_review', 'corrected'];

export const MAX_NOTE_CHARS = 2_000;

/** States a filed story reaches once a desk has taken it up: past them, the reporter can no longer recall it. */
const REVIEW_STARTED: readonly ArticleState[] = ['in_review', 'approved', 'returned', 'published', 'corrected', 'withdrawn'];

/** States an article may be sent to a target from: approved (first publication), published or corrected (an update). */
export const SENDABLE_STATES: readonly ArticleState[] = ['approved', 'published', 'corrected'];

export interface Actor {
  id: string;
  name: string;
  role: Role;
  sections: readonly string[];
}

export interface ArticleFacts {
  state: ArticleState;
  section: string;
  /** The reporter the story belongs to; null until someone claims it (a draft written before profiles). */
  ownerId: string | null;
  lock: { holderId: string; holderName: string } | null;
}

export type Refusal = { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION'; message: string; details?: Record<string, unknown> };
export type Verdict = { ok: true } | Refusal;

const OK: Verdict = { ok: true };
const refuse = (code: Refusal['code'], message: string, details?: Record<string, unknown>): Refusal => ({ ok: false, code, message, details });

/** 은/는, 을/를, 이/가: the particle that follows a Korean word, by whether its last syllable has a final consonant. */
export function particle(word: string, withFinal: string, withoutFinal: string): string {
  const last = word.trim().at(-1) ?? '';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 === 0 ? withoutFinal : withFinal;
  return withFinal === '은' ? '은(는)' : withFinal === '을' ? '을(를)' : withFinal === '이' ? '이(가)' : withFinal;
}

const withParticle = (word: string, withFinal: string, withoutFinal: string) => `${word}${particle(word, withFinal, withoutFinal)}`;

export function coversSection(actor: Actor, section: string): boolean {
  return actor.role === 'chief' || (actor.role === 'desk' && section !== '' && actor.sections.includes(section));
}

function isOwner(actor: Actor, story: ArticleFacts): boolean {
  return story.ownerId === null || story.ownerId === actor.id;
}

/**
 * May `actor` make `action` on a story as it stands? Checks, in this order: the role (FORBIDDEN), the
 * state (CONFLICT), the actor's relation to the story (FORBIDDEN), the lock (CONFLICT) and the
 * required note (VALIDATION). Pass `note` as undefined to ask only whether the move is open.
 */
export function decide(action: MoveAction, actor: Actor, story: ArticleFacts, note?: string): Verdict {
  const t = TRANSITIONS[action];
  const label = ACTION_LABEL_KO[action];
  if (!t.roles.includes(actor.role)) {
    const who = t.roles.map((r) => ROLE_LABEL_KO[r]).join(', ');
    return refuse('FORBIDDEN', `${withParticle(label, '은', '는')} ${who}만 할 수 있습니다. ${actor.name} 님은 ${ROLE_LABEL_KO[actor.role]}입니다.`, {
      action,
      role: actor.role,
    });
  }
  if (action === 'recall' && REVIEW_STARTED.includes(story.state)) {
    return refuse(
      'CONFLICT',
      `데스크가 이미 검토를 시작한 기사(‘${STATE_LABEL_KO[story.state]}’)는 송고를 취소할 수 없습니다. 고쳐야 하면 데스크에 반려를 요청하세요.`,
      { action, state: story.state },
    );
  }
  if (!t.from.includes(story.state)) {
    const from = t.from.map((s) => `‘${STATE_LABEL_KO[s]}’`).join(', ');
    return refuse(
      'CONFLICT',
      `‘${STATE_LABEL_KO[story.state]}’ 상태의 기사는 ${label}할 수 없습니다. ${withParticle(label, '은', '는')} ${from} 상태에서만 할 수 있습니다.`,
      { action, state: story.state },
    );
  }
  if (actor.role !== 'chief') {
    if (t.relation === 'owner' && !isOwner(actor, story)) {
      return refuse('FORBIDDEN', `다른 기자의 기사는 ${label}할 수 없습니다.`, { action });
    }
    if (t.relation === 'desk' && !coversSection(actor, story.section)) {
      return refuse('FORBIDDEN', `‘${story.section || '섹션 없음'}’ 섹션은 ${actor.name} 데스크가 맡은 섹션이 아닙니다.`, { action, section: story.section });
    }
  }
  if (LOCKED_STATES.includes(story.state) && story.lock?.holderId !== actor.id) {
    const hint = actor.role === 'chief' ? ' 잠금을 가져온 뒤 처리하세요.' : '';
    const who = story.lock ? `${story.lock.holderName} 님이 이 기사를 검토 중입니다(잠금).` : '이 기사를 잠근 검토자가 없습니다.';
    return refuse('CONFLICT', `${who}${hint}`, { action, lockHolderId: story.lock?.holderId ?? null, lockHolderName: story.lock?.holderName ?? null });
  }
  if (note !== undefined && t.note && note.trim() === '') {
    return refuse('VALIDATION', `${withParticle(t.note, '을', '를')} 적어야 ${label}할 수 있습니다.`, {
      action,
      fields: [{ field: 'note', label: t.note, message: `${t.note}가 없습니다` }],
    });
  }
  return OK;
}

/** The editor-in-chief takes a story's lock from its reviewer; the history records it. */
export function decideTakeLock(actor: Actor, story: ArticleFacts): Verdict {
  if (actor.role !== 'chief')
    return refuse('FORBIDDEN', `잠금은 편집국장만 가져올 수 있습니다. ${actor.name} 님은 ${ROLE_LABEL_KO[actor.role]}입니다.`, { action: 'take_lock' });
  if (!LOCKED_STATES.includes(story.state)) {
    return refuse('CONFLICT', `‘${STATE_LABEL_KO[story.state]}’ 상태의 기사에는 잠금이 없습니다.`, { action: 'take_lock', state: story.state });
  }
  if (story.lock?.holderId === actor.id) return refuse('CONFLICT', '이미 이 기사의 잠금을 가지고 있습니다.', { action: 'take_lock' });
  return OK;
}

/** Every move `actor` could make now (notes aside): the buttons to show. */
export function allowedMoves(actor: Actor, story: ArticleFacts): MoveAction[] {
  return MoveAction.options.filter((a) => decide(a, actor, story).ok);
}

export type EditVerdict = (Verdict & { ok: true; reopens: boolean }) | Refusal;

/**
 * May `actor` (undefined: no profile picked) change a story's words in its present state?
 * - draft: its reporter, a desk editor of its section, the editor-in-chief; a story nobody owns yet
 *   (written before a profile was picked) by anyone.
 * - returned: its reporter or the editor-in-chief; the save moves it back to draft (`reopens`), which
 *   the history records as the reporter taking it up again.
 * - submitted: nobody — the reporter has filed it and the desk has not taken it up (the reporter may
 *   recall it to draft first).
 * - in_review, corrected: only the reviewer holding the lock.
 * - approved, published, withdrawn: nobody; an approved story is returned to change it, a published
 *   one is corrected.
 */
export function decideEdit(actor: Actor | undefined, story: ArticleFacts): EditVerdict {
  const editable = { ok: true as const, reopens: false };
  switch (story.state) {
    case 'draft':
      if (story.ownerId === null) return editable;
      if (!actor) return refuse('FORBIDDEN', '이 기사는 주인이 있는 기사입니다. 프로필을 고른 뒤 고치세요.', { state: story.state });
      if (actor.id === story.ownerId || coversSection(actor, story.section)) return editable;
      return refuse('FORBIDDEN', '다른 기자가 쓰고 있는 기사는 고칠 수 없습니다.', { state: story.state });
    case 'returned':
      if (actor && (actor.role === 'chief' || actor.id === story.ownerId)) {
        return { ok: true, reopens: true };
      }
      return refuse('FORBIDDEN', '반려된 기사는 쓴 기자만 고칠 수 있습니다.', { state: story.state });
    case 'submitted':
      return refuse('CONFLICT', '송고한 기사는 고칠 수 없습니다. 데스크가 검토를 시작하기 전이면 쓴 기자가 ‘송고 취소’로 되돌려 고칠 수 있습니다.', {
        state: story.state,
      });
    case 'in_review':
    case 'corrected':
      if (story.lock && actor && story.lock.holderId === actor.id) return editable;
      return refuse(
        'CONFLICT',
        story.lock ? `${story.lock.holderName} 님이 이 기사를 검토 중이라(잠금) 고칠 수 없습니다.` : '검토자가 잠그지 않은 기사는 고칠 수 없습니다.',
        { state: story.state, lockHolderId: story.lock?.holderId ?? null, lockHolderName: story.lock?.holderName ?? null },
      );
    case 'approved':
      return refuse('CONFLICT', '승인된 기사는 고칠 수 없습니다. 고치려면 데스크가 반려해야 합니다.', { state: story.state });
    case 'published':
      return refuse('CONFLICT', '출고된 기사는 정정을 시작한 뒤에만 고칠 수 있습니다.', { state: story.state });
    case 'withdrawn':
      return refuse('CONFLICT', '철회된 기사는 고칠 수 없습니다.', { state: story.state });
  }
}

/** 일반, 중요, 긴급: the desk works through higher priorities first. */
export const Priority = z.number().int().min(0).max(2);
export const PRIORITY_LABEL_KO = ['일반', '중요', '긴급'] as const;

/** The queues of the left panel beyond 내 기사, and the states each holds. */
export const DeskQueueName = z.enum(['desk', 'approved', 'published', 'mine']);
export type DeskQueueName = z.infer<typeof DeskQueueName>;
export const QUEUE_STATES: Record<DeskQueueName, readonly ArticleState[]> = {
  desk: ['submitted', 'in_review'],
  approved: ['approved'],
  published: ['published', 'corrected', 'withdrawn'],
  mine: ['draft', 'returned', 'submitted', 'in_review', 'approved', 'published', 'corrected', 'withdrawn'],
};

export const QueueSort = z.enum(['priority', 'submitted', 'embargo']);
export type QueueSort = z.infer<typeof QueueSort>;

/** Whether an embargo still holds at `now`. */
export function embargoHolds(embargoAt: string | null, now: Date): boolean {
  return embargoAt !== null && new Date(embargoAt).getTime() > now.getTime();
}
