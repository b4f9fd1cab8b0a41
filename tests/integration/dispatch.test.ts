import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { DEFAULT_META, type Article } from '../../shared/article';
import { METHODS, type Method } from '../../shared/contract';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import { MAX_PHOTO_BYTES } from '../../shared/media';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { startTestBackend } from './support/backend';
import { makeCompoundFile, makeCorruptZip, makeZipBomb } from './support/documents';
import { noise, pngBomb } from './support/images';
import { logicalDump, makeTempDir, removeTempDirs, sha256File } from './support/temp';

const HEADLINE = '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진';
const BODY = editorStateFromParagraphs(['(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.', '[뉴스출처 : 과학기술정보통신부]']);
const MEDIA_ID = 'ab'.repeat(32);
const JPEG_START = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
/** A profile id no profile has: the malformed inputs below are refused before anyone is looked up. */
const ACTOR = '5c2e8a4f-1b3d-4e6f-9a0b-7c8d9e0f1a2b';
const FIELDS = { headline: HEADLINE, deck: '미국 에너지부 산하 브룩헤이븐 국립연구소 방문', section: 'IT/과학', body: BODY, ...DEFAULT_META };

let dataDir: string;
let backend: Backend | undefined;
let article: Article;

async function start(): Promise<{ backend: Backend; warning?: string }> {
  const started = await startTestBackend(dataDir);
  backend = started.backend;
  return started;
}
async function call<T = unknown>(method: string, input: unknown): Promise<Result<T>> {
  return (await backend!.dispatch(method, input)) as Result<T>;
}
async function ok<T>(method: Method, input: unknown): Promise<T> {
  const result = await call<T>(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function deep(depth: number): unknown {
  let v: unknown = { type: 'text', text: '양자' };
  for (let i = 0; i < depth; i += 1) v = { type: 'paragraph', children: [v] };
  return v;
}
const withKey = (key: '__proto__' | 'constructor', base: object) =>
  JSON.parse(`{"${key}": {"polluted": true}, ${JSON.stringify(base).slice(1)}`.replace(/, }$/, '}')) as unknown;

beforeEach(async () => {
  dataDir = makeTempDir('byline-dispatch-');
  await start();
  const created = await ok<Article>('articles.create', { headline: HEADLINE });
  article = await ok<Article>('articles.save', { id: created.id, baseVersion: 1, fields: FIELDS });
});

afterEach(async () => {
  await backend?.close().catch(() => undefined);
  backend = undefined;
  removeTempDirs();
});

describe('dispatch: every method, happy path', () => {
  it('creates, gets, lists, saves, archives and lists revisions', async () => {
    const created = await ok<Article>('articles.create', { section: '경제' });
    expect(created).toMatchObject({ version: 1, section: '경제', state: 'draft' });
    expect(await ok<Article>('articles.get', { id: article.id })).toEqual(article);
    const list = await ok<{ items: { id: string }[]; total: number }>('articles.list', {});
    expect(list.total).toBe(2);
    expect(list.items.map((i) => i.id)).toEqual([created.id, article.id]);
    const saved = await ok<Article>('articles.save', { id: article.id, baseVersion: 2, fields: { ...FIELDS, deck: '부제 수정' } });
    expect(saved.version).toBe(3);
    const archived = await ok<Article>('articles.archive', { id: article.id, baseVersion: 3 });
    expect(archived.archivedAt).not.toBeNull();
    expect((await ok<{ total: number }>('articles.list', { includeArchived: false })).total).toBe(1);
    const revisions = await ok<{ version: number }[]>('articles.revisions', { id: article.id });
    expect(revisions.map((r) => r.version)).toEqual([4, 3, 2, 1]);
  });

  it('gets and sets settings, and new stories take the default section', async () => {
    expect(await ok<Settings>('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    const next = await ok<Settings>('settings.set', { identity: { name: '홍길동', email: 'hong@example.com' }, defaultSection: 'IT/과학' });
    expect(next).toMatchObject({ identity: { name: '홍길동', email: 'hong@example.com' }, defaultSection: 'IT/과학', locale: 'ko' });
    expect(await ok<Settings>('settings.get', {})).toEqual(next);
    expect((await ok<Article>('articles.create', {})).section).toBe('IT/과학');
  });

  it('treats a missing input (IPC invoke without an argument) as {}', async () => {
    expect((await call('settings.get', undefined)).ok).toBe(true);
    expect((await call('articles.list', undefined)).ok).toBe(true);
  });

  it('maps a stale save to CONFLICT with the current version', async () => {
    const result = await call('articles.save', { id: article.id, baseVersion: 1, fields: FIELDS });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { currentVersion: 2 } } });
  });

  it('maps a missing story to NOT_FOUND', async () => {
    const result = await call('articles.get', { id: '7d3c1b2a-0f4e-4d5c-9b8a-6e5f4d3c2b1a' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

const GENERIC: Array<[string, (valid: object) => unknown]> = [
  ['an array', () => []],
  ['an array of the valid input', (v) => [v]],
  ['a string', (v) => JSON.stringify(v)],
  ['a number', () => 42],
  ['a boolean', () => true],
  ['an extra key', (v) => ({ ...v, 데스크: '부장' })],
  ['a "__proto__" key', (v) => withKey('__proto__', v)],
  ['a "constructor" key', (v) => withKey('constructor', v)],
  ['1000-deep nesting', (v) => ({ ...v, nested: deep(1000) })],
  ['1000-deep nesting alone', () => deep(1000)],
  ['a 5 MB string under an unknown key', (v) => ({ ...v, x: '가'.repeat(5_000_000) })],
];

function specific(id: string): Record<Method, Array<[string, unknown]>> {
  const save = (f: object, extra: object = {}) => ({ id, baseVersion: 2, fields: { ...FIELDS, ...f }, ...extra });
  return {
    'articles.create': [
      ['headline number', { headline: 42 }],
      ['section array', { section: ['IT/과학'] }],
      ['headline 301', { headline: '가'.repeat(301) }],
      ['section 51', { section: '가'.repeat(51) }],
      ['headline null', { headline: null }],
      ['headline 5 MB', { headline: '가'.repeat(5_000_000) }],
    ],
    'articles.get': [
      ['missing id', {}],
      ['id number', { id: 42 }],
      ['id not uuid', { id: '../../etc/passwd' }],
      ['id 1 MB', { id: 'a'.repeat(1_000_000) }],
      ['id null', { id: null }],
    ],
    'articles.list': [
      ['limit string', { limit: '10' }],
      ['limit 0', { limit: 0 }],
      ['limit 501', { limit: 501 }],
      ['offset -1', { offset: -1 }],
      ['limit NaN', { limit: Number.NaN }],
      ['includeArchived 1', { includeArchived: 1 }],
    ],
    'articles.save': [
      ['missing fields', { id, baseVersion: 2 }],
      ['missing baseVersion', { id, fields: FIELDS }],
      ['baseVersion string', save({}, { baseVersion: '2' })],
      ['baseVersion 1.5', save({}, { baseVersion: 1.5 })],
      ['missing body', { id, baseVersion: 2, fields: { headline: HEADLINE, deck: '', section: '' } }],
      ['body root not root', save({ body: { root: { type: 'paragraph', children: [] } } })],
      ['body children string', save({ body: { root: { type: 'root', children: '본문' } } })],
      ['node type empty', save({ body: { root: { type: 'root', children: [{ type: '' }] } } })],
      ['node type 65 chars', save({ body: { root: { type: 'root', children: [{ type: 'x'.repeat(65) }] } } })],
      ['text number', save({ body: { root: { type: 'root', children: [{ type: 'text', text: 1 }] } } })],
      ['headline 301', save({ headline: '가'.repeat(301) })],
      ['deck 2001', save({ deck: '나'.repeat(2_001) })],
      ['section 51', save({ section: '다'.repeat(51) })],
      ['fields extra key', save({ byline: '홍길동 기자' })],
      ['story type unknown', save({ storyType: '속보' })],
      ['byline without name', save({ bylines: [{ name: '', email: '', title: '기자' }] })],
      ['byline bad email', save({ bylines: [{ name: '홍길동', email: 'hong', title: '기자' }] })],
      ['slug with Hangul', save({ slug: '양자-협력' })],
      ['embargo not a time', save({ embargoAt: '내일 아침' })],
      ['31 tags', save({ tags: Array.from({ length: 31 }, (_, i) => `태그${i}`) })],
      ['fields "__proto__"', { id, baseVersion: 2, fields: withKey('__proto__', FIELDS) }],
      ['body 1000 deep', save({ body: { root: { type: 'root', children: [deep(1000)] } } })],
    ],
    'drafts.save': [
      ['missing fields', { id, baseVersion: 2 }],
      ['baseVersion 0', save({}, { baseVersion: 0 })],
    ],
    'drafts.status': [['any key', { all: true }]],
    'drafts.resolve': [
      ['keep unknown', { articleId: id, keep: 'theirs' }],
      ['missing articleId', { keep: 'mine' }],
    ],
    'articles.archive': [
      ['missing id', { baseVersion: 2 }],
      ['baseVersion 0', { id, baseVersion: 0 }],
      ['archived string', { id, baseVersion: 2, archived: 'yes' }],
    ],
    'articles.revisions': [
      ['missing id', {}],
      ['id number', { id: 123 }],
    ],
    'articles.revision': [
      ['missing version', { id }],
      ['version 0', { id, version: 0 }],
      ['version string', { id, version: '1' }],
    ],
    'search.query': [
      ['text number', { text: 1 }],
      ['text 201', { text: '가'.repeat(201) }],
      ['sort unknown', { sort: 'random' }],
      ['state unknown', { state: '보류' }],
      ['from not a time', { from: '어제' }],
      ['limit 201', { limit: 201 }],
    ],
    'backup.list': [['any key', { all: true }]],
    'backup.create': [['a path', { to: '/tmp/x' }]],
    'backup.restore': [
      ['a path', { name: '../byline.sqlite3' }],
      ['absolute', { name: '/etc/passwd' }],
      ['missing', {}],
    ],
    'settings.get': [['any key', { locale: 'ko' }]],
    'settings.set': [
      ['locale fr', { locale: 'fr' }],
      ['sections empty', { sections: [] }],
      ['section blank', { sections: ['  '] }],
      ['sections string', { sections: '경제' }],
      ['101 sections', { sections: Array.from({ length: 101 }, (_, i) => `섹션${i}`) }],
      ['identity missing email', { identity: { name: '홍길동' } }],
      ['identity bad email', { identity: { name: '홍길동', email: '홍길동 기자' } }],
      ['identity name 101', { identity: { name: '가'.repeat(101), email: '' } }],
      ['identity extra key', { identity: { name: '홍길동', email: '', phone: '010' } }],
      ['window too small', { window: { width: 10, height: 10, maximized: false } }],
      ['lastOpenArticleId not uuid', { lastOpenArticleId: 'nope' }],
      ['defaultSection not in sections', { defaultSection: '날씨' }],
      ['sections without the default', { sections: ['경제', '사회'] }],
      ['duplicate sections', { sections: ['정치', '경제', '경제'] }],
      ['duplicate after trim', { sections: ['정치', '경제', ' 경제 '] }],
    ],
    'media.import': [
      ['missing data', { fileName: 'a.jpg' }],
      ['missing fileName', { data: JPEG_START }],
      ['data as an array of numbers', { fileName: 'a.jpg', data: [0xff, 0xd8, 0xff] }],
      ['data as a string', { fileName: 'a.jpg', data: '/9j/4AAQ' }],
      ['data as an ArrayBuffer', { fileName: 'a.jpg', data: JPEG_START.buffer }],
      ['data empty', { fileName: 'a.jpg', data: new Uint8Array(0) }],
      ['data over 100 MB', { fileName: 'a.jpg', data: new Uint8Array(MAX_PHOTO_BYTES + 1) }],
      ['fileName with a slash', { fileName: '../../byline.sqlite3', data: JPEG_START }],
      ['fileName with a backslash', { fileName: '..\\a.jpg', data: JPEG_START }],
      ['fileName ..', { fileName: '..', data: JPEG_START }],
      ['fileName 256 chars', { fileName: `${'가'.repeat(252)}.jpg`, data: JPEG_START }],
      ['fileName number', { fileName: 7, data: JPEG_START }],
      // Past the contract: the service refuses these, and must write nothing either.
      ['bytes that are no image', { fileName: 'a.jpg', data: new Uint8Array(noise(4_096)) }],
      ['a JPEG signature and nothing after it', { fileName: 'a.jpg', data: JPEG_START }],
      ['a PNG bomb', { fileName: 'bomb.png', data: new Uint8Array(pngBomb()) }],
    ],
    'media.get': [
      ['missing id', {}],
      ['id upper case', { id: 'AB'.repeat(32) }],
      ['id a uuid', { id }],
      ['id 1 MB', { id: 'a'.repeat(1_000_000) }],
      ['id a path', { id: '../'.repeat(21) + 'a' }],
    ],
    'media.search': [
      ['query number', { query: 1 }],
      ['query 201', { query: '가'.repeat(201) }],
      ['limit 0', { limit: 0 }],
      ['limit 201', { limit: 201 }],
      ['offset -1', { offset: -1 }],
    ],
    'media.update': [
      ['missing id', { caption: '설명' }],
      ['caption 1001', { id: MEDIA_ID, caption: '가'.repeat(1_001) }],
      ['credit 201', { id: MEDIA_ID, credit: '가'.repeat(201) }],
      ['alt 501', { id: MEDIA_ID, alt: '가'.repeat(501) }],
      ['caption number', { id: MEDIA_ID, caption: 5 }],
      ['file name is not editable', { id: MEDIA_ID, fileName: 'x.jpg' }],
    ],
    'media.usage': [
      ['missing id', {}],
      ['id number', { id: 64 }],
    ],
    'profiles.list': [['any key', { role: 'desk' }]],
    'profiles.create': [
      ['missing role', { name: '김기자', email: '' }],
      ['role unknown', { name: '김기자', email: '', role: '인턴' }],
      ['name blank', { name: '   ', email: '', role: 'reporter' }],
      ['name 51', { name: '가'.repeat(51), email: '', role: 'reporter' }],
      ['email bad', { name: '김기자', email: '김기자 기자', role: 'reporter' }],
      ['sections string', { name: '김기자', email: '', role: 'reporter', sections: 'IT/과학' }],
      // Past the contract: the service refuses these, and must write nothing either.
      ['desk without sections', { name: '박데스크', email: '', role: 'desk', sections: [] }],
      ['duplicate sections', { name: '박데스크', email: '', role: 'desk', sections: ['경제', '경제'] }],
    ],
    'profiles.update': [
      ['missing id', { name: '김기자' }],
      ['id not uuid', { id: 'me', name: '김기자' }],
      ['role unknown', { id: ACTOR, role: 'admin' }],
    ],
    'workflow.status': [
      ['missing id', {}],
      ['actorId not uuid', { id, actorId: '최국장' }],
    ],
    'workflow.submit': [
      ['missing actorId', { id, version: 2 }],
      ['missing version', { id, actorId: ACTOR }],
      ['version 0', { id, actorId: ACTOR, version: 0 }],
      ['priority 3', { id, actorId: ACTOR, version: 2, priority: 3 }],
      ['note 2001', { id, actorId: ACTOR, version: 2, note: '가'.repeat(2_001) }],
    ],
    'workflow.startReview': [
      ['missing actorId', { id }],
      ['actorId null', { id, actorId: null }],
    ],
    'workflow.approve': [
      ['missing version', { id, actorId: ACTOR }],
      ['version string', { id, actorId: ACTOR, version: '3' }],
    ],
    'workflow.return': [
      ['missing reason', { id, actorId: ACTOR }],
      ['reason 2001', { id, actorId: ACTOR, reason: '가'.repeat(2_001) }],
      ['reason number', { id, actorId: ACTOR, reason: 1 }],
    ],
    'workflow.reopen': [['missing id', { actorId: ACTOR }]],
    'workflow.correct': [
      ['missing note', { id, actorId: ACTOR }],
      ['note array', { id, actorId: ACTOR, note: ['오타'] }],
    ],
    'workflow.withdraw': [['missing reason', { id, actorId: ACTOR }]],
    'workflow.takeLock': [['actorId not uuid', { id, actorId: 'chief' }]],
    'workflow.setPriority': [
      ['priority -1', { id, actorId: ACTOR, priority: -1 }],
      ['priority 1.5', { id, actorId: ACTOR, priority: 1.5 }],
      ['missing priority', { id, actorId: ACTOR }],
    ],
    'workflow.queue': [
      ['missing queue', { actorId: ACTOR }],
      ['queue unknown', { queue: '보류함' }],
      ['sort unknown', { queue: 'desk', sort: 'random' }],
      ['state unknown', { queue: 'desk', state: '보류' }],
      ['limit 201', { queue: 'desk', limit: 201 }],
      ['coveredOnly string', { queue: 'desk', coveredOnly: 'yes' }],
    ],
    'workflow.counts': [
      ['section 51', { section: '가'.repeat(51) }],
      ['queue key', { queue: 'desk' }],
    ],
    'workflow.history': [['id not uuid', { id: 'x' }]],
    'workflow.comments': [['missing id', {}]],
    'workflow.comment': [
      ['body blank', { id, actorId: ACTOR, version: 2, body: '   ' }],
      ['body 2001', { id, actorId: ACTOR, version: 2, body: '가'.repeat(2_001) }],
      ['anchor field unknown', { id, actorId: ACTOR, version: 2, body: '확인', anchor: { field: 'caption', start: 0, end: 1, quote: '과' } }],
      ['anchor empty quote', { id, actorId: ACTOR, version: 2, body: '확인', anchor: { field: 'body', start: 0, end: 1, quote: '' } }],
      ['anchor start -1', { id, actorId: ACTOR, version: 2, body: '확인', anchor: { field: 'body', start: -1, end: 1, quote: '과' } }],
      ['anchor extra key', { id, actorId: ACTOR, version: 2, body: '확인', anchor: { field: 'body', start: 0, end: 1, quote: '과', color: 'red' } }],
    ],
    'workflow.resolveComment': [
      ['commentId 0', { commentId: 0, actorId: ACTOR }],
      ['commentId string', { commentId: '1', actorId: ACTOR }],
    ],
    'import.document': [
      ['missing data', { fileName: '보도자료.docx' }],
      ['data as a string', { fileName: '보도자료.docx', data: 'UEsDBA==' }],
      ['data empty', { fileName: '보도자료.docx', data: new Uint8Array(0) }],
      ['data over 50 MB', { fileName: '보도자료.pdf', data: new Uint8Array(50 * 1024 * 1024 + 1) }],
      ['fileName a path', { fileName: '../../보도자료.docx', data: JPEG_START }],
      ['actorId not uuid', { fileName: '보도자료.docx', data: JPEG_START, actorId: 'kim' }],
      // Past the contract: the converters refuse these, and must leave nothing behind either.
      ['bytes that are no document', { fileName: '보도자료.docx', data: new Uint8Array(noise(4_096)) }],
      ['a corrupt zip', { fileName: '보도자료.docx', data: new Uint8Array(makeCorruptZip()) }],
      ['a zip bomb', { fileName: '보도자료.docx', data: new Uint8Array(makeZipBomb()) }],
      ['a zip bomb that lies about its size', { fileName: '보도자료.docx', data: new Uint8Array(makeZipBomb({ lie: true })) }],
      ['an encrypted DOCX (OLE container)', { fileName: '보도자료.docx', data: new Uint8Array(makeCompoundFile()) }],
      ['an HWP 5 file', { fileName: '보도자료.hwp', data: new Uint8Array(makeCompoundFile()) }],
      ['a profile that does not exist', { fileName: '보도자료.docx', data: JPEG_START, actorId: '00000000-0000-4000-8000-000000000000' }],
    ],
    'import.get': [
      ['missing articleId', {}],
      ['articleId a path', { articleId: '../x' }],
    ],
    'import.confirm': [
      ['fields empty', { articleId: id, fields: [] }],
      ['field unknown', { articleId: id, fields: ['body'] }],
      ['missing fields', { articleId: id }],
    ],
    'publish.targets': [['any key', { all: true }]],
    'publish.saveTarget': [
      ['missing kind', { name: '홈페이지', url: 'https://news.example.com' }],
      ['kind unknown', { kind: 'ghost', name: '홈페이지', url: 'https://news.example.com' }],
      ['url javascript:', { kind: 'wordpress', name: '홈페이지', url: 'javascript:alert(1)', username: 'desk', password: 'x' }],
      ['url file:', { kind: 'html-bundle', name: '묶음', url: 'file:///etc/', folder: 'web' }],
      ['url with credentials', { kind: 'wordpress', name: '홈페이지', url: 'https://desk:pw@news.example.com', username: 'desk', password: 'x' }],
      ['folder a path', { kind: 'html-bundle', name: '묶음', url: 'https://news.example.com', folder: '../../etc' }],
      ['folder ..', { kind: 'html-bundle', name: '묶음', url: 'https://news.example.com', folder: '..' }],
      ['name blank', { kind: 'wordpress', name: '  ', url: 'https://news.example.com', username: 'desk', password: 'x' }],
      ['password empty', { kind: 'wordpress', name: '홈페이지', url: 'https://news.example.com', username: 'desk', password: '' }],
      ['id 0', { id: 0, kind: 'wordpress', name: '홈페이지', url: 'https://news.example.com', username: 'desk' }],
    ],
    'publish.run': [
      ['missing targetId', { articleId: id, actorId: ACTOR }],
      ['targetId string', { articleId: id, targetId: '1', actorId: ACTOR }],
      ['missing actorId', { articleId: id, targetId: 1 }],
      ['articleId a path', { articleId: '../x', targetId: 1, actorId: ACTOR }],
    ],
    'publish.takedown': [
      ['missing targetId', { articleId: id, actorId: ACTOR }],
      ['targetId string', { articleId: id, targetId: '1', actorId: ACTOR }],
      ['missing actorId', { articleId: id, targetId: 1 }],
      ['articleId a path', { articleId: '../x', targetId: 1, actorId: ACTOR }],
    ],
    'publish.log': [
      ['missing articleId', {}],
      ['articleId number', { articleId: 1 }],
    ],
    'publish.batch': [
      ['no stories', { articleIds: [], targetId: 1, actorId: ACTOR }],
      ['articleIds a string', { articleIds: id, targetId: 1, actorId: ACTOR }],
      ['1,001 stories', { articleIds: Array.from({ length: 1001 }, () => id), targetId: 1, actorId: ACTOR }],
      ['missing actorId', { articleIds: [id], targetId: 1 }],
    ],
    'publish.cancel': [
      ['missing batchId', {}],
      ['batchId a path', { batchId: '../../etc/passwd' }],
      ['batchId too short', { batchId: 'abc' }],
    ],
    'publish.batches': [['unknown key', { all: true }]],
    'storage.get': [['unknown key', { all: true }]],
    'storage.save': [
      [
        'engine unknown',
        { engine: 'mysql', postgres: { host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' } },
      ],
      [
        'postgres without host',
        {
          engine: 'postgres',
          postgres: { ...{ host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' }, host: '' },
        },
      ],
      [
        'host with @',
        {
          engine: 'postgres',
          postgres: { ...{ host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' }, host: 'evil@db' },
        },
      ],
      [
        'port 0',
        {
          engine: 'postgres',
          postgres: { ...{ host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' }, port: 0 },
        },
      ],
      [
        'password 201',
        {
          engine: 'postgres',
          postgres: { host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' },
          password: 'x'.repeat(201),
        },
      ],
    ],
    'storage.test': [
      ['missing postgres', {}],
      [
        'schema uppercase',
        { postgres: { ...{ host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' }, schema: 'Desk' } },
      ],
      [
        'sslmode prefer',
        { postgres: { ...{ host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' }, sslmode: 'prefer' } },
      ],
    ],
  };
}

function validInput(method: Method, id: string): object {
  const valid: Record<Method, object> = {
    'articles.create': { headline: HEADLINE },
    'articles.get': { id },
    'articles.list': {},
    'articles.save': { id, baseVersion: 2, fields: FIELDS },
    'articles.archive': { id, baseVersion: 2 },
    'drafts.save': { id, baseVersion: 2, fields: FIELDS },
    'drafts.status': {},
    'drafts.resolve': { articleId: id, keep: 'mine' },
    'articles.revisions': { id },
    'articles.revision': { id, version: 1 },
    'search.query': { text: '장관' },
    'backup.list': {},
    'backup.create': {},
    'backup.restore': { name: 'byline-20260101-000000.sqlite3' },
    'settings.get': {},
    'settings.set': { defaultSection: '경제' },
    'media.import': { fileName: '현장.jpg', data: JPEG_START },
    'media.get': { id: MEDIA_ID },
    'media.search': { query: '장관' },
    'media.update': { id: MEDIA_ID, caption: '설명' },
    'media.usage': { id: MEDIA_ID },
    'profiles.list': {},
    'profiles.create': { name: '김기자', email: 'kim@example.com', role: 'reporter', sections: ['IT/과학'] },
    'profiles.update': { id: ACTOR, name: '김기자' },
    'workflow.status': { id, actorId: ACTOR },
    'workflow.submit': { id, actorId: ACTOR, version: 2 },
    'workflow.startReview': { id, actorId: ACTOR },
    'workflow.approve': { id, actorId: ACTOR, version: 2 },
    'workflow.return': { id, actorId: ACTOR, reason: '리드를 고치세요' },
    'workflow.reopen': { id, actorId: ACTOR },
    'workflow.correct': { id, actorId: ACTOR, note: '오타' },
    'workflow.withdraw': { id, actorId: ACTOR, reason: '오보' },
    'workflow.takeLock': { id, actorId: ACTOR },
    'workflow.setPriority': { id, actorId: ACTOR, priority: 1 },
    'workflow.queue': { queue: 'desk' },
    'workflow.counts': {},
    'workflow.history': { id },
    'workflow.comments': { id },
    'workflow.comment': { id, actorId: ACTOR, version: 2, body: '확인' },
    'workflow.resolveComment': { commentId: 1, actorId: ACTOR },
    'import.document': { fileName: '보도자료.docx', data: JPEG_START },
    'import.get': { articleId: id },
    'import.confirm': { articleId: id, fields: ['headline'] },
    'publish.targets': {},
    'publish.saveTarget': { kind: 'wordpress', name: '홈페이지', url: 'https://news.example.com', username: 'desk', password: 'abcd efgh ijkl mnop qrst uvwx' },
    'publish.run': { articleId: id, targetId: 1, actorId: ACTOR },
    'publish.takedown': { articleId: id, targetId: 1, actorId: ACTOR },
    'publish.log': { articleId: id },
    'publish.batch': { articleIds: [id], targetId: 1, actorId: ACTOR },
    'publish.cancel': { batchId: '00000000-0000-4000-8000-000000000000' },
    'publish.batches': {},
    'storage.get': {},
    'storage.save': { engine: 'sqlite', postgres: { host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' } },
    'storage.test': { postgres: { host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' } },
  };
  return valid[method];
}

async function refusedWithoutWrites(method: Method, cases: Array<[string, unknown]>): Promise<string[]> {
  const settingsFile = path.join(dataDir, 'settings.json');
  const problems: string[] = [];
  for (const [label, input] of cases) {
    const before = await logicalDump(backend!.db);
    const settingsBefore = existsSync(settingsFile) ? sha256File(settingsFile) : '';
    let result: Result<unknown>;
    try {
      result = await call(method, input);
    } catch (err) {
      problems.push(`${label}: threw ${(err as Error).message}`);
      continue;
    }
    if (result.ok || result.error.code !== 'VALIDATION') problems.push(`${label}: ${result.ok ? 'ok' : result.error.code}`);
    if (!result.ok && /node_modules|\.ts:\d+|\n\s+at /.test(result.error.message)) problems.push(`${label}: stack trace in message`);
    if ((await logicalDump(backend!.db)).hash !== before.hash) problems.push(`${label}: database changed`);
    if ((existsSync(settingsFile) ? sha256File(settingsFile) : '') !== settingsBefore) problems.push(`${label}: settings changed`);
  }
  return problems;
}

describe('dispatch: malformed input is refused with VALIDATION and writes nothing', () => {
  it.each(METHODS)('%s', async (method) => {
    const cases: Array<[string, unknown]> = [
      ...GENERIC.map(([label, make]): [string, unknown] => [label, make(validInput(method, article.id))]),
      ...specific(article.id)[method],
    ];
    expect(await refusedWithoutWrites(method, cases)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(METHODS)('%s refuses null', async (method) => {
    expect(await refusedWithoutWrites(method, [['null', null]])).toEqual([]);
  });
});

describe('dispatch: unknown methods', () => {
  it.each(['articles.delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'articles', 'ARTICLES.GET', 'x'.repeat(10_000)])(
    'refuses %j with UNKNOWN_METHOD',
    async (name) => {
      const before = await logicalDump(backend!.db);
      const result = await call(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      if (!result.ok) expect(result.error.message.length).toBeLessThan(300);
      expect((await logicalDump(backend!.db)).hash).toBe(before.hash);
    },
  );
});

describe('dispatch: failures inside a handler', () => {
  it('turns a storage failure into INTERNAL without a stack trace', async () => {
    // The backend's dispatch logs the underlying error to the console (captured by vitest); the caller sees none of it.
    await backend!.close();
    const result = await call('articles.list', {});
    backend = undefined;
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|\n\s+at |\.ts:\d+/);
  });
});

describe('settings across restarts', () => {
  it('keeps settings after the backend is closed and started again on the same folder', async () => {
    const patch = {
      identity: { name: '홍길동', email: 'hong@example.com' },
      sections: ['정치', '경제', 'IT/과학'],
      defaultSection: 'IT/과학',
      locale: 'en' as const,
      lastOpenArticleId: article.id,
    };
    const saved = await ok<Settings>('settings.set', patch);
    await backend!.close();
    await start();
    expect(await ok<Settings>('settings.get', {})).toEqual(saved);
    expect(await ok<Article>('articles.get', { id: article.id })).toEqual(article);
    expect((await ok<Article>('articles.create', {})).section).toBe('IT/과학');
  });

  it('moves a corrupt settings.json aside, warns, and starts from the defaults', async () => {
    await ok<Settings>('settings.set', { defaultSection: '경제' });
    await backend!.close();
    const damaged = '{ "locale": "ko", 잘린 파일';
    writeFileSync(path.join(dataDir, 'settings.json'), damaged);

    const { warning } = await start();
    expect(warning).toMatch(/settings\.unreadable-.*\.json/);
    const aside = readdirSync(dataDir).filter((f) => /^settings\.unreadable-.+\.json$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, aside[0]!), 'utf8')).toBe(damaged);
    expect(await ok<Settings>('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    expect(await ok<Article>('articles.get', { id: article.id })).toEqual(article);
  });

  it('moves aside a settings.json that breaks the schema', async () => {
    await backend!.close();
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, locale: 'fr' }));
    const { warning } = await start();
    expect(warning).toBeDefined();
    expect(readdirSync(dataDir).some((f) => /^settings\.unreadable-.+\.json$/.test(f))).toBe(true);
    expect(await ok<Settings>('settings.get', {})).toEqual(DEFAULT_SETTINGS);
  });
});
