import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { DEFAULT_META, fieldsOf, type Article, type ArticleFields } from '../../shared/article';
import type { SerializedNodeShape } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { storyHtml, storyParts } from '../../shared/story-render';
import { startTestBackend } from '../integration/support/backend';
import { makeTempDir, removeTempDirs } from '../integration/support/temp';
import { exportProblems, xssVectors, type XssVector } from './support/safe-export';

/**
 * Imported stories never pass the paste sanitiser: a batch import or a client other than the editor
 * sends Lexical JSON straight to articles.save. Every vector of the corpus is planted in such a story
 * (as text, as link URLs, as heading and list tags, in unknown node types, in the newsroom templates),
 * stored through the real contract and database, read back, and exported with the shared converter.
 * The export must hold nothing that runs or loads, and the planted text must survive as text.
 */

const vectors = xssVectors();
let backend: Backend;

beforeAll(async () => {
  ({ backend } = await startTestBackend(path.join(makeTempDir('byline-export-'), 'data')));
});
afterAll(async () => {
  await backend.close();
  removeTempDirs();
});

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await backend.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** HTML parsers drop NUL from text and fold whitespace; compare what a reader would see. */
const squash = (s: string) => s.replaceAll('\u0000', '').replace(/\s+/g, ' ').trim();
/** jsdom without its console: a vector's unparsable CSS is expected here, not news. */
const parse = (html: string) => new JSDOM(`<!doctype html><body>${html}</body>`, { virtualConsole: new VirtualConsole() }).window.document;

/** Every URL-ish attribute value of the vector, decoded as a browser decodes it (entities, NUL...). */
function urlsOf(vector: XssVector): string[] {
  const doc = parse(vector.html);
  const values = Array.from(doc.querySelectorAll('*')).flatMap((el) =>
    Array.from(el.attributes)
      .filter((a) => /^(href|xlink:href|src|srcset|action|formaction|data|poster|content|codebase|values|style)$/i.test(a.name))
      .map((a) => a.value),
  );
  return [...values, vector.html];
}

const text = (t: string, extra: Partial<SerializedNodeShape> = {}): SerializedNodeShape => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0, ...extra });

function hostileBody(vector: XssVector): ArticleFields['body'] {
  const children: SerializedNodeShape[] = [
    { type: 'paragraph', version: 1, children: [text(vector.html)] },
    { type: 'paragraph', version: 1, children: urlsOf(vector).map((url) => ({ type: 'link', version: 1, url, target: '_self', rel: null, children: [text(`링크 ${vector.id}`)] })) },
    { type: 'autolink', version: 1, url: vector.html, children: [text('자동 링크')] },
    { type: 'heading', version: 1, tag: vector.html, children: [text('제목')] },
    { type: 'heading', version: 1, tag: 'script', children: [text('스크립트 제목')] },
    { type: 'list', version: 1, listType: vector.html, tag: 'script', children: [{ type: 'listitem', version: 1, value: 1, children: [text('항목')] }] },
    { type: 'html', version: 1, html: vector.html, innerHTML: vector.html, __html: vector.html, children: [text('알 수 없는 노드')] },
    { type: vector.id.slice(0, 64), version: 1, children: [text('사용자 노드')] },
    { type: 'paragraph', version: 1, children: [text('서식 비트', { format: 0x7fffffff, style: `background:url("javascript:alert('${vector.id}')")` })] },
  ];
  return { root: { type: 'root', version: 1, children } };
}

describe('export of stories imported with hostile content', () => {
  it(`renders ${vectors.length} vectors planted in body, fields and templates as inert text`, async () => {
    const problems: string[] = [];
    for (const vector of vectors) {
      const created = await ok<Article>('articles.create', {});
      const fields: ArticleFields = {
        ...DEFAULT_META,
        headline: vector.html.slice(0, 300),
        deck: `${vector.html.slice(0, 900)}\n${vector.id}`,
        section: vector.html.slice(0, 50),
        body: hostileBody(vector),
        bylines: [{ name: vector.html.slice(0, 50).trim() || 'x', email: '', title: vector.html.slice(0, 30).trim() }],
        sourceAttribution: vector.html.slice(0, 100).trim(),
      };
      await ok<Article>('articles.save', { id: created.id, baseVersion: 1, fields });
      const stored = fieldsOf(await ok<Article>('articles.get', { id: created.id }));
      const newsroom = {
        agencyCredit: vector.html.slice(0, 50),
        leadTemplate: `({credit}) {bylines} ${vector.html.slice(0, 150)}`,
        bylineTemplate: `{name} {title} ${vector.html.slice(0, 150)}`,
        attributionTemplate: `[뉴스출처 : {source}] ${vector.html.slice(0, 150)}`,
      };
      for (const templates of [DEFAULT_SETTINGS.newsroom, newsroom]) {
        const html = storyHtml(storyParts(stored, templates));
        for (const p of exportProblems(html)) problems.push(`${vector.id}: ${p}`);
        const shown = parse(html).body.textContent ?? '';
        if (!squash(shown).includes(squash(vector.html).slice(0, 40))) problems.push(`${vector.id}: planted text did not survive as text`);
      }
    }
    expect(problems).toEqual([]);
  });
});
