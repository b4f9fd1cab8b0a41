import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { MAX_HTML_DEPTH, refuseDeepHtml } from '../../electron/import/html-depth';
import { editorStateToText } from '../../shared/editor-text';
import type { Result } from '../../shared/errors';
import type { ImportResult } from '../../shared/press-release';
import { startTestBackend } from './support/backend';
import { RELEASE } from './support/documents';
import { docxEntries, HIDDEN_TEXT, makeDeepHtml, makePdfImageBomb, makeTrickDocx, writeZip } from './support/hostile-documents';
import { logicalDump, makeTempDir, removeTempDirs } from './support/temp';

let backend: Backend | undefined;

beforeEach(async () => {
  ({ backend } = await startTestBackend(makeTempDir('byline-import-hostile-')));
});

afterEach(async () => {
  await backend?.close();
  backend = undefined;
  removeTempDirs();
});

async function call<T>(method: string, input: unknown): Promise<Result<T>> {
  return (await backend!.dispatch(method, input)) as Result<T>;
}

/** The refusal a hostile file must get: VALIDATION in Korean, no stack, and not a row or a photo stored. */
async function expectRefused(fileName: string, data: Uint8Array, message: RegExp): Promise<void> {
  const before = await logicalDump(backend!.db);
  const result = await call('import.document', { fileName, data });
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  if (!result.ok) {
    expect(result.error.message).toMatch(message);
    expect(result.error.message).toMatch(/[가-힣]/);
    expect(result.error.message).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
  }
  expect((await logicalDump(backend!.db)).hash).toBe(before.hash);
}

describe('import: a DOCX whose zip directories disagree is refused before mammoth reads it', () => {
  it.each([
    ['two entries with one name', 'duplicate', /같은 이름/],
    ['a local header naming another part than the central directory', 'local-name', /맞지 않습니다/],
    ['a local header declaring another size', 'local-size', /맞지 않습니다/],
  ] as const)('%s', async (_label, trick, message) => {
    await expectRefused('보도자료.docx', new Uint8Array(await makeTrickDocx(trick)), message);
  });

  it('still imports a DOCX written with data descriptors (sizes after the data, as streaming writers do)', async () => {
    const data = writeZip((await docxEntries()).map((e) => ({ ...e, descriptor: true })));
    const result = await call<ImportResult>('import.document', { fileName: '보도자료.docx', data: new Uint8Array(data) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.article.headline).toBe(RELEASE.title);
  });

  it('hands mammoth only the entries the checker read (an extra field cannot rename one)', async () => {
    const result = await call<ImportResult>('import.document', { fileName: '보도자료.docx', data: new Uint8Array(await makeTrickDocx('unicode-path')) });
    if (!result.ok) throw new Error(result.error.message);
    const text = editorStateToText(result.value.article.body);
    expect(text).not.toContain(HIDDEN_TEXT);
    expect(result.value.article.headline).toBe(RELEASE.title);
  });
});

describe('import: a PDF whose image is a decompression bomb', () => {
  it('is refused by the photo pixel cap before pdf.js decodes the image', async () => {
    // 13,000 × 13,000 = 169 megapixels (the cap is 150): 165 KB of file, 169 MB once inflated.
    await expectRefused('보도자료.pdf', new Uint8Array(await makePdfImageBomb(13_000, 13_000, 'gray')), /화소/);
  });
});

describe('import: HTML nested deeper than any page', () => {
  it('is refused from a scan of its tags, before a parser builds the tree', async () => {
    await expectRefused('보도자료.html', new Uint8Array(makeDeepHtml(3_000)), /깊/);
  });

  it('still imports a page as deep as real sites make them', async () => {
    const result = await call<ImportResult>('import.document', { fileName: '보도자료.html', data: new Uint8Array(makeDeepHtml(120)) });
    expect(result.ok).toBe(true);
  });
});

describe('import: the depth scan follows how pages are written', () => {
  const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

  it.each([
    ['unclosed paragraphs', '<p>문단'.repeat(1_000)],
    ['unclosed list items', `<ul>${'<li>항목'.repeat(1_000)}</ul>`],
    ['a table of unclosed rows and cells', `<table>${'<tr><td>가<td>나'.repeat(1_000)}</table>`],
    ['an icon of self-closing SVG paths', `<svg>${'<path d="M0 0"/>'.repeat(1_000)}</svg>`],
    ['scripts and comments holding tags', `<script>${'<div>'.repeat(1_000)}</script><!-- ${'<div>'.repeat(1_000)} --><p>본문</p>`],
    ['attributes holding ">"', `${'<div title="a>b">가</div>'.repeat(1_000)}`],
    ['bold paragraphs', '<b><p>굵은 문단'.repeat(150)],
  ])('passes %s', (_label, body) => {
    expect(() => refuseDeepHtml(page(body), 'page.html')).not.toThrow();
  });

  it.each([
    ['divs', '<div>'.repeat(MAX_HTML_DEPTH + 1)],
    ['spans that never close', '<span>'.repeat(MAX_HTML_DEPTH + 1)],
    ['nested lists', '<ul><li>'.repeat(MAX_HTML_DEPTH)],
    ['divs written self-closing (HTML ignores the slash)', '<div/>'.repeat(MAX_HTML_DEPTH + 1)],
  ])('refuses %s', (_label, body) => {
    expect(() => refuseDeepHtml(page(body), 'page.html')).toThrow(/깊게/);
  });
});
