import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { sanitizeClipboardHtml } from '../../../renderer/editor/paste';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'clipboard');

export type ClipboardFixture = 'word' | 'google-docs' | 'web-page' | 'hwp' | 'xss';

export function readFixture(name: ClipboardFixture): string {
  return readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8');
}

/** The fixture as the editor would receive it, in a detached <div> of the jsdom document. */
export function pasteFixture(name: ClipboardFixture): HTMLElement {
  const root = document.createElement('div');
  root.append(sanitizeClipboardHtml(readFixture(name), document));
  return root;
}

/** Text of each element matched, whitespace collapsed as the editor shows it. */
export function texts(root: ParentNode, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector), (el) => squash(el.textContent ?? ''));
}

/** An item's own text, without the text of the list nested in it. */
export function itemTexts(list: Element): string[] {
  return Array.from(list.children, (li) => {
    const copy = li.cloneNode(true) as Element;
    for (const nested of Array.from(copy.querySelectorAll('ul, ol'))) nested.remove();
    return squash(copy.textContent ?? '');
  });
}

export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

const ALLOWED = new Set(['P', 'BR', 'H2', 'H3', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'B', 'STRONG', 'I', 'EM', 'U', 'S', 'A', 'HR']);

/** What must hold for every paste, whatever its source. */
export function expectOnlyBodyMarkup(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    expect(ALLOWED, `<${el.nodeName.toLowerCase()}> survived`).toContain(el.nodeName);
    for (const attr of Array.from(el.attributes)) {
      expect(el.nodeName === 'A' && attr.name === 'href', `${attr.name} on <${el.nodeName.toLowerCase()}>`).toBe(true);
    }
    if (el.nodeName === 'A') expect(el.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:)/);
  }
  for (const block of Array.from(root.children)) {
    expect(['P', 'H2', 'H3', 'UL', 'OL', 'BLOCKQUOTE', 'HR']).toContain(block.nodeName);
  }
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    for (const child of Array.from(list.children)) expect(child.nodeName).toBe('LI');
  }
  for (const p of Array.from(root.querySelectorAll('p, li, h2, h3'))) {
    expect(squash(p.textContent ?? ''), 'an empty block').not.toBe('');
  }
  expect(root.innerHTML).not.toMatch(/\u00a0|&nbsp;|<!--/);
}
