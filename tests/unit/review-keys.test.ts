// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isTyping, reviewKeyMove, type KeyPress } from '../../renderer/views/desk/review-keys';

const ALL = ['start_review', 'approve', 'return'];

function press(key: string, target: EventTarget | null = document.body, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, repeat: false, target, ...extra };
}

function element(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body.querySelector('[data-t]')!;
}

describe('review screen keys', () => {
  it('maps bare S, A and R (and the same keys in 한글 mode) to the moves the story allows', () => {
    expect(reviewKeyMove(press('s'), ALL)).toBe('start_review');
    expect(reviewKeyMove(press('A'), ALL)).toBe('approve');
    expect(reviewKeyMove(press('r'), ALL)).toBe('return');
    expect(reviewKeyMove(press('ㅁ'), ALL)).toBe('approve');
    expect(reviewKeyMove(press('ㄱ'), ALL)).toBe('return');
    expect(reviewKeyMove(press('ㄴ'), ALL)).toBe('start_review');
    expect(reviewKeyMove(press('x'), ALL)).toBeNull();
  });

  it('does nothing for a move the story does not allow now', () => {
    expect(reviewKeyMove(press('a'), ['start_review'])).toBeNull();
    expect(reviewKeyMove(press('s'), ['approve', 'return'])).toBeNull();
    expect(reviewKeyMove(press('a'), [])).toBeNull();
  });

  it('never fires with a modifier, during IME composition or on auto-repeat', () => {
    for (const extra of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }, { shiftKey: true }, { isComposing: true }, { repeat: true }]) {
      expect(reviewKeyMove(press('a', document.body, extra), ALL)).toBeNull();
    }
  });

  it('never fires while the person types in a field, a select or the editor', () => {
    for (const html of [
      '<textarea data-t></textarea>',
      '<input data-t>',
      '<input type="search" data-t>',
      '<select data-t><option>a</option></select>',
      '<div contenteditable="true"><p><span data-t>본문</span></p></div>',
    ]) {
      const el = element(html);
      expect(isTyping(el), html).toBe(true);
      expect(reviewKeyMove(press('a', el), ALL), html).toBeNull();
    }
  });

  it('fires from a focused button or checkbox, which take no letters', () => {
    for (const html of ['<button data-t>닫기</button>', '<input type="checkbox" data-t>', '<div contenteditable="false"><span data-t>라벨</span></div>']) {
      const el = element(html);
      expect(isTyping(el), html).toBe(false);
      expect(reviewKeyMove(press('a', el), ALL), html).toBe('approve');
    }
    expect(reviewKeyMove(press('a', null), ALL)).toBe('approve');
  });
});
