import type { Method } from '../../../shared/contract';
import { MAX_PHOTO_BYTES } from '../../../shared/media';
import { ACTOR, FIELDS, HEADLINE, JPEG_START, MEDIA_ID } from './dispatch-harness';
import { ACCOUNT_HOSTILE_INPUTS } from './dispatch-hostile-accounts';
import { THREAD_HOSTILE_INPUTS } from './dispatch-hostile-threads';
import { NOTIFICATION_HOSTILE_INPUTS } from './dispatch-hostile-notifications';
import { NEWSROOM_HOSTILE_INPUTS } from './dispatch-hostile-newsroom';
import { spellingHostileInputs } from './dispatch-hostile-spelling';
import { trashHostileInputs } from './dispatch-hostile-trash';
import { makeCompoundFile, makeCorruptZip, makeZipBomb } from './documents';
import { noise, pngBomb } from './images';

/* Hostile inputs for every dispatch method: the generic shapes any input can take, and each method's own. */

function deep(depth: number): unknown {
  let v: unknown = { type: 'text', text: '양자' };
  for (let i = 0; i < depth; i += 1) v = { type: 'paragraph', children: [v] };
  return v;
}
const withKey = (key: '__proto__' | 'constructor', base: object) =>
  JSON.parse(`{"${key}": {"polluted": true}, ${JSON.stringify(base).slice(1)}`.replace(/, }$/, '}')) as unknown;

export const GENERIC: Array<[string, (valid: object) => unknown]> = [
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

export function specific(id: string): Record<Method, Array<[string, unknown]>> {
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
    'outbox.save': [
      ['missing fields', { id, baseVersion: 2 }],
      ['baseVersion 0', save({}, { baseVersion: 0 })],
    ],
    'outbox.status': [['any key', { all: true }]],
    'outbox.resolve': [
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
      ['an actor named in the input', { id, actorId: '최국장' }],
    ],
    'workflow.submit': [
      ['nobody calling', { id, version: 2 }],
      ['missing version', { id }],
      ['version 0', { id, version: 0 }],
      ['priority 3', { id, version: 2, priority: 3 }],
      ['note 2001', { id, version: 2, note: '가'.repeat(2_001) }],
    ],
    'workflow.startReview': [
      ['nobody calling', { id }],
      ['an actor null in the input', { id, actorId: null }],
    ],
    'workflow.approve': [
      ['missing version', { id }],
      ['version string', { id, version: '3' }],
    ],
    'workflow.return': [
      ['missing reason', { id }],
      ['reason 2001', { id, reason: '가'.repeat(2_001) }],
      ['reason number', { id, reason: 1 }],
    ],
    'workflow.reopen': [['missing id', {}]],
    'workflow.correct': [
      ['missing note', { id }],
      ['note array', { id, note: ['오타'] }],
    ],
    'workflow.withdraw': [['missing reason', { id }]],
    'workflow.takeLock': [['an actor named in the input', { id, actorId: 'chief' }]],
    'workflow.setPriority': [
      ['priority -1', { id, priority: -1 }],
      ['priority 1.5', { id, priority: 1.5 }],
      ['missing priority', { id }],
    ],
    'workflow.queue': [
      ['missing queue', {}],
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
      ['body blank', { id, version: 2, body: '   ' }],
      ['body 2001', { id, version: 2, body: '가'.repeat(2_001) }],
      ['anchor field unknown', { id, version: 2, body: '확인', anchor: { field: 'caption', start: 0, end: 1, quote: '과' } }],
      ['anchor empty quote', { id, version: 2, body: '확인', anchor: { field: 'body', start: 0, end: 1, quote: '' } }],
      ['anchor start -1', { id, version: 2, body: '확인', anchor: { field: 'body', start: -1, end: 1, quote: '과' } }],
      ['anchor extra key', { id, version: 2, body: '확인', anchor: { field: 'body', start: 0, end: 1, quote: '과', color: 'red' } }],
    ],
    'workflow.resolveComment': [
      ['commentId 0', { commentId: 0 }],
      ['commentId string', { commentId: '1' }],
    ],
    'import.document': [
      ['missing data', { fileName: '보도자료.docx' }],
      ['data as a string', { fileName: '보도자료.docx', data: 'UEsDBA==' }],
      ['data empty', { fileName: '보도자료.docx', data: new Uint8Array(0) }],
      ['data over 50 MB', { fileName: '보도자료.pdf', data: new Uint8Array(50 * 1024 * 1024 + 1) }],
      ['fileName a path', { fileName: '../../보도자료.docx', data: JPEG_START }],
      ['an actor named in the input', { fileName: '보도자료.docx', data: JPEG_START, actorId: 'kim' }],
      // Past the contract: the converters refuse these, and must leave nothing behind either.
      ['bytes that are no document', { fileName: '보도자료.docx', data: new Uint8Array(noise(4_096)) }],
      ['a corrupt zip', { fileName: '보도자료.docx', data: new Uint8Array(makeCorruptZip()) }],
      ['a zip bomb', { fileName: '보도자료.docx', data: new Uint8Array(makeZipBomb()) }],
      ['a zip bomb that lies about its size', { fileName: '보도자료.docx', data: new Uint8Array(makeZipBomb({ lie: true })) }],
      ['an encrypted DOCX (OLE container)', { fileName: '보도자료.docx', data: new Uint8Array(makeCompoundFile()) }],
      ['an HWP 5 file', { fileName: '보도자료.hwp', data: new Uint8Array(makeCompoundFile()) }],
      ['a real-looking actor named in the input', { fileName: '보도자료.docx', data: JPEG_START, actorId: '00000000-0000-4000-8000-000000000000' }],
    ],
    'import.get': [
      ['missing articleId', {}],
      ['articleId a path', { articleId: '../x' }],
    ],
    'duplicates.check': [
      ['missing articleId', {}],
      ['articleId a path', { articleId: '../x' }],
      ['a text instead of a story', { articleId: id, text: '보도자료 본문' }],
    ],
    'import.confirm': [
      ['fields empty', { articleId: id, fields: [] }],
      ['field unknown', { articleId: id, fields: ['body'] }],
      ['missing fields', { articleId: id }],
    ],
    'publish.targets': [['any key', { all: true }]],
    'publish.saveTarget': [
      ['missing kind', { name: '홈페이지', settings: { url: 'https://news.example.com' } }],
      ['kind unknown', { kind: 'medium', name: '홈페이지', settings: { url: 'https://news.example.com' } }],
      ['settings flat (the old shape)', { kind: 'wordpress', name: '홈페이지', url: 'https://news.example.com', username: 'desk', password: 'x' }],
      ['url javascript:', { kind: 'wordpress', name: '홈페이지', settings: { url: 'javascript:alert(1)', username: 'desk' }, secret: 'x' }],
      ['url file:', { kind: 'html-bundle', name: '묶음', settings: { url: 'file:///etc/', folder: 'web' } }],
      ['url with credentials', { kind: 'wordpress', name: '홈페이지', settings: { url: 'https://desk:pw@news.example.com', username: 'desk' }, secret: 'x' }],
      ['folder a path', { kind: 'html-bundle', name: '묶음', settings: { url: 'https://news.example.com', folder: '../../etc' } }],
      ['folder ..', { kind: 'html-bundle', name: '묶음', settings: { url: 'https://news.example.com', folder: '..' } }],
      ['name blank', { kind: 'wordpress', name: '  ', settings: { url: 'https://news.example.com', username: 'desk' }, secret: 'x' }],
      ['secret empty', { kind: 'wordpress', name: '홈페이지', settings: { url: 'https://news.example.com', username: 'desk' }, secret: '' }],
      ['secret in the settings', { kind: 'wordpress', name: '홈페이지', settings: { url: 'https://news.example.com', username: 'desk', password: 'x' } }],
      ['secret for a bundle', { kind: 'html-bundle', name: '묶음', settings: { url: 'https://news.example.com', folder: 'web' }, secret: 'x' }],
      ['another kind’s settings', { kind: 'ghost', name: 'Ghost', settings: { url: 'https://news.example.com', folder: 'web' } }],
      [
        'settings __proto__',
        { kind: 'html-bundle', name: '묶음', settings: JSON.parse('{"url":"https://news.example.com","folder":"web","__proto__":{"x":1}}') as unknown },
      ],
      ['id 0', { id: 0, kind: 'wordpress', name: '홈페이지', settings: { url: 'https://news.example.com', username: 'desk' } }],
    ],
    'publish.checkTarget': [
      ['kind unknown', { kind: 'medium', name: '홈페이지', settings: { url: 'https://news.example.com' } }],
      ['url javascript:', { kind: 'wordpress', name: '홈페이지', settings: { url: 'javascript:alert(1)', username: 'desk' }, secret: 'x' }],
      ['url with credentials', { kind: 'ghost', name: 'Ghost', settings: { url: 'https://desk:pw@news.example.com' }, secret: 'x' }],
      ['secret empty', { kind: 'wordpress', name: '홈페이지', settings: { url: 'https://news.example.com', username: 'desk' }, secret: '' }],
      ['id a string', { id: '1', kind: 'wordpress', name: '홈페이지', settings: { url: 'https://news.example.com', username: 'desk' } }],
    ],
    'publish.testTarget': [
      ['missing targetId', {}],
      ['targetId string', { targetId: '1' }],
      ['targetId 0', { targetId: 0 }],
    ],
    'publish.run': [
      ['missing targetId', { articleId: id }],
      ['targetId string', { articleId: id, targetId: '1' }],
      ['nobody calling', { articleId: id, targetId: 1 }],
      ['articleId a path', { articleId: '../x', targetId: 1 }],
    ],
    'publish.takedown': [
      ['missing targetId', { articleId: id }],
      ['targetId string', { articleId: id, targetId: '1' }],
      ['nobody calling', { articleId: id, targetId: 1 }],
      ['articleId a path', { articleId: '../x', targetId: 1 }],
    ],
    'publish.log': [
      ['missing articleId', {}],
      ['articleId number', { articleId: 1 }],
    ],
    'publish.batch': [
      ['no stories', { articleIds: [], targetId: 1 }],
      ['articleIds a string', { articleIds: id, targetId: 1 }],
      ['1,001 stories', { articleIds: Array.from({ length: 1001 }, () => id), targetId: 1 }],
      ['nobody calling', { articleIds: [id], targetId: 1 }],
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
    ...ACCOUNT_HOSTILE_INPUTS,
    ...trashHostileInputs(id),
    ...THREAD_HOSTILE_INPUTS,
    ...NOTIFICATION_HOSTILE_INPUTS,
    ...NEWSROOM_HOSTILE_INPUTS,
    ...spellingHostileInputs(id),
  };
}
