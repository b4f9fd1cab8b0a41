import { createHash } from 'node:crypto';
import { DEFAULT_META, type Article } from '../../../shared/article';
import type { Method } from '../../../shared/contract';
import { editorStateFromParagraphs } from '../../../shared/editor-state';
import type { Result } from '../../../shared/errors';
import { makeImage } from '../../integration/support/images';

/**
 * A valid input for every method, around one saved story, made through `call` (dispatch or HTTP).
 * The fuzz breaks these; tests also send them as they are where a valid request is needed.
 */
export async function validInputs(call: (method: Method, input: unknown) => Promise<Result<unknown>>): Promise<Record<Method, unknown>> {
  const created = await call('articles.create', { headline: '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진' });
  if (!created.ok) throw new Error(`articles.create: ${created.error.message}`);
  const id = (created.value as Article).id;
  const fields = {
    headline: '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진',
    deck: '미국 에너지부 산하 브룩헤이븐 국립연구소 방문',
    section: 'IT/과학',
    body: editorStateFromParagraphs(['(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.']),
    ...DEFAULT_META,
    bylines: [{ name: '홍길동', email: 'hong@example.com', title: '기자' }],
    tags: ['양자'],
  };
  const saved = await call('articles.save', { id, baseVersion: 1, fields });
  if (!saved.ok) throw new Error(`articles.save: ${saved.error.message}`);
  const profile = await call('profiles.create', { name: '박데스크', email: 'park@example.com', role: 'desk', sections: ['IT/과학'] });
  if (!profile.ok) throw new Error(`profiles.create: ${profile.error.message}`);
  const actorId = (profile.value as { id: string }).id;
  // A real JPEG: valid as it stands. Not imported here (over HTTP, `call` speaks JSON only), so the media
  // methods' valid ids name a photo the library does not hold.
  const jpeg = new Uint8Array(await makeImage('jpeg', { width: 48, height: 32, seed: 42 }));
  const mediaId = createHash('sha256').update(jpeg).digest('hex');
  return {
    'articles.create': { headline: '새 기사', section: '경제' },
    'articles.get': { id },
    'articles.list': { includeArchived: false, limit: 10, offset: 0 },
    'articles.save': { id, baseVersion: 2, fields },
    'articles.archive': { id, baseVersion: 2, archived: true },
    'outbox.save': { id, baseVersion: 2, fields },
    'outbox.status': {},
    'outbox.resolve': { articleId: id, keep: 'mine' },
    'articles.revisions': { id },
    'articles.revision': { id, version: 1 },
    'search.query': { text: '장관', sort: 'date', limit: 10 },
    'backup.list': {},
    'backup.create': {},
    'backup.restore': { name: 'byline-20260101-000000-000.sqlite3' },
    'settings.get': {},
    'settings.set': { identity: { name: '홍길동', email: 'hong@example.com' }, locale: 'ko', window: { width: 1280, height: 800, maximized: false } },
    'media.import': { fileName: '현장 사진.jpg', data: jpeg },
    'media.get': { id: mediaId },
    'media.search': { query: '장관', limit: 20, offset: 0 },
    'media.update': { id: mediaId, caption: '배경훈 장관이 양자컴퓨터를 살펴보고 있다', credit: '포탈뉴스통신', alt: '양자컴퓨터 앞의 장관' },
    'media.usage': { id: mediaId },
    'profiles.list': {},
    'profiles.create': { name: '김기자', email: 'kim@example.com', role: 'reporter', sections: ['IT/과학'] },
    'profiles.update': { id: actorId, name: '박데스크', email: 'park@example.com', role: 'desk', sections: ['IT/과학', '경제'] },
    'workflow.status': { id },
    'workflow.submit': { id, version: 2, priority: 1, note: '확인 바랍니다' },
    'workflow.startReview': { id },
    'workflow.approve': { id, version: 2, note: '' },
    'workflow.return': { id, reason: '리드에 방문 일자를 넣으세요' },
    'workflow.reopen': { id },
    'workflow.correct': { id, note: '장관 이름 오기' },
    'workflow.withdraw': { id, reason: '취재원 요청' },
    'workflow.takeLock': { id, note: '마감' },
    'workflow.setPriority': { id, priority: 2 },
    'workflow.queue': { section: 'IT/과학', coveredOnly: false, queue: 'desk', state: 'submitted', sort: 'priority', limit: 10, offset: 0 },
    'workflow.counts': { section: 'IT/과학', coveredOnly: true },
    'workflow.history': { id },
    'workflow.comments': { id },
    'workflow.comment': { id, version: 2, anchor: { field: 'headline', start: 0, end: 5, quote: '과기정통부' }, body: '정식 명칭으로' },
    'workflow.resolveComment': { commentId: 1 },
    'workflow.reply': { commentId: 1, body: '@김데스크 확인했습니다' },
    'workflow.reopenComment': { commentId: 1 },
    'import.document': { fileName: '보도자료.docx', data: jpeg },
    'import.get': { articleId: id },
    'duplicates.check': { articleId: id },
    'import.confirm': { articleId: id, fields: ['headline'] },
    'publish.targets': {},
    'publish.saveTarget': {
      kind: 'wordpress',
      name: '포탈뉴스 홈페이지',
      settings: { url: 'https://news.example.com', username: 'desk' },
      secret: 'abcd efgh ijkl mnop qrst uvwx',
    },
    'publish.testTarget': { targetId: 1 },
    'publish.checkTarget': { kind: 'html-bundle', name: '묶음', settings: { url: 'https://news.example.com', folder: 'web' } },
    'publish.run': { articleId: id, targetId: 1 },
    'publish.takedown': { articleId: id, targetId: 1 },
    'publish.log': { articleId: id },
    'publish.batch': { articleIds: [id], targetId: 1 },
    'publish.cancel': { batchId: '00000000-0000-4000-8000-000000000000' },
    'publish.batches': {},
    'storage.get': {},
    // Port 1 on loopback: refused at once, so a valid call sent by a test reaches no server and saves nothing.
    'newsroom.connection': {},
    'newsroom.inspect': { origin: 'https://127.0.0.1:1' },
    'newsroom.connect': { origin: 'https://127.0.0.1:1', fingerprint: 'AB'.repeat(32) },
    'newsroom.disconnect': {},
    // SQLite, so that a valid save sent by a test leaves the next start as it was.
    'storage.save': {
      engine: 'sqlite',
      postgres: { host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: 'desk_it', sslmode: 'require' },
    },
    'storage.test': { postgres: { host: '127.0.0.1', port: 1, database: 'byline', user: 'desk', schema: '', sslmode: 'disable' } },
    'accounts.list': {},
    'accounts.create': { login: 'kim', name: '김기자', title: '기자', email: 'kim@example.com', role: 'reporter', sections: ['IT/과학'], admin: false },
    'accounts.update': { id: actorId, title: '부장' },
    'accounts.setDisabled': { id: actorId, disabled: false },
    'accounts.resetPassword': { id: actorId, mode: 'temporary' },
    'workflow.recall': { id },
    'trash.discard': { id },
    'trash.restore': { id },
    'trash.list': { limit: 50, offset: 0 },
    'articles.copy': { id },
    'notifications.list': { unreadOnly: false, limit: 30 },
    'notifications.unreadCount': {},
    'notifications.read': { all: true },
    'spelling.words': {},
    'spelling.addWord': { word: '갬베타' },
    'spelling.removeWord': { word: '갬베타' },
    'spelling.vocabulary': {},
  };
}
