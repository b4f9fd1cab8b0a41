import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { converterMarkup, htmlField, wordpressContent } from '../../electron/publish/cms-text';
import { outgoingArticle, type OutgoingArticle } from '../../electron/publish/outgoing-article';
import { ArticleFields as ArticleFieldsSchema, DEFAULT_META, fieldsOf, type Article, type ArticleFields } from '../../shared/article';
import type { SerializedNodeShape } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { articleHtml, articleParts } from '../../shared/article-render';
import { startTestBackend } from '../integration/support/backend';
import { makeTempDir, removeTempDirs } from '../integration/support/temp';
import { bundleHtml, cmsFields, CMS_ORIGIN, fieldKind, ninjsBoth, stringFields } from './support/cms-payloads';
import { exportProblems, pageProblems, parseHtml, xssVectors, type XssVector } from './support/safe-export';

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
const parse = (html: string) => parseHtml(html);

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

const text = (t: string, extra: Partial<SerializedNodeShape> = {}): SerializedNodeShape => ({
  type: 'text',
  version: 1,
  text: t,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  ...extra,
});

function hostileBody(vector: XssVector): ArticleFields['body'] {
  const children: SerializedNodeShape[] = [
    { type: 'paragraph', version: 1, children: [text(vector.html)] },
    {
      type: 'paragraph',
      version: 1,
      children: urlsOf(vector).map((url) => ({ type: 'link', version: 1, url, target: '_self', rel: null, children: [text(`링크 ${vector.id}`)] })),
    },
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
        dateline: vector.html.slice(0, 20).trim(),
      };
      await ok<Article>('articles.save', { id: created.id, baseVersion: 1, fields });
      const stored = fieldsOf(await ok<Article>('articles.get', { id: created.id }));
      const newsroom = {
        agencyCredit: vector.html.slice(0, 50),
        leadTemplate: `({dateline}={credit}) {bylines} ${vector.html.slice(0, 150)}`,
        bylineTemplate: `{name} {title} ${vector.html.slice(0, 150)}`,
        attributionTemplate: `[뉴스출처 : {source}] ${vector.html.slice(0, 150)}`,
      };
      for (const templates of [DEFAULT_SETTINGS.newsroom, newsroom]) {
        const html = articleHtml(articleParts(stored, templates));
        for (const p of exportProblems(html)) problems.push(`${vector.id}: ${p}`);
        const shown = parse(html).body.textContent ?? '';
        if (!squash(shown).includes(squash(vector.html).slice(0, 40))) problems.push(`${vector.id}: planted text did not survive as text`);
        if (templates === newsroom && !squash(shown).includes(squash(stored.dateline))) problems.push(`${vector.id}: the dateline did not survive as text`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** A story as a CMS gets it: every vector in every typed field, both photos carrying it in caption, credit and alt. */
function hostileOutgoing(vector: XssVector, newsroom: typeof DEFAULT_SETTINGS.newsroom): OutgoingArticle {
  const photo = (n: string) => ({
    mediaId: n.repeat(64),
    caption: vector.html.slice(0, 1000),
    credit: vector.html.slice(0, 200),
    alt: vector.html.slice(0, 150),
  });
  const fields = ArticleFieldsSchema.parse({
    ...DEFAULT_META,
    headline: vector.html.slice(0, 300),
    deck: `${vector.html}\n${vector.id}`,
    section: vector.html.slice(0, 50),
    body: {
      root: {
        type: 'root',
        version: 1,
        children: [
          { type: 'paragraph', version: 1, children: [text(vector.html)] },
          { type: 'photo', version: 1, ...photo('b') },
        ],
      },
    },
    bylines: [{ name: vector.html.slice(0, 50).trim() || 'x', email: '', title: vector.html.slice(0, 30).trim() }],
    sourceAttribution: vector.html.slice(0, 100).trim(),
    dateline: vector.html.slice(0, 20).trim(),
    summary: vector.html,
    tags: [`태그 ${vector.html}`.slice(0, 50).trim()],
    leadPhoto: photo('a'),
  });
  return outgoingArticle({
    articleId: '00000000-0000-4000-8000-000000000001',
    version: 3,
    createdAt: '2026-03-05T01:00:00.000Z',
    versionCreatedAt: '2026-03-05T01:20:00.000Z',
    fields,
    newsroom,
    photoSrc: (ref, width, format) => `${CMS_ORIGIN}/uploads/${ref.mediaId}-${width}.${format}`,
    media: new Map(),
  });
}

/** What each field that carries typed text must show: exactly the text, as typed. */
function typedTexts(story: OutgoingArticle): Record<string, string> {
  const f = story.fields;
  const lead = f.leadPhoto!;
  const deck = story.parts.deckLines.join(' ');
  const out: Record<string, string> = {
    'wordpress.post.title': story.parts.headline,
    'wordpress.post.excerpt': deck,
    'ghost.post.title': story.parts.headline,
    'ghost.post.custom_excerpt': deck,
    'ghost.post.feature_image_caption': `${lead.caption.trim()} ${lead.credit.trim()}`,
    'ghost.post.feature_image_alt': lead.alt.trim(),
  };
  story.photos.forEach(({ ref }, i) => {
    for (const via of ['media', 'upload']) {
      out[`wordpress.${via}.${i}.title`] = Array.from(ref.caption.trim()).slice(0, 100).join('');
      out[`wordpress.${via}.${i}.caption`] = `${ref.caption.trim()} ${ref.credit.trim()}`;
      out[`wordpress.${via}.${i}.alt_text`] = ref.alt.trim();
      out[`wordpress.${via}.${i}.description`] = `사진: ${ref.credit.trim()}`;
    }
  });
  [f.section, ...f.tags].forEach((name, i) => {
    out[`wordpress.term.${i}.name`] = name.trim();
    out[`ghost.post.tags.${i}.name`] = name.trim();
  });
  return out;
}

/** Outside tags, WordPress's the_content would run a shortcode at "[" and embed a paragraph that is a bare URL. */
const shortcodeProblems = (html: string) =>
  html
    .split(/(<[^>]*>)/)
    .filter((_, i) => i % 2 === 0)
    .flatMap((t) => [
      ...(t.includes('[') ? ['a "[" WordPress would read as a shortcode'] : []),
      ...(/https?:\/\//i.test(t) ? ['a URL WordPress would embed'] : []),
    ]);

describe('every text field of every target, with the vectors in every typed field', () => {
  const hostileNewsroom = (v: XssVector) => ({
    ...DEFAULT_SETTINGS.newsroom,
    agencyCredit: v.html.slice(0, 50),
    leadTemplate: '({dateline}={credit}) {bylines} =',
  });

  it(`WordPress post, media and terms, Ghost post and image: ${vectors.length} vectors`, () => {
    const problems: string[] = [];
    for (const vector of vectors) {
      const story = hostileOutgoing(vector, hostileNewsroom(vector));
      if (!story.parts.leadPrefix.startsWith(`(${story.fields.dateline}`)) problems.push(`${vector.id}: the lead does not open with the dateline`);
      const typed = typedTexts(story);
      const sent = cmsFields(story);
      for (const [path, value] of sent) {
        const kind = fieldKind(path);
        const at = `${vector.id} ${path}`;
        if (!kind) problems.push(`${at}: a text field no test knows how the CMS reads`);
        if (kind === 'html' || kind === 'shortcodes') for (const p of exportProblems(value, { photos: true })) problems.push(`${at}: ${p}`);
        if (kind === 'shortcodes') for (const p of shortcodeProblems(value)) problems.push(`${at}: ${p}`);
        if (kind === 'filename' && !/^[A-Za-z0-9_-]+\.jpg$/.test(value)) problems.push(`${at}: file name ${JSON.stringify(value.slice(0, 60))}`);
        const want = typed[path];
        if (want === undefined) continue;
        if (kind === 'plain' && value !== want) problems.push(`${at}: sent ${JSON.stringify(value.slice(0, 60))}, typed ${JSON.stringify(want.slice(0, 60))}`);
        if (kind === 'html' || kind === 'shortcodes') {
          const doc = parse(value);
          if (doc.body.children.length > 0 || squash(doc.body.textContent ?? '') !== squash(want))
            problems.push(`${at}: shows ${JSON.stringify((doc.body.textContent ?? '').slice(0, 60))}, typed ${JSON.stringify(want.slice(0, 60))}`);
        }
      }
      const content = sent.filter(([path]) => path === 'wordpress.post.content' || path === 'ghost.post.html');
      for (const [path, html] of content) {
        const shown = squash(parse(html).body.textContent ?? '');
        if (!shown.includes(squash(vector.html).slice(0, 40))) problems.push(`${vector.id} ${path}: planted text did not survive as text`);
        if (!shown.includes(squash(story.parts.leadPrefix))) problems.push(`${vector.id} ${path}: the lead with its dateline did not survive as text`);
      }
    }
    expect(problems).toEqual([]);
    // 120 vectors through every field of two CMS payloads: 16 s alone, twice that on a loaded CI machine.
  }, 120_000);

  it(`HTML bundle (head and body) and ninjs 2.2 and 3.1: ${vectors.length} vectors`, () => {
    const problems: string[] = [];
    for (const vector of vectors) {
      const newsroom = hostileNewsroom(vector);
      const story = hostileOutgoing(vector, newsroom);
      const f = story.fields;
      const page = bundleHtml(story, newsroom.agencyCredit);
      for (const p of pageProblems(page)) problems.push(`${vector.id} bundle: ${p}`);
      const doc = parseHtml(page, false);
      // A parser shows NUL in a title as U+FFFD.
      if (squash(doc.title.replaceAll('\uFFFD', '')) !== squash(story.parts.headline))
        problems.push(`${vector.id} bundle: <title> shows ${JSON.stringify(doc.title.slice(0, 60))}`);
      const ld = JSON.parse(doc.querySelector('script')?.textContent ?? '{}') as { headline?: string; author?: Array<{ name: string }> };
      if (ld.headline !== story.parts.headline) problems.push(`${vector.id} bundle: JSON-LD headline is ${JSON.stringify(ld.headline?.slice(0, 60))}`);
      const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
      if (squash((og ?? '').replaceAll('\uFFFD', '')) !== squash(story.parts.headline))
        problems.push(`${vector.id} bundle: og:title shows ${JSON.stringify(og?.slice(0, 60))}`);
      const shown = squash(doc.body.textContent ?? '');
      for (const want of [story.parts.headline, story.parts.leadPrefix, f.leadPhoto!.caption, f.leadPhoto!.credit, f.bylines[0]!.name])
        if (!shown.includes(squash(want))) problems.push(`${vector.id} bundle: does not show ${JSON.stringify(want.slice(0, 60))}`);

      for (const [version, doc2] of ninjsBoth(story, newsroom.agencyCredit)) {
        const all: Array<[string, string]> = [];
        stringFields(doc2, version, all);
        const bodies = (doc2 as { bodies: Array<{ value: string } & Record<string, string>> }).bodies;
        for (const [i, body] of bodies.entries()) {
          if ((body.contentType ?? body.contenttype) === 'text/html')
            for (const p of exportProblems(body.value, { photos: true })) problems.push(`${vector.id} ${version} bodies.${i}: ${p}`);
        }
        // Every other string is plain text in JSON: the typed text itself, never escaped.
        const plain = new Set(all.filter(([path]) => !/\.bodies\.\d+\.value$/.test(path)).map(([, v]) => v));
        const typedPlain = [
          story.parts.headline,
          f.summary.trim(),
          f.sourceAttribution.trim(),
          f.leadPhoto!.caption.trim(),
          f.leadPhoto!.alt.trim(),
          f.leadPhoto!.credit.trim(),
          f.section,
          f.tags[0]!,
          newsroom.agencyCredit,
        ];
        for (const want of typedPlain.filter(Boolean))
          if (!plain.has(want)) problems.push(`${version} ${vector.id}: no field holds ${JSON.stringify(want.slice(0, 60))} as typed`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('cms-text', () => {
  it('escapes typed text exactly once: a literal "&amp;" reaches readers as "&amp;"', () => {
    expect(htmlField('AI & 반도체 <특집>')).toBe('AI &amp; 반도체 &lt;특집&gt;');
    expect(htmlField('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
    expect(parse(htmlField('"따옴표" \'작은\' &amp;')).body.textContent).toBe('"따옴표" \'작은\' &amp;');
  });

  it('neutralises shortcodes and bare-URL embeds in WordPress content, leaving tags and attribute values alone', () => {
    const html = converterMarkup(
      '<p>[audio src=&quot;x&quot;] https://www.youtube.com/watch?v=1</p>\n<p><a href="http://[::1]/a" rel="noopener noreferrer">[링크] http://b.example</a></p>',
    );
    const out = wordpressContent(html);
    expect(out).toBe(
      '<p>&#91;audio src=&quot;x&quot;] https&#58;//www.youtube.com/watch?v=1</p>\n<p><a href="http://[::1]/a" rel="noopener noreferrer">&#91;링크] http&#58;//b.example</a></p>',
    );
    expect(parse(out).body.textContent).toBe(parse(html).body.textContent);
  });
});
