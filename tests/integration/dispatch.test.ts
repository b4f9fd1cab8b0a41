import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { DEFAULT_META, type Article } from '../../shared/article';
import { METHODS, type Method } from '../../shared/contract';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { startTestBackend } from './support/backend';
import { logicalDump, makeTempDir, removeTempDirs, sha256File } from './support/temp';

const HEADLINE = '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진';
const BODY = editorStateFromParagraphs(['(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.', '[뉴스출처 : 과학기술정보통신부]']);
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
const withKey = (key: '__proto__' | 'constructor', base: object) => JSON.parse(`{"${key}": {"polluted": true}, ${JSON.stringify(base).slice(1)}`.replace(/, }$/, '}')) as unknown;

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
    'articles.create': [['headline number', { headline: 42 }], ['section array', { section: ['IT/과학'] }], ['headline 301', { headline: '가'.repeat(301) }], ['section 51', { section: '가'.repeat(51) }], ['headline null', { headline: null }], ['headline 5 MB', { headline: '가'.repeat(5_000_000) }]],
    'articles.get': [['missing id', {}], ['id number', { id: 42 }], ['id not uuid', { id: '../../etc/passwd' }], ['id 1 MB', { id: 'a'.repeat(1_000_000) }], ['id null', { id: null }]],
    'articles.list': [['limit string', { limit: '10' }], ['limit 0', { limit: 0 }], ['limit 501', { limit: 501 }], ['offset -1', { offset: -1 }], ['limit NaN', { limit: Number.NaN }], ['includeArchived 1', { includeArchived: 1 }]],
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
    'articles.archive': [['missing id', { baseVersion: 2 }], ['baseVersion 0', { id, baseVersion: 0 }], ['archived string', { id, baseVersion: 2, archived: 'yes' }]],
    'articles.revisions': [['missing id', {}], ['id number', { id: 123 }]],
    'articles.revision': [['missing version', { id }], ['version 0', { id, version: 0 }], ['version string', { id, version: '1' }]],
    'search.query': [['text number', { text: 1 }], ['text 201', { text: '가'.repeat(201) }], ['sort unknown', { sort: 'random' }], ['state unknown', { state: '보류' }], ['from not a time', { from: '어제' }], ['limit 201', { limit: 201 }]],
    'backup.list': [['any key', { all: true }]],
    'backup.create': [['a path', { to: '/tmp/x' }]],
    'backup.restore': [['a path', { name: '../byline.sqlite3' }], ['absolute', { name: '/etc/passwd' }], ['missing', {}]],
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
  };
}

function validInput(method: Method, id: string): object {
  const valid: Record<Method, object> = {
    'articles.create': { headline: HEADLINE },
    'articles.get': { id },
    'articles.list': {},
    'articles.save': { id, baseVersion: 2, fields: FIELDS },
    'articles.archive': { id, baseVersion: 2 },
    'articles.revisions': { id },
    'articles.revision': { id, version: 1 },
    'search.query': { text: '장관' },
    'backup.list': {},
    'backup.create': {},
    'backup.restore': { name: 'byline-20260101-000000.sqlite3' },
    'settings.get': {},
    'settings.set': { defaultSection: '경제' },
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
    const cases: Array<[string, unknown]> = [...GENERIC.map(([label, make]): [string, unknown] => [label, make(validInput(method, article.id))]), ...specific(article.id)[method]];
    expect(await refusedWithoutWrites(method, cases)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(METHODS)('%s refuses null', async (method) => {
    expect(await refusedWithoutWrites(method, [['null', null]])).toEqual([]);
  });
});

describe('dispatch: unknown methods', () => {
  it.each(['articles.delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'articles', 'ARTICLES.GET', 'x'.repeat(10_000)])('refuses %j with UNKNOWN_METHOD', async (name) => {
    const before = await logicalDump(backend!.db);
    const result = await call(name, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    if (!result.ok) expect(result.error.message.length).toBeLessThan(300);
    expect((await logicalDump(backend!.db)).hash).toBe(before.hash);
  });
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
