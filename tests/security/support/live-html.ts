import { JSDOM, VirtualConsole } from 'jsdom';

/*
 * Checks for HTML as a CMS gives it back to readers (WordPress's `rendered`, Ghost's `html`), which
 * holds more than Byline's converter emits (WordPress adds paragraphs, image sizes, lazy loading):
 * it may show pictures from the site itself, and nothing may run or load from anywhere else.
 */

/** HTML parsers drop NUL and fold whitespace; compare what a reader would see. */
export const squash = (s: string) => s.replaceAll('\u0000', '').replace(/\s+/g, ' ').trim();

export function parseFragment(html: string): Document {
  return new JSDOM(`<!doctype html><body>${html}</body>`, { virtualConsole: new VirtualConsole() }).window.document;
}

/** What a reader sees of the fragment. */
export function visibleText(html: string): string {
  return squash(parseFragment(html).body.textContent ?? '');
}

const RUNS_OR_LOADS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'audio',
  'video',
  'track',
  'link',
  'style',
  'meta',
  'base',
  'form',
  'svg',
  'math',
  'noscript',
  'template',
  'portal',
]);
const URL_ATTRS = new Set(['src', 'srcset', 'href', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'ping', 'cite']);

/**
 * Elements that run or load, handlers, inline styles, and URLs that leave `origin` (pictures) or are
 * not http(s)/mailto (links). `origin` is the CMS site's own, where its uploads are served.
 */
export function liveProblems(html: string, origin: string): string[] {
  const problems: string[] = [];
  const doc = parseFragment(html);
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.localName;
    if (RUNS_OR_LOADS.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`element <${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`handler ${name} on <${tag}>`);
      if (name === 'style') problems.push(`style on <${tag}>`);
      if (!URL_ATTRS.has(name)) continue;
      const urls = name === 'srcset' ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [attr.value];
      for (const url of urls.filter(Boolean)) {
        const parsed = URL.canParse(url, origin) ? new URL(url, origin) : undefined;
        if (!parsed) problems.push(`unparsable ${name} on <${tag}>: ${url.slice(0, 80)}`);
        else if (tag === 'a') {
          if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) problems.push(`link to ${parsed.protocol} on <a>`);
        } else if (parsed.origin !== new URL(origin).origin) problems.push(`${name} on <${tag}> loads ${url.slice(0, 80)}`);
      }
    }
  }
  return problems;
}
