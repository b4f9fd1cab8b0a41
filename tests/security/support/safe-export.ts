import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { projectRoot } from './source';

export interface XssVector {
  id: string;
  category: string;
  html: string;
}

/** One window's parser for every check: a JSDOM per string would make a corpus run take minutes. Its documents run no scripts. */
const parser = new new JSDOM('', { virtualConsole: new VirtualConsole() }).window.DOMParser();

/** A document as a browser parses it, for a whole page or (wrapped in a body) a fragment. */
export function parseHtml(html: string, fragment = true): Document {
  return parser.parseFromString(fragment ? `<!doctype html><body>${html}</body>` : html, 'text/html');
}

export function xssVectors(): XssVector[] {
  return (JSON.parse(readFileSync(path.join(projectRoot, 'tests', 'fixtures', 'xss-vectors.json'), 'utf8')) as { vectors: XssVector[] }).vectors;
}

/** Browsers ignore control characters and spaces inside a URL scheme ("java\tscript:"); so does this check. */
function withoutControls(value: string): string {
  return [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');
}

/** What shared/article-render.ts may emit, element by element, and the attributes each may carry. */
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

/** The photo markup of shared/photo-html.ts, in a story with photos. */
const PHOTO_ALLOWED: Record<string, readonly string[]> = {
  figure: ['class'],
  picture: [],
  source: ['type', 'srcset', 'sizes'],
  img: ['src', 'srcset', 'sizes', 'alt', 'loading'],
  figcaption: [],
  span: ['class'],
};

/** The page around a bundle's story (electron/publish/html-bundle.ts). */
const PAGE_ALLOWED: Record<string, readonly string[]> = {
  html: ['lang'],
  head: [],
  body: [],
  meta: ['charset', 'name', 'property', 'content', 'http-equiv'],
  title: [],
  style: [],
  link: ['rel', 'href'],
  script: ['type'],
  time: ['datetime'],
};

/** A head tag whose content is the story's text (a title, a description, a section), shown as typed, never followed; its addresses (og:url, og:image) are checked. */
function isTextMeta(el: Element, attr: string): boolean {
  const kind = el.getAttribute('property') ?? el.getAttribute('name') ?? '';
  return el.localName === 'meta' && attr === 'content' && READER_META.test(kind) && !/(url|image)$/.test(kind);
}

/** The head tags search engines and sharing read (electron/publish/bundle-head.ts). */
const READER_META = /^(description|og:[a-z_:]+|article:[a-z_]+|twitter:[a-z]+)$/;

/** Where a picture may come from: an http(s) address, or a path inside the bundle. */
function pictureUrlProblem(name: string, value: string): string | undefined {
  const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
  for (const url of urls) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(withoutControls(url))?.[1]?.toLowerCase();
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return `picture from ${scheme}: in ${name}`;
    if (url.startsWith('//')) return `picture from another host in ${name}`;
  }
  return undefined;
}

/**
 * Problems in an exported story's HTML, parsed as a browser would (jsdom, scripts off): any element
 * or attribute outside what the converter emits (so no script, style, meta, base, iframe, object,
 * embed, form, svg, math, img...), any on* handler, and any link that is not http(s) or mailto.
 */
export function exportProblems(html: string, options: { photos?: boolean } = {}): string[] {
  const doc = parseHtml(html);
  return elementProblems(Array.from(doc.body.querySelectorAll('*')), options.photos ? { ...ALLOWED, ...PHOTO_ALLOWED } : ALLOWED);
}

/**
 * A bundle's whole page: the story block as exportProblems with photos, and around it only the head
 * Byline writes (charset, viewport, its Content-Security-Policy, the title, the fixed style sheet).
 */
export function pageProblems(page: string): string[] {
  const doc = parseHtml(page, false);
  const problems = elementProblems([doc.documentElement, ...Array.from(doc.documentElement.querySelectorAll('*'))], {
    ...ALLOWED,
    ...PHOTO_ALLOWED,
    ...PAGE_ALLOWED,
  });
  for (const el of Array.from(doc.querySelectorAll('meta, title, style')))
    if (el.parentElement !== doc.head) problems.push(`<${el.localName}> outside the head`);
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const kind =
      meta.getAttribute('http-equiv') ?? meta.getAttribute('name') ?? meta.getAttribute('property') ?? (meta.hasAttribute('charset') ? 'charset' : '');
    if (!['Content-Security-Policy', 'viewport', 'charset'].includes(kind) && !READER_META.test(kind)) problems.push(`meta ${kind}`);
  }
  for (const el of Array.from(doc.querySelectorAll('link, script'))) if (el.parentElement !== doc.head) problems.push(`<${el.localName}> outside the head`);
  for (const link of Array.from(doc.querySelectorAll('link')))
    if (link.getAttribute('rel') !== 'canonical' || !/^https?:\/\//.test(link.getAttribute('href') ?? ''))
      problems.push('a link other than an http(s) canonical');
  // The one script is a JSON-LD data block: never run, and written so the HTML parser cannot end it early.
  const scripts = Array.from(doc.querySelectorAll('script'));
  if (scripts.length > 1 || scripts.some((el) => el.getAttribute('type') !== 'application/ld+json')) problems.push('a script other than one JSON-LD block');
  for (const el of scripts) {
    if (/[<>\u2028\u2029]/.test(el.textContent ?? '')) problems.push('JSON-LD holding <, > or a line separator unescaped');
    try {
      JSON.parse(el.textContent ?? '');
    } catch {
      problems.push('JSON-LD that is not JSON');
    }
  }
  if (doc.querySelectorAll('title, style').length !== 2) problems.push('a title or style sheet more or fewer than one each');
  return problems;
}

function elementProblems(elements: Element[], allowlist: Record<string, readonly string[]>): string[] {
  const problems: string[] = [];
  for (const el of elements) {
    const tag = el.localName;
    const allowed = allowlist[tag];
    if (!allowed || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      problems.push(`element <${tag}>`);
      continue;
    }
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) problems.push(`handler ${attr.name} on <${tag}>`);
      else if (!allowed.includes(attr.name)) problems.push(`attribute ${attr.name} on <${tag}>`);
      // Alt text is text: a typed "javascript:" there is shown, never followed.
      if (attr.name !== 'alt' && !isTextMeta(el, attr.name) && /(java|vb|live)script:|data:/i.test(withoutControls(attr.value)))
        problems.push(`dangerous URL in ${attr.name}: ${attr.value.slice(0, 80)}`);
      if (['src', 'srcset'].includes(attr.name)) {
        const problem = pictureUrlProblem(attr.name, attr.value);
        if (problem) problems.push(`${problem} on <${tag}>`);
      }
    }
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      const protocol = URL.canParse(href) ? new URL(href).protocol : 'unparsable';
      if (!['http:', 'https:', 'mailto:'].includes(protocol)) problems.push(`link to ${protocol} ${href.slice(0, 80)}`);
    }
  }
  return problems;
}
