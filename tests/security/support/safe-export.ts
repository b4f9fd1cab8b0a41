import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { projectRoot } from './source';

export interface XssVector {
  id: string;
  category: string;
  html: string;
}

export function xssVectors(): XssVector[] {
  return (JSON.parse(readFileSync(path.join(projectRoot, 'tests', 'fixtures', 'xss-vectors.json'), 'utf8')) as { vectors: XssVector[] }).vectors;
}

/** Browsers ignore control characters and spaces inside a URL scheme ("java\tscript:"); so does this check. */
function withoutControls(value: string): string {
  return [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');
}

/** What shared/story-render.ts may emit, element by element, and the attributes each may carry. */
const ALLOWED: Record<string, readonly string[]> = {
  article: ['class'],
  div: ['class'],
  p: ['class'],
  h1: ['class'],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  strong: [],
  em: [],
  u: [],
  s: [],
  sub: [],
  sup: [],
  code: [],
  br: [],
  hr: [],
  ul: [],
  ol: [],
  li: [],
  blockquote: [],
  a: ['href', 'rel'],
};

/**
 * Problems in an exported story's HTML, parsed as a browser would (jsdom, scripts off): any element
 * or attribute outside what the converter emits (so no script, style, meta, base, iframe, object,
 * embed, form, svg, math, img...), any on* handler, and any link that is not http(s) or mailto.
 */
export function exportProblems(html: string): string[] {
  const problems: string[] = [];
  const doc = new JSDOM(`<!doctype html><body>${html}</body>`, { virtualConsole: new VirtualConsole() }).window.document;
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.localName;
    const allowed = ALLOWED[tag];
    if (!allowed || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      problems.push(`element <${tag}>`);
      continue;
    }
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) problems.push(`handler ${attr.name} on <${tag}>`);
      else if (!allowed.includes(attr.name)) problems.push(`attribute ${attr.name} on <${tag}>`);
      if (/(java|vb|live)script:|data:/i.test(withoutControls(attr.value))) problems.push(`dangerous URL in ${attr.name}: ${attr.value.slice(0, 80)}`);
    }
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      const protocol = URL.canParse(href) ? new URL(href).protocol : 'unparsable';
      if (!['http:', 'https:', 'mailto:'].includes(protocol)) problems.push(`link to ${protocol} ${href.slice(0, 80)}`);
    }
  }
  return problems;
}
