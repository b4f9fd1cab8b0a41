/** A decision the review screen takes from one key. */
export type ReviewKeyMove = 'start_review' | 'approve' | 'return';

/** The key shown on each button and announced through aria-keyshortcuts. */
export const REVIEW_KEYS: Record<ReviewKeyMove, string> = { start_review: 'S', approve: 'A', return: 'R' };

const BY_KEY: Record<string, ReviewKeyMove> = { s: 'start_review', a: 'approve', r: 'return' };

/** What a key press needs to be judged, as a KeyboardEvent carries it. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing: boolean;
  repeat: boolean;
  target: EventTarget | null;
}

/**
 * Where a letter is text being written, not a command: a text field, a select, or anything editable
 * (the body editor, a comment box). A focused button or checkbox is not typing.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable || el.closest('[contenteditable=""], [contenteditable="true"]')) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
}

/**
 * The move a key asks for: a bare S, A or R (or ㄴ, ㅁ, ㄱ, what the same keys give in 한글 mode), never
 * with Ctrl/⌘/Alt/Shift (those are the browser's and the app's), while an IME composes, on auto-repeat
 * (a held key must not decide twice), or while the person is writing.
 */
export function reviewKeyMove(e: KeyPress, allowed: readonly string[]): ReviewKeyMove | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.isComposing || e.repeat) return null;
  if (isTyping(e.target)) return null;
  const move = BY_KEY[latinKey(e.key)];
  return move && allowed.includes(move) ? move : null;
}

/** 한글 자판 keys in 두벌식 for ㄴ, ㅁ, ㄱ (S, A, R): a person in 한글 mode presses the same key. */
const HANGUL_KEY: Record<string, string> = { ㄴ: 's', ㅁ: 'a', ㄱ: 'r' };

function latinKey(key: string): string {
  const lower = key.toLowerCase();
  return HANGUL_KEY[lower] ?? lower;
}
