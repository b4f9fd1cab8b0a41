import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.0 A and AA and 2.1 AA: what a public newsroom's tools are held to. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

export interface AxeFinding {
  screen: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** Serious and critical axe violations on the page as it stands, named by screen and rule. */
export async function axeFindings(page: Page, screen: string): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ screen, rule: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => n.target.join(' ')) }));
}

export interface LayoutFinding {
  screen: string;
  viewport: string;
  problem: 'overflow' | 'outside-its-box' | 'one-syllable-per-line';
  text: string;
  element: string;
}

/**
 * Controls whose text does not fit their box (clipped by overflow: hidden, or spilling out), and Korean
 * labels squeezed to a syllable or two per line. Run in the page: only what is rendered and visible counts.
 */
export async function layoutFindings(page: Page, screen: string): Promise<LayoutFinding[]> {
  const viewport = page.viewportSize();
  const found = await page.evaluate(() => {
    const SELECTOR = 'button, label, [role="tab"], select, input[type="button"], input[type="submit"], [class*="badge"], [class*="chip"]';
    const out: Array<{ problem: 'overflow' | 'outside-its-box' | 'one-syllable-per-line'; text: string; element: string }> = [];
    /*
     * A control pushed past the edge of a box it sits in (a row of buttons wider than its panel) is cut off
     * or painted under the next panel. Walk up until a scroller (scrolling there is by design) or a popover.
     */
    const outsideItsBox = (el: HTMLElement, box: DOMRect) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const s = getComputedStyle(up);
        if (s.display === 'contents' || s.display === 'inline') continue;
        const r = up.getBoundingClientRect();
        if (r.width > 0 && (box.right > r.right + 1 || box.left < r.left - 1)) return true;
        if (['auto', 'scroll'].includes(s.overflowX) || s.position === 'absolute' || s.position === 'fixed') return false;
      }
      return box.right > window.innerWidth + 1;
    };
    const describe = (el: Element) => {
      const testId = el.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
    };
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const el of document.querySelectorAll<HTMLElement>(SELECTOR)) {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      // Off-screen parts of a scrolled list are not what the reader sees now.
      if (box.bottom < 0 || box.top > window.innerHeight || box.right < 0 || box.left > window.innerWidth) continue;
      const text = (el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : (el.innerText ?? '')).trim();
      if (text === '') continue;
      if (el instanceof HTMLSelectElement) {
        canvas.font = style.font;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
        if (canvas.measureText(text).width > room + 1) out.push({ problem: 'overflow', text, element: describe(el) });
        else if (outsideItsBox(el, box)) out.push({ problem: 'outside-its-box', text, element: describe(el) });
        continue;
      }
      if (style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1) out.push({ problem: 'overflow', text, element: describe(el) });
      else if (outsideItsBox(el, box)) out.push({ problem: 'outside-its-box', text, element: describe(el) });
      if (!/[가-힣]{2}/.test(text)) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      const fontSize = parseFloat(style.fontSize);
      const textBox = range.getBoundingClientRect();
      if (lines.size > 1 && textBox.width < 3 * fontSize) out.push({ problem: 'one-syllable-per-line', text, element: describe(el) });
    }
    return out;
  });
  return found.map((f) => ({ ...f, screen, viewport: `${viewport?.width}x${viewport?.height}` }));
}

/** Both checks at 1280×720 and 1440×900 (axe once, at the first), leaving the page at `restore`. */
export async function checkScreen(page: Page, screen: string, sink: { axe: AxeFinding[]; layout: LayoutFinding[] }, shots?: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    // Layout settles on the next frame after a resize.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const axe = size.width === 1280 ? await axeFindings(page, screen) : [];
    const layout = await layoutFindings(page, screen);
    // Each screen's findings as they come: a later step that fails must not hide them.
    if (axe.length + layout.length > 0) console.log(JSON.stringify({ axe, layout }));
    sink.axe.push(...axe);
    sink.layout.push(...layout);
    if (shots) await page.screenshot({ path: `${shots}/${screen}-${size.width}x${size.height}.png` });
  }
  if (before) await page.setViewportSize(before);
}
