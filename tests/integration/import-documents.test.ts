import type { CallContext } from '../../shared/call-context';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import type { Article } from '../../shared/article';
import type { SerializedNodeShape } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import type { Result } from '../../shared/errors';
import type { MediaItem } from '../../shared/media';
import type { ImportRecord, ImportResult } from '../../shared/press-release';
import type { Settings } from '../../shared/settings';
import { startTestBackend } from './support/backend';
import {
  RELEASE,
  RELEASE_PROPOSALS,
  captionLine,
  makeCompoundFile,
  makeCorruptZip,
  makeDocx,
  makeEncryptedPdf,
  makeHtmlPage,
  makeHwpx,
  makeLongPdf,
  makePdf,
  makeScannedPdf,
  makeZipBomb,
  releasePhoto,
} from './support/documents';
import { logicalDump, makeTempDir, removeTempDirs } from './support/temp';

let backend: Backend | undefined;
let dataDir: string;

beforeEach(async () => {
  dataDir = makeTempDir('byline-import-');
  ({ backend } = await startTestBackend(dataDir));
});

afterEach(async () => {
  await backend?.close();
  backend = undefined;
  removeTempDirs();
});

async function call<T>(method: string, input: unknown, context?: CallContext): Promise<Result<T>> {
  return (await backend!.dispatch(method, input, context)) as Result<T>;
}

async function ok<T>(method: string, input: unknown, context?: CallContext): Promise<T> {
  const result = await call<T>(method, input, context);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const squash = (s: string) => s.replace(/\s+/g, '');
const strip = (line: string) => line.replace(/^(?:□|ㅇ)\s*/, '');

function nodesOf(article: Article, type: string): SerializedNodeShape[] {
  const out: SerializedNodeShape[] = [];
  const walk = (n: SerializedNodeShape) => {
    if (n.type === type) out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  for (const c of article.body.root.children) walk(c);
  return out;
}

const textOf = (n: SerializedNodeShape): string => (n.text ?? '') + (n.children ?? []).map(textOf).join('');

const FORMATS = [
  ['DOCX (docx package)', '양자전략_보도자료.docx', () => makeDocx(), true],
  ['HWPX (OWPML)', '양자전략_보도자료.hwpx', () => makeHwpx(), true],
  ['PDF (pdfkit, Noto Sans CJK)', '양자전략_보도자료.pdf', () => makePdf(), true],
  ['saved HTML page', '양자전략_보도자료.html', async () => Buffer.from(makeHtmlPage(await releasePhoto())), false],
] as const;

describe.each(FORMATS)('a press release as %s becomes a 보도자료 draft', (_label, fileName, make, hasPageChrome) => {
  it('proposes headline, deck, 뉴스출처 and embargo, keeps body, table and photo, and sets the boilerplate aside', async () => {
    const data = new Uint8Array(await make());
    const { article, record } = await ok<ImportResult>('import.document', { fileName, data });

    expect(article.state).toBe('draft');
    expect(article.storyType).toBe('press_release');
    expect(record.proposals).toEqual(RELEASE_PROPOSALS);
    expect([article.headline, article.deck, article.sourceAttribution, article.embargoAt]).toEqual([
      RELEASE.title,
      RELEASE.subtitle,
      RELEASE.issuer,
      RELEASE.embargoIso,
    ]);

    // Body: the release's paragraphs (□ dropped), the ㅇ items as a list, the * note, the table as rows.
    const paragraphs = nodesOf(article, 'paragraph').map(textOf);
    const compare = fileName.endsWith('.pdf') ? squash : (s: string) => s;
    for (const line of [RELEASE.lead, RELEASE.note, RELEASE.tableIntro, RELEASE.quote]) {
      expect(paragraphs.map(compare)).toContain(compare(strip(line)));
    }
    const items = nodesOf(article, 'listitem').map(textOf);
    expect(items.map(compare)).toEqual(RELEASE.items.map((t) => compare(strip(t))));
    for (const row of RELEASE.table) expect(paragraphs.map(compare)).toContain(compare(row.join(' | ')));

    // The photo: in the library with the document's caption, placed in the body after the table.
    const photos = nodesOf(article, 'photo');
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ caption: RELEASE.caption, credit: RELEASE.photoCredit });
    const item = await ok<MediaItem>('media.get', { id: photos[0]!.mediaId });
    expect([item.width, item.height, item.caption, item.credit]).toEqual([320, 200, RELEASE.caption, RELEASE.photoCredit]);
    const order = article.body.root.children.map((n) => n.type);
    expect(order.indexOf('photo')).toBeGreaterThan(paragraphs.findIndex((p) => p.startsWith('구분')));

    // Nothing of the boilerplate in the story.
    const text = editorStateToText(article.body);
    for (const boiler of ['담당 부서', '044-202-4930', '보도시점', '붙임', '홍길동', captionLine(), RELEASE.subtitle]) expect(text).not.toContain(boiler);

    // Set aside instead, and kept with the story.
    const kinds = (k: string) =>
      record.setAside
        .filter((s) => s.kind === k)
        .map((s) => s.text)
        .join('\n');
    expect(kinds('contact')).toContain('홍길동');
    expect(kinds('contact')).toContain('사무관 김철수 (044-202-4931)');
    expect(kinds('header')).toContain(RELEASE.embargo);
    expect(kinds('attachment')).toBe(RELEASE.attachment);
    if (hasPageChrome) {
      expect(kinds('page_header')).toContain(RELEASE.pageHeader);
      expect(kinds('page_footer')).toContain('- 1 -');
    }
    expect(await ok<ImportRecord>('import.get', { articleId: article.id })).toEqual(record);
  });
});

describe('import: what survives and what the reporter confirms', () => {
  it('keeps the draft and its set-aside boilerplate across a restart, and records confirmations', async () => {
    const { article, record } = await ok<ImportResult>('import.document', { fileName: '보도자료.hwpx', data: new Uint8Array(await makeHwpx()) });
    await backend!.close();
    ({ backend } = await startTestBackend(dataDir));
    expect(await ok<Article>('articles.get', { id: article.id })).toEqual(article);
    expect(await ok<ImportRecord>('import.get', { articleId: article.id })).toEqual(record);
    const confirmed = await ok<ImportRecord>('import.confirm', { articleId: article.id, fields: ['embargoAt', 'headline'] });
    expect(confirmed.confirmed).toEqual(['headline', 'embargoAt']);
    expect((await ok<ImportRecord>('import.confirm', { articleId: article.id, fields: ['deck'] })).confirmed).toEqual(['headline', 'deck', 'embargoAt']);
    // A story typed by hand has no import record.
    const plain = await ok<Article>('articles.create', {});
    expect(await ok<ImportRecord | null>('import.get', { articleId: plain.id })).toBeNull();
    expect(await call('import.confirm', { articleId: plain.id, fields: ['headline'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('imports the same release twice as two drafts that share one library photo', async () => {
    const data = new Uint8Array(await makeDocx());
    const a = await ok<ImportResult>('import.document', { fileName: 'a.docx', data });
    const b = await ok<ImportResult>('import.document', { fileName: 'b.docx', data });
    expect(a.article.id).not.toBe(b.article.id);
    expect(nodesOf(a.article, 'photo')[0]!.mediaId).toBe(nodesOf(b.article, 'photo')[0]!.mediaId);
    expect((await ok<{ items: unknown[] }>('articles.list', {})).items).toHaveLength(2);
  });

  it('makes the importing profile the owner and byline', async () => {
    const profile = await ok<{ id: string }>('profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter', sections: [] });
    const { article } = await ok<ImportResult>(
      'import.document',
      { fileName: '보도자료.docx', data: new Uint8Array(await makeDocx()) },
      { actorId: profile.id },
    );
    expect(article.bylines).toEqual([{ name: '김기자', email: 'kim@example.com', title: '기자' }]);
    const status = await ok<{ ownerId?: string | null; owner?: { id: string } | null }>('workflow.status', { id: article.id }, { actorId: profile.id });
    expect(JSON.stringify(status)).toContain(profile.id);
  });
});

describe('import: ㅇ items as a list or as paragraphs, by the newsroom setting', () => {
  it.each(['list', 'prose', undefined] as const)('pressReleaseItems %s', async (itemsAs) => {
    const settings = await ok<Settings>('settings.get', {});
    if (itemsAs) await ok('settings.set', { newsroom: { ...settings.newsroom, pressReleaseItems: itemsAs } });
    else expect(settings.newsroom.pressReleaseItems).toBe('list');
    const { article } = await ok<ImportResult>('import.document', { fileName: '보도자료.hwpx', data: new Uint8Array(await makeHwpx()) });
    const items = RELEASE.items.map(strip);
    const paragraphs = nodesOf(article, 'paragraph').map(textOf);
    if (itemsAs === 'prose') {
      expect(nodesOf(article, 'list')).toHaveLength(0);
      // In the release's order, right after the lead, with no ㅇ left on them.
      const at = paragraphs.indexOf(strip(RELEASE.lead));
      expect(paragraphs.slice(at + 1, at + 3)).toEqual(items);
    } else {
      expect(nodesOf(article, 'listitem').map(textOf)).toEqual(items);
      for (const item of items) expect(paragraphs).not.toContain(item);
    }
  });
});

describe('import: the body goes through the paste sanitiser', () => {
  it('drops scripts, event handlers, iframes and javascript: links from a saved page and keeps safe links', async () => {
    const { article } = await ok<ImportResult>('import.document', {
      fileName: '보도자료.html',
      data: new Uint8Array(Buffer.from(makeHtmlPage(await releasePhoto()))),
    });
    const json = JSON.stringify(article.body);
    expect(json).not.toMatch(/alert|steal|onclick|evil\.example|javascript:/i);
    const links = nodesOf(article, 'link');
    expect(links.map((l) => l.url)).toEqual(['https://www.msit.go.kr/']);
    expect(editorStateToText(article.body)).not.toContain('홈');
  });
});

describe('import: bad input gets a clear message and leaves nothing behind', () => {
  const BAD: Array<[string, string, () => Promise<Buffer> | Buffer, RegExp]> = [
    ['an encrypted DOCX (OLE container)', '보도자료.docx', makeCompoundFile, /암호/],
    ['an HWP 5 file', '보도자료.hwp', makeCompoundFile, /HWPX/],
    ['a corrupt zip', '보도자료.docx', makeCorruptZip, /손상/],
    ['a zip bomb', '보도자료.docx', () => makeZipBomb(), /압축 폭탄/],
    ['a zip bomb lying about its size', '보도자료.docx', () => makeZipBomb({ lie: true }), /압축 폭탄/],
    ['a scanned PDF without a text layer', '보도자료.pdf', makeScannedPdf, /스캔/],
    ['a password-protected PDF', '보도자료.pdf', makeEncryptedPdf, /암호/],
    ['a PDF of 301 pages', '백서.pdf', () => makeLongPdf(301), /301쪽/],
    ['an encrypted HWPX', '보도자료.hwpx', () => makeHwpx({ encrypted: true }), /암호/],
    [
      'an HWPX with a DOCTYPE (entity expansion)',
      '보도자료.hwpx',
      () => makeHwpx({ extra: { 'Contents/section0.xml': Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><hs:sec>&a;</hs:sec>') } }),
      /DOCTYPE/,
    ],
    [
      'an HWPX whose section nests 1,000 elements deep',
      '보도자료.hwpx',
      () =>
        makeHwpx({
          extra: {
            'Contents/section0.xml': Buffer.from(
              `<hs:sec>${Array.from({ length: 1_000 }, () => `<hp:p id="${randomBytes(8).toString('hex')}">`).join('')}${'</hp:p>'.repeat(1_000)}</hs:sec>`,
            ),
          },
        }),
      /너무 깊게/,
    ],
    ['a PDF that is cut short', '보도자료.pdf', async () => (await makePdf()).subarray(0, 2_000), /PDF/],
    ['a truncated zip named .xlsx', '보도자료.xlsx', () => makeCorruptZip(), /손상/],
    ['a text file', '보도자료.txt', () => Buffer.from('그냥 글입니다'), /HWPX, DOCX, PDF, HTML/],
    [
      'an HWPX with 2,001 entries',
      '보도자료.hwpx',
      () => makeHwpx({ extra: Object.fromEntries(Array.from({ length: 2_001 }, (_, i) => [`BinData/x${i}.bin`, new Uint8Array([i % 256])])) }),
      /너무 많습니다/,
    ],
    ['an HWPX that is not a zip', '보도자료.hwpx', () => Buffer.from('<hs:sec/>'), /HWPX/],
  ];

  it.each(BAD)('%s', async (_label, fileName, make, message) => {
    const data = new Uint8Array(await make());
    const before = await logicalDump(backend!.db);
    const result = await call('import.document', { fileName, data });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(message);
      expect(result.error.message).toMatch(/[가-힣]/);
      expect(result.error.message).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
    }
    expect((await logicalDump(backend!.db)).hash).toBe(before.hash);
    expect((await ok<{ total: number }>('articles.list', {})).total).toBe(0);
  });
});
