import type { Method } from '../../../shared/contract';
import { MAX_PHOTO_BYTES } from '../../../shared/media';
import { MAX_IMPORT_BYTES } from '../../../shared/press-release';

/*
 * Each contract method's input as the payload generator (payloads.ts) sees it: which fields, of what
 * kind and size, and which are required. The table is kept apart from the generator, which only reads it.
 */

/** What a field accepts, as far as the generator needs to know to break it. */
export type Kind =
  | { t: 'str'; max: number }
  | { t: 'uuid'; nullable?: boolean }
  | { t: 'int'; min: number; max?: number }
  | { t: 'bool' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'iso'; nullable?: boolean }
  | { t: 'email' }
  | { t: 'backup-name' }
  | { t: 'body' }
  | { t: 'bytes'; max: number }
  | { t: 'file-name' }
  | { t: 'media-id' }
  | { t: 'arr'; of: Kind; max: number; min?: number }
  | { t: 'obj'; fields: Record<string, Kind>; required: readonly string[] };

const obj = (fields: Record<string, Kind>, required: readonly string[] = Object.keys(fields)): Kind => ({ t: 'obj', fields, required });
const str = (max: number): Kind => ({ t: 'str', max });
const STATES = ['draft', 'submitted', 'in_review', 'approved', 'published', 'returned', 'corrected', 'withdrawn'] as const;
const ROLES = ['reporter', 'desk', 'chief'] as const;
/** Every workflow move names the story and the acting profile. */
const MOVE: Record<string, Kind> = { id: { t: 'uuid' } };
const PRIORITY: Kind = { t: 'int', min: 0, max: 2 };
/** storage.save / storage.test: a newsroom server, field by field (the password travels beside it). */
const PG_SERVER = obj({
  host: str(253),
  port: { t: 'int', min: 1, max: 65_535 },
  database: str(63),
  user: str(63),
  schema: str(63),
  sslmode: { t: 'enum', values: ['disable', 'require', 'verify-full'] },
});

/** accounts.create / accounts.update: what a 관리자 sets of a person (never a password). */
const ACCOUNT: Record<string, Kind> = {
  name: str(50),
  title: str(30),
  email: { t: 'email' },
  role: { t: 'enum', values: ROLES },
  sections: { t: 'arr', of: str(50), max: 100 },
  admin: { t: 'bool' },
};

const FIELDS = obj({
  headline: str(300),
  deck: str(2_000),
  section: str(50),
  body: { t: 'body' },
  storyType: { t: 'enum', values: ['straight', 'press_release', 'feature', 'photo', 'opinion'] },
  bylines: { t: 'arr', max: 10, of: obj({ name: str(50), email: { t: 'email' }, title: str(30) }) },
  sourceAttribution: str(100),
  tags: { t: 'arr', max: 30, of: str(50) },
  summary: str(1_000),
  slug: str(200),
  embargoAt: { t: 'iso', nullable: true },
  deskNote: str(2_000),
});

/** Each method's input, top level first; `required` lists the keys that have no default. */
export const SHAPES: Record<Method, Kind & { t: 'obj' }> = {
  'articles.create': { t: 'obj', fields: { headline: str(300), section: str(50) }, required: [] },
  'articles.get': { t: 'obj', fields: { id: { t: 'uuid' } }, required: ['id'] },
  'articles.list': {
    t: 'obj',
    fields: { includeArchived: { t: 'bool' }, limit: { t: 'int', min: 1, max: 500 }, offset: { t: 'int', min: 0, max: 10_000_000 } },
    required: [],
  },
  'articles.save': {
    t: 'obj',
    fields: { id: { t: 'uuid' }, baseVersion: { t: 'int', min: 1 }, fields: FIELDS },
    required: ['id', 'baseVersion', 'fields'],
  },
  'articles.archive': {
    t: 'obj',
    fields: { id: { t: 'uuid' }, baseVersion: { t: 'int', min: 1 }, archived: { t: 'bool' } },
    required: ['id', 'baseVersion'],
  },
  'outbox.save': {
    t: 'obj',
    fields: { id: { t: 'uuid' }, baseVersion: { t: 'int', min: 1 }, fields: FIELDS },
    required: ['id', 'baseVersion', 'fields'],
  },
  'outbox.status': { t: 'obj', fields: {}, required: [] },
  'outbox.resolve': {
    t: 'obj',
    fields: { articleId: { t: 'uuid' }, keep: { t: 'enum', values: ['mine', 'copy'] }, fields: FIELDS },
    required: ['articleId', 'keep'],
  },
  'articles.revisions': { t: 'obj', fields: { id: { t: 'uuid' } }, required: ['id'] },
  'articles.revision': { t: 'obj', fields: { id: { t: 'uuid' }, version: { t: 'int', min: 1 } }, required: ['id', 'version'] },
  'search.query': {
    t: 'obj',
    fields: {
      text: str(200),
      section: str(50),
      state: { t: 'enum', values: STATES },
      author: str(50),
      tag: str(50),
      from: { t: 'iso' },
      to: { t: 'iso' },
      includeArchived: { t: 'bool' },
      sort: { t: 'enum', values: ['relevance', 'date'] },
      limit: { t: 'int', min: 1, max: 200 },
      offset: { t: 'int', min: 0, max: 10_000_000 },
    },
    required: [],
  },
  'backup.list': { t: 'obj', fields: {}, required: [] },
  'backup.create': { t: 'obj', fields: {}, required: [] },
  'backup.restore': { t: 'obj', fields: { name: { t: 'backup-name' } }, required: ['name'] },
  'settings.get': { t: 'obj', fields: {}, required: [] },
  'settings.set': {
    t: 'obj',
    fields: {
      identity: obj({ name: str(100), email: { t: 'email' } }),
      locale: { t: 'enum', values: ['ko', 'en'] },
      sections: { t: 'arr', of: str(50), max: 100, min: 1 },
      lastOpenArticleId: { t: 'uuid', nullable: true },
      window: obj({ width: { t: 'int', min: 400, max: 10_000 }, height: { t: 'int', min: 300, max: 10_000 }, maximized: { t: 'bool' } }),
      newsroom: obj({ agencyCredit: str(50), leadTemplate: str(200), bylineTemplate: str(200), attributionTemplate: str(200) }),
      media: obj({ keepGpsOnExport: { t: 'bool' } }),
    },
    required: [],
  },
  'media.import': { t: 'obj', fields: { fileName: { t: 'file-name' }, data: { t: 'bytes', max: MAX_PHOTO_BYTES } }, required: ['fileName', 'data'] },
  'media.get': { t: 'obj', fields: { id: { t: 'media-id' } }, required: ['id'] },
  'media.search': { t: 'obj', fields: { query: str(200), limit: { t: 'int', min: 1, max: 200 }, offset: { t: 'int', min: 0, max: 1_000_000 } }, required: [] },
  'media.update': {
    t: 'obj',
    fields: { id: { t: 'media-id' }, caption: str(1_000), credit: str(200), alt: str(500), creator: str(200), copyright: str(300) },
    required: ['id'],
  },
  'media.usage': { t: 'obj', fields: { id: { t: 'media-id' } }, required: ['id'] },
  'profiles.list': { t: 'obj', fields: {}, required: [] },
  'profiles.create': {
    t: 'obj',
    fields: { name: str(50), email: { t: 'email' }, role: { t: 'enum', values: ROLES }, sections: { t: 'arr', of: str(50), max: 100 } },
    required: ['name', 'email', 'role'],
  },
  'profiles.update': {
    t: 'obj',
    fields: { id: { t: 'uuid' }, name: str(50), email: { t: 'email' }, role: { t: 'enum', values: ROLES }, sections: { t: 'arr', of: str(50), max: 100 } },
    required: ['id'],
  },
  'workflow.status': { t: 'obj', fields: { id: { t: 'uuid' } }, required: ['id'] },
  'workflow.submit': {
    t: 'obj',
    fields: { ...MOVE, version: { t: 'int', min: 1 }, priority: PRIORITY, note: str(2_000) },
    required: ['id', 'version'],
  },
  'workflow.startReview': { t: 'obj', fields: MOVE, required: ['id'] },
  'workflow.approve': { t: 'obj', fields: { ...MOVE, version: { t: 'int', min: 1 }, note: str(2_000) }, required: ['id', 'version'] },
  'workflow.return': { t: 'obj', fields: { ...MOVE, reason: str(2_000) }, required: ['id', 'reason'] },
  'workflow.reopen': { t: 'obj', fields: MOVE, required: ['id'] },
  'workflow.correct': { t: 'obj', fields: { ...MOVE, note: str(2_000) }, required: ['id', 'note'] },
  'workflow.withdraw': { t: 'obj', fields: { ...MOVE, reason: str(2_000) }, required: ['id', 'reason'] },
  'workflow.takeLock': { t: 'obj', fields: { ...MOVE, note: str(2_000) }, required: ['id'] },
  'workflow.setPriority': { t: 'obj', fields: { ...MOVE, priority: PRIORITY }, required: ['id', 'priority'] },
  'workflow.queue': {
    t: 'obj',
    fields: {
      section: str(50),
      coveredOnly: { t: 'bool' },
      queue: { t: 'enum', values: ['desk', 'approved', 'published', 'mine'] },
      state: { t: 'enum', values: STATES },
      sort: { t: 'enum', values: ['priority', 'submitted', 'embargo'] },
      limit: { t: 'int', min: 1, max: 200 },
      offset: { t: 'int', min: 0, max: 10_000_000 },
    },
    required: ['queue'],
  },
  'workflow.counts': { t: 'obj', fields: { section: str(50), coveredOnly: { t: 'bool' } }, required: [] },
  'workflow.history': { t: 'obj', fields: { id: { t: 'uuid' } }, required: ['id'] },
  'workflow.comments': { t: 'obj', fields: { id: { t: 'uuid' } }, required: ['id'] },
  'workflow.comment': {
    t: 'obj',
    fields: {
      ...MOVE,
      version: { t: 'int', min: 1 },
      anchor: obj({
        field: { t: 'enum', values: ['headline', 'deck', 'body'] },
        start: { t: 'int', min: 0, max: 10_000_000 },
        end: { t: 'int', min: 1, max: 10_000_000 },
        quote: str(1_000),
      }),
      body: str(2_000),
    },
    required: ['id', 'version', 'body'],
  },
  'workflow.resolveComment': {
    t: 'obj',
    fields: { commentId: { t: 'int', min: 1, max: Number.MAX_SAFE_INTEGER } },
    required: ['commentId'],
  },
  'workflow.reply': {
    t: 'obj',
    fields: { commentId: { t: 'int', min: 1, max: Number.MAX_SAFE_INTEGER }, body: str(2_000) },
    required: ['commentId', 'body'],
  },
  'workflow.reopenComment': {
    t: 'obj',
    fields: { commentId: { t: 'int', min: 1, max: Number.MAX_SAFE_INTEGER } },
    required: ['commentId'],
  },
  'import.document': {
    t: 'obj',
    fields: { fileName: { t: 'file-name' }, data: { t: 'bytes', max: MAX_IMPORT_BYTES } },
    required: ['fileName', 'data'],
  },
  'import.get': { t: 'obj', fields: { articleId: { t: 'uuid' } }, required: ['articleId'] },
  'duplicates.check': { t: 'obj', fields: { articleId: { t: 'uuid' } }, required: ['articleId'] },
  'import.confirm': {
    t: 'obj',
    fields: {
      articleId: { t: 'uuid' },
      fields: { t: 'arr', of: { t: 'enum', values: ['headline', 'deck', 'sourceAttribution', 'embargoAt'] }, max: 4, min: 1 },
    },
    required: ['articleId', 'fields'],
  },
  'publish.targets': { t: 'obj', fields: {}, required: [] },
  // The WordPress member of the kinds' union: its settings document and its secret.
  'publish.saveTarget': {
    t: 'obj',
    fields: {
      id: { t: 'int', min: 1, max: Number.MAX_SAFE_INTEGER },
      kind: { t: 'enum', values: ['wordpress'] },
      name: str(100),
      settings: obj({ url: str(500), username: str(100), takedown: { t: 'enum', values: ['draft', 'trash'] }, correctionPrefix: { t: 'bool' } }, [
        'url',
        'username',
      ]),
      secret: str(200),
    },
    required: ['kind', 'name', 'settings'],
  },
  // A bundle: the fuzzer's addresses then never reach out to the network.
  'publish.checkTarget': {
    t: 'obj',
    fields: {
      id: { t: 'int', min: 1, max: Number.MAX_SAFE_INTEGER },
      kind: { t: 'enum', values: ['html-bundle'] },
      name: str(100),
      settings: obj({ url: str(500), folder: str(64) }, ['url', 'folder']),
    },
    required: ['kind', 'name', 'settings'],
  },
  'publish.testTarget': { t: 'obj', fields: { targetId: { t: 'int', min: 1, max: Number.MAX_SAFE_INTEGER } }, required: ['targetId'] },
  'publish.run': {
    t: 'obj',
    fields: { articleId: { t: 'uuid' }, targetId: { t: 'int', min: 1, max: Number.MAX_SAFE_INTEGER } },
    required: ['articleId', 'targetId'],
  },
  'publish.takedown': {
    t: 'obj',
    fields: { articleId: { t: 'uuid' }, targetId: { t: 'int', min: 1, max: Number.MAX_SAFE_INTEGER } },
    required: ['articleId', 'targetId'],
  },
  'publish.log': { t: 'obj', fields: { articleId: { t: 'uuid' } }, required: ['articleId'] },
  'publish.batch': {
    t: 'obj',
    fields: {
      articleIds: { t: 'arr', of: { t: 'uuid' }, min: 1, max: 1000 },
      targetId: { t: 'int', min: 1, max: Number.MAX_SAFE_INTEGER },
    },
    required: ['articleIds', 'targetId'],
  },
  'publish.cancel': { t: 'obj', fields: { batchId: str(64) }, required: ['batchId'] },
  'publish.batches': { t: 'obj', fields: {}, required: [] },
  'storage.get': { t: 'obj', fields: {}, required: [] },
  'newsroom.connection': { t: 'obj', fields: {}, required: [] },
  'newsroom.inspect': { t: 'obj', fields: { origin: str(300) }, required: ['origin'] },
  'newsroom.connect': { t: 'obj', fields: { origin: str(300), fingerprint: str(95) }, required: ['origin'] },
  'newsroom.disconnect': { t: 'obj', fields: {}, required: [] },
  'storage.save': {
    t: 'obj',
    fields: { engine: { t: 'enum', values: ['sqlite', 'postgres'] }, postgres: PG_SERVER, password: str(200), forgetPassword: { t: 'bool' } },
    required: ['engine', 'postgres'],
  },
  'storage.test': { t: 'obj', fields: { postgres: PG_SERVER, password: str(200) }, required: ['postgres'] },
  'accounts.list': { t: 'obj', fields: {}, required: [] },
  'accounts.create': {
    t: 'obj',
    fields: { ...ACCOUNT, login: str(32) },
    required: ['login', 'name', 'role'],
  },
  'accounts.update': { t: 'obj', fields: { id: { t: 'uuid' }, ...ACCOUNT }, required: ['id'] },
  'accounts.setDisabled': { t: 'obj', fields: { id: { t: 'uuid' }, disabled: { t: 'bool' } }, required: ['id', 'disabled'] },
  'accounts.resetPassword': { t: 'obj', fields: { id: { t: 'uuid' }, mode: { t: 'enum', values: ['temporary', 'link'] } }, required: ['id', 'mode'] },
  'workflow.recall': { t: 'obj', fields: MOVE, required: ['id'] },
  'trash.discard': { t: 'obj', fields: MOVE, required: ['id'] },
  'trash.restore': { t: 'obj', fields: MOVE, required: ['id'] },
  'trash.list': { t: 'obj', fields: { limit: { t: 'int', min: 1, max: 200 }, offset: { t: 'int', min: 0, max: 10_000_000 } }, required: [] },
  'articles.copy': { t: 'obj', fields: MOVE, required: ['id'] },
  'notifications.list': { t: 'obj', fields: { unreadOnly: { t: 'bool' }, limit: { t: 'int', min: 1, max: 100 }, before: { t: 'int', min: 1 } }, required: [] },
  'notifications.unreadCount': { t: 'obj', fields: {}, required: [] },
  'notifications.read': { t: 'obj', fields: { id: { t: 'int', min: 1 }, all: { t: 'bool' } }, required: [] },
  'spelling.words': { t: 'obj', fields: {}, required: [] },
  'spelling.addWord': { t: 'obj', fields: { word: str(200) }, required: ['word'] },
  'spelling.removeWord': { t: 'obj', fields: { word: str(200) }, required: ['word'] },
  'spelling.vocabulary': { t: 'obj', fields: {}, required: [] },
};
