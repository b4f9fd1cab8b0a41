import { expect, type Page } from '@playwright/test';

/**
 * A page-level hook that notices anything an XSS vector would do if it ran or loaded: the corpus's
 * vectors push their id to window.__xss, call alert/confirm/prompt/print/open, request /xss-probe/…,
 * navigate the page or open another one. Installed before any page script runs.
 */
export interface XssWatch {
  dialogs: string[];
  probes: string[];
  navigations: string[];
  popups: string[];
  /** What window.__xss holds now. */
  ran(): Promise<unknown[]>;
}

export async function watchForXss(page: Page): Promise<XssWatch> {
  const watch = { dialogs: [] as string[], probes: [] as string[], navigations: [] as string[], popups: [] as string[] };
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (request.url().includes('xss-probe')) watch.probes.push(request.url());
  });
  page.on('framenavigated', (frame) => {
    const url = frame.url();
    if (!/^http:\/\/127\.0\.0\.1:\d+\/(\?token=[\w-]+)?$/.test(url) && url !== 'about:blank') watch.navigations.push(url);
  });
  page.on('popup', (popup) => watch.popups.push(popup.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: unknown[] } & Window;
    w.__xss = [];
    const record =
      (kind: string) =>
      (...args: unknown[]) => {
        w.__xss.push([kind, ...args]);
        return null;
      };
    Object.assign(w, { alert: record('alert'), confirm: record('confirm'), prompt: record('prompt'), print: record('print'), open: record('open') });
  });
  return { ...watch, ran: () => page.evaluate(() => (window as unknown as { __xss: unknown[] }).__xss) };
}

/** A paste or a drop from another application, as the browser delivers it: HTML and plain text together. */
export async function deliverHtml(page: Page, html: string, how: 'paste' | 'drop'): Promise<void> {
  await page.getByTestId('body-editor').evaluate(
    (editor, clip) => {
      const data = new DataTransfer();
      data.setData('text/html', clip.html);
      data.setData('text/plain', clip.html.replace(/<[^>]*>/g, ' '));
      const event =
        clip.how === 'paste'
          ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
          : new InputEvent('beforeinput', { inputType: 'insertFromDrop', dataTransfer: data, bubbles: true, cancelable: true });
      editor.dispatchEvent(event);
    },
    { html, how },
  );
}

/**
 * Fires, on every element under `selector`, the events the corpus's handlers listen for. Inline
 * handlers run on synthetic events too, so any that survived would run here. Links are not clicked:
 * a safe link would simply navigate away.
 */
export async function fireEverything(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((root) => {
    const types = [
      'mouseover',
      'mouseenter',
      'mousemove',
      'pointerenter',
      'pointerover',
      'focus',
      'focusin',
      'blur',
      'toggle',
      'load',
      'error',
      'animationstart',
      'begin',
      'start',
      'pageshow',
      'input',
      'change',
    ];
    let fired = 0;
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      for (const type of types) {
        el.dispatchEvent(new Event(type));
        fired += 1;
      }
      if (el.localName !== 'a') el.dispatchEvent(new MouseEvent('click', { bubbles: false, cancelable: true }));
    }
    return fired;
  });
}

/**
 * Proves handlers can run on this page at all, and gives failing loads time to fail: a control image
 * whose onerror pushes 'control' fails to load from the same server the vectors' src="x" would.
 */
export async function runControl(page: Page, watch: XssWatch): Promise<void> {
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.setAttribute('src', 'x-control');
    img.setAttribute('onerror', "window.__xss.push('control'); this.remove()");
    document.body.append(img);
  });
  await expect.poll(() => watch.ran()).toContain('control');
}

/** Anything in the editor's DOM or Lexical state that could run or load. */
export function editorProblems(page: Page): Promise<string[]> {
  return page.getByTestId('body-editor').evaluate((root) => {
    const problems: string[] = [];
    const forbidden =
      /^(script|style|link|meta|base|iframe|frame|frameset|object|embed|applet|portal|form|input|button|select|textarea|img|picture|source|video|audio|svg|math|template|noscript|marquee|isindex)$/;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (forbidden.test(el.localName) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`<${el.localName}>`);
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) problems.push(`${attr.name} on <${el.localName}>`);
        if (/^(src|srcset|action|formaction|data|poster|style|srcdoc|xlink:href)$/i.test(attr.name)) problems.push(`${attr.name} on <${el.localName}>`);
      }
    }
    for (const a of Array.from(root.querySelectorAll('a'))) {
      if (!/^(https?|mailto):/i.test(a.getAttribute('href') ?? '')) problems.push(`link ${a.getAttribute('href')}`);
    }
    const editor = (root as unknown as { __lexicalEditor: { getEditorState(): { toJSON(): unknown } } }).__lexicalEditor;
    const state = JSON.stringify(editor.getEditorState().toJSON());
    for (const m of state.match(/"url":"[^"]*"/g) ?? []) if (!/^"url":"(https?|mailto):/i.test(m)) problems.push(`state ${m.slice(0, 80)}`);
    return problems;
  });
}
