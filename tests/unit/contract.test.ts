import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { METHODS, binaryFieldOf, channelOf, contract, isMethod, routeOf, type Method } from '../../shared/contract';
import { DEFAULT_META } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { AppError } from '../../shared/errors';
import { MAX_PAYLOAD_DEPTH, assertPayloadDepth } from '../../shared/payload-guard';

const ID = '0b9f6c1e-3a2d-4c5b-8e7f-1a2b3c4d5e6f';
const MEDIA_ID = 'ab'.repeat(32);
const ACTOR = '5c2e8a4f-1b3d-4e6f-9a0b-7c8d9e0f1a2b';
const FIELDS = {
  headline: '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진',
  deck: '미국 에너지부 산하 브룩헤이븐 국립연구소 방문',
  section: 'IT/과학',
  body: editorStateFromParagraphs(['(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.']),
  ...DEFAULT_META,
};

/** One valid input per method, so that each can be broken by one extra key. */
const VALID: { [M in Method]: Record<string, unknown> } = {
  'articles.create': { headline: FIELDS.headline, section: 'IT/과학' },
  'articles.get': { id: ID },
  'articles.list': { includeArchived: true, limit: 10, offset: 0 },
  'articles.save': { id: ID, baseVersion: 1, fields: FIELDS },
  'articles.archive': { id: ID, baseVersion: 2, archived: true },
  'outbox.save': { id: ID, baseVersion: 1, fields: FIELDS },
  'outbox.status': {},
  'outbox.resolve': { articleId: ID, keep: 'copy', fields: FIELDS },
  'articles.revisions': { id: ID },
  'articles.revision': { id: ID, version: 1 },
  'search.query': { text: '장관', sort: 'date' },
  'backup.list': {},
  'backup.create': {},
  'backup.restore': { name: 'byline-20260101-000000.sqlite3' },
  'settings.get': {},
  'settings.set': { defaultSection: '경제' },
  'media.import': { fileName: '현장 사진.jpg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) },
  'media.get': { id: MEDIA_ID },
  'media.search': { query: '장관', limit: 20 },
  'media.update': { id: MEDIA_ID, caption: '배경훈 장관이 양자컴퓨터를 살펴보고 있다', credit: '포탈뉴스통신' },
  'media.usage': { id: MEDIA_ID },
  'profiles.list': {},
  'profiles.create': { name: '김기자', email: 'kim@example.com', role: 'reporter', sections: ['IT/과학'] },
  'profiles.update': { id: ACTOR, role: 'desk', sections: ['IT/과학'] },
  'workflow.status': { id: ID },
  'workflow.submit': { id: ID, version: 2, priority: 1 },
  'workflow.startReview': { id: ID },
  'workflow.approve': { id: ID, version: 3 },
  'workflow.return': { id: ID, reason: '리드에 방문 일자를 넣으세요' },
  'workflow.reopen': { id: ID },
  'workflow.correct': { id: ID, note: '장관 이름 오기' },
  'workflow.withdraw': { id: ID, reason: '취재원 요청' },
  'workflow.takeLock': { id: ID, note: '마감' },
  'workflow.setPriority': { id: ID, priority: 2 },
  'workflow.queue': { queue: 'desk', section: 'IT/과학', state: 'submitted', sort: 'embargo', limit: 20 },
  'workflow.counts': { coveredOnly: true },
  'workflow.history': { id: ID },
  'workflow.comments': { id: ID },
  'workflow.comment': { id: ID, version: 2, anchor: { field: 'body', start: 0, end: 2, quote: '과학' }, body: '정식 명칭 확인' },
  'workflow.resolveComment': { commentId: 1 },
  'workflow.reply': { commentId: 1, body: '@김데스크 확인했습니다' },
  'workflow.reopenComment': { commentId: 1 },
  'import.document': { fileName: '보도자료(양자전략).hwpx', data: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) },
  'import.get': { articleId: ID },
  'duplicates.check': { articleId: ID },
  'import.confirm': { articleId: ID, fields: ['headline', 'embargoAt'] },
  'publish.targets': {},
  'publish.saveTarget': {
    kind: 'wordpress',
    name: '포탈뉴스 홈페이지',
    settings: { url: 'https://news.example.com', username: 'desk' },
    secret: 'abcd efgh ijkl mnop qrst uvwx',
  },
  'publish.testTarget': { targetId: 1 },
  'publish.checkTarget': { kind: 'ghost', name: '고스트', settings: { url: 'https://news.example.com' }, secret: 'a1'.repeat(12) + ':' + 'ab'.repeat(32) },
  'publish.run': { articleId: ID, targetId: 1 },
  'publish.takedown': { articleId: ID, targetId: 1 },
  'publish.log': { articleId: ID },
  'publish.batch': { articleIds: [ID], targetId: 1 },
  'publish.cancel': { batchId: '00000000-0000-4000-8000-000000000000' },
  'publish.batches': {},
  'storage.get': {},
  'newsroom.connection': {},
  'newsroom.inspect': { origin: 'https://byline.newsroom.kr:8443' },
  'newsroom.connect': { origin: 'https://byline.newsroom.kr:8443', fingerprint: 'AB:'.repeat(31) + 'CD' },
  'newsroom.disconnect': {},
  'storage.save': {
    engine: 'postgres',
    postgres: { host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' },
    password: '비밀 번호 1234',
  },
  'storage.test': { postgres: { host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' }, password: '' },
  'accounts.list': {},
  'accounts.create': { login: 'park.desk', name: '박데스크', title: '부장', email: 'park@example.com', role: 'desk', sections: ['IT/과학'], admin: false },
  'accounts.update': { id: ID, name: '박데스크', role: 'chief', admin: true },
  'accounts.setDisabled': { id: ID, disabled: true },
  'accounts.resetPassword': { id: ID, mode: 'temporary' },
  'workflow.recall': { id: ID },
  'trash.discard': { id: ID },
  'trash.restore': { id: ID },
  'trash.list': { limit: 50, offset: 0 },
  'articles.copy': { id: ID },
  'notifications.list': { unreadOnly: true, limit: 30, before: 10 },
  'notifications.unreadCount': {},
  'notifications.read': { all: true },
  'spelling.words': {},
  'spelling.addWord': { word: '갬베타' },
  'spelling.removeWord': { word: '갬베타' },
  'spelling.vocabulary': {},
};

function nested(depth: number): unknown {
  let value: unknown = '바닥';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe('contract table', () => {
  it('lists every method once, with an input and an output zod schema', () => {
    expect(METHODS.length).toBeGreaterThan(0);
    expect(new Set(METHODS).size).toBe(METHODS.length);
    expect(METHODS.sort()).toEqual(Object.keys(VALID).sort());
    for (const method of METHODS) {
      expect(contract[method].input).toBeInstanceOf(z.ZodType);
      expect(contract[method].output).toBeInstanceOf(z.ZodType);
    }
  });

  it('names methods as <area>.<verb>', () => {
    for (const method of METHODS) expect(method).toMatch(/^[a-z]+\.[a-z]+$/i);
  });

  it('derives the IPC channel and the web route from the method name', () => {
    expect(channelOf('articles.save')).toBe('byline:articles.save');
    expect(routeOf('articles.save')).toBe('/api/articles.save');
    for (const method of METHODS) {
      expect(channelOf(method)).toBe(`byline:${method}`);
      expect(routeOf(method)).toBe(`/api/${method}`);
    }
  });
});

describe('isMethod', () => {
  it('accepts every contract method', () => {
    for (const method of METHODS) expect(isMethod(method)).toBe(true);
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'articles',
    'articles.delete',
    'ARTICLES.SAVE',
    ' articles.save',
    '',
    'articles.save\0',
  ])('refuses %j', (name) => {
    expect(isMethod(name)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 1, {}, [], ['articles.save'], { toString: () => 'articles.save' }]) expect(isMethod(value)).toBe(false);
  });
});

describe('inputs', () => {
  it.each(METHODS)('%s accepts its sample input', (method) => {
    expect(contract[method].input.safeParse(VALID[method]).success).toBe(true);
  });

  it.each(METHODS)('%s refuses unknown keys (strict)', (method) => {
    expect(contract[method].input.safeParse({ ...VALID[method], 담당자: '홍길동' }).success).toBe(false);
  });

  it.each(METHODS)('%s refuses "__proto__" and "constructor" keys made by JSON.parse', (method) => {
    const withProto = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(VALID[method]).slice(1)}`.replace(/, }$/, '}')) as unknown;
    const withConstructor = JSON.parse(
      `{"constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(VALID[method]).slice(1)}`.replace(/, }$/, '}'),
    ) as unknown;
    expect(contract[method].input.safeParse(withProto).success).toBe(false);
    expect(contract[method].input.safeParse(withConstructor).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(METHODS)('%s refuses null, arrays, strings and numbers', (method) => {
    for (const bad of [null, [], [VALID[method]], '{}', 42, true]) expect(contract[method].input.safeParse(bad).success).toBe(false);
  });

  it('refuses unknown keys inside nested strict objects', () => {
    const save = contract['articles.save'].input;
    expect(save.safeParse({ id: ID, baseVersion: 1, fields: { ...FIELDS, byline: '홍길동 기자' } }).success).toBe(false);
    const set = contract['settings.set'].input;
    expect(set.safeParse({ identity: { name: '홍길동', email: '', phone: '010' } }).success).toBe(false);
    expect(set.safeParse({ window: { width: 1400, height: 900, maximized: false, fullscreen: true } }).success).toBe(false);
  });

  it('applies the defaults of articles.list', () => {
    expect(contract['articles.list'].input.parse({})).toEqual({ includeArchived: false, limit: 100, offset: 0 });
    expect(contract['articles.list'].input.parse({ limit: 5 })).toEqual({ includeArchived: false, limit: 5, offset: 0 });
  });

  it('bounds articles.list limit and offset', () => {
    const list = contract['articles.list'].input;
    for (const bad of [{ limit: 0 }, { limit: 501 }, { limit: 1.5 }, { offset: -1 }, { offset: 10_000_001 }, { includeArchived: 'true' }]) {
      expect(list.safeParse(bad).success).toBe(false);
    }
  });

  it('defaults articles.archive to archiving', () => {
    expect(contract['articles.archive'].input.parse({ id: ID, baseVersion: 1 })).toEqual({ id: ID, baseVersion: 1, archived: true });
  });

  it('enforces maximum lengths', () => {
    const save = contract['articles.save'].input;
    expect(save.safeParse({ id: ID, baseVersion: 1, fields: { ...FIELDS, headline: '가'.repeat(300) } }).success).toBe(true);
    expect(save.safeParse({ id: ID, baseVersion: 1, fields: { ...FIELDS, headline: '가'.repeat(301) } }).success).toBe(false);
    expect(save.safeParse({ id: ID, baseVersion: 1, fields: { ...FIELDS, deck: '나'.repeat(2_001) } }).success).toBe(false);
    expect(save.safeParse({ id: ID, baseVersion: 1, fields: { ...FIELDS, section: '다'.repeat(51) } }).success).toBe(false);
    expect(contract['articles.create'].input.safeParse({ headline: '라'.repeat(301) }).success).toBe(false);
  });

  it('refuses ids that are not UUIDs and versions below 1', () => {
    expect(contract['articles.get'].input.safeParse({ id: '../../etc/passwd' }).success).toBe(false);
    expect(contract['articles.save'].input.safeParse({ ...VALID['articles.save'], baseVersion: 0 }).success).toBe(false);
    expect(contract['articles.save'].input.safeParse({ ...VALID['articles.save'], baseVersion: '1' }).success).toBe(false);
  });

  it('refuses a body whose root is not a root node', () => {
    const save = contract['articles.save'].input;
    expect(save.safeParse({ ...VALID['articles.save'], fields: { ...FIELDS, body: { root: { type: 'paragraph', children: [] } } } }).success).toBe(false);
    expect(save.safeParse({ ...VALID['articles.save'], fields: { ...FIELDS, body: { root: { type: 'root', children: [{ type: '' }] } } } }).success).toBe(
      false,
    );
  });
});

describe('media methods', () => {
  const importInput = contract['media.import'].input;

  it('names media.import as the one method that carries file bytes, in its data field', () => {
    expect(METHODS.filter((m) => binaryFieldOf(m) !== undefined).sort()).toEqual(['import.document', 'media.import']);
    expect(binaryFieldOf('media.import')).toBe('data');
  });

  it('takes the file as a Uint8Array only: not an array of numbers, a string or an object', () => {
    for (const data of [[0xff, 0xd8], 'ffd8', { 0: 255 }, new Uint16Array([1]), null]) {
      expect(importInput.safeParse({ fileName: 'a.jpg', data }).success).toBe(false);
    }
    expect(importInput.safeParse({ fileName: 'a.jpg', data: Buffer.from([0xff, 0xd8]) }).success).toBe(true);
  });

  it('refuses an empty file and a file over 100 MB', () => {
    expect(importInput.safeParse({ fileName: 'a.jpg', data: new Uint8Array(0) }).success).toBe(false);
    expect(importInput.safeParse({ fileName: 'a.jpg', data: new Uint8Array(100 * 1024 * 1024 + 1) }).success).toBe(false);
    expect(importInput.safeParse({ fileName: 'a.jpg', data: new Uint8Array(100 * 1024 * 1024) }).success).toBe(true);
  });

  it.each(['../a.jpg', 'a/b.jpg', 'C:\\photos\\a.jpg', '..', '.', '', '   ', 'a\0.jpg', 'ㄱ'.repeat(256)])('refuses the file name %j', (fileName) => {
    expect(importInput.safeParse({ fileName, data: new Uint8Array([1]) }).success).toBe(false);
  });

  it('refuses media ids that are not lower-case SHA-256 hex', () => {
    for (const id of ['AB'.repeat(32), 'ab'.repeat(31), 'ab'.repeat(33), '../'.repeat(21) + 'a', ID]) {
      expect(contract['media.get'].input.safeParse({ id }).success).toBe(false);
    }
  });

  it('applies the defaults of media.search and bounds its limit', () => {
    expect(contract['media.search'].input.parse({})).toEqual({ query: '', limit: 60, offset: 0 });
    for (const bad of [{ limit: 0 }, { limit: 201 }, { query: '가'.repeat(201) }, { offset: -1 }])
      expect(contract['media.search'].input.safeParse(bad).success).toBe(false);
  });
});

describe('assertPayloadDepth', () => {
  it(`accepts ${MAX_PAYLOAD_DEPTH} nested objects and refuses one more`, () => {
    expect(() => assertPayloadDepth(nested(MAX_PAYLOAD_DEPTH))).not.toThrow();
    expect(() => assertPayloadDepth(nested(MAX_PAYLOAD_DEPTH + 1))).toThrow(AppError);
  });

  it('refuses 1000- and 100,000-deep nesting with a VALIDATION error instead of exhausting the stack', () => {
    for (const depth of [1_000, 100_000]) {
      let arrays: unknown = [];
      for (let i = 0; i < depth; i += 1) arrays = [arrays];
      for (const value of [nested(depth), arrays]) {
        let caught: unknown;
        try {
          assertPayloadDepth(value);
        } catch (err) {
          caught = err;
        }
        expect(caught).toBeInstanceOf(AppError);
        expect((caught as AppError).code).toBe('VALIDATION');
      }
    }
  });

  it('accepts primitives, null and wide but shallow payloads', () => {
    for (const value of [undefined, null, 0, '기사', true]) expect(() => assertPayloadDepth(value)).not.toThrow();
    const wide = { items: Array.from({ length: 10_000 }, (_, i) => ({ n: i, text: '양자' })) };
    expect(() => assertPayloadDepth(wide)).not.toThrow();
  });

  it('honours a custom maximum', () => {
    expect(() => assertPayloadDepth(nested(3), 3)).not.toThrow();
    expect(() => assertPayloadDepth(nested(4), 3)).toThrow(AppError);
  });

  it('treats file bytes as one value, however large', () => {
    expect(() => assertPayloadDepth(nested(MAX_PAYLOAD_DEPTH - 1) && { a: { b: new Uint8Array(10_000_000) } })).not.toThrow();
    let deepBytes: unknown = new Uint8Array(4);
    for (let i = 0; i < MAX_PAYLOAD_DEPTH; i += 1) deepBytes = { a: deepBytes };
    expect(() => assertPayloadDepth(deepBytes)).not.toThrow();
    expect(() => assertPayloadDepth({ a: deepBytes })).toThrow(AppError);
  });

  it('lets a real editor state through', () => {
    expect(() => assertPayloadDepth({ id: ID, baseVersion: 1, fields: FIELDS })).not.toThrow();
  });
});
