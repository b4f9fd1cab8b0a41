import type { CallContext } from '../../shared/call-context';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { DEFAULT_META, type Article } from '../../shared/article';
import type { Method } from '../../shared/contract';
import type { QueueCounts, ArticleWorkflow, WorkflowEvent } from '../../shared/contract-workflow';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import type { Profile } from '../../shared/profiles';
import { startTestBackend } from './support/backend';
import { logicalDump, makeTempDir, removeTempDirs } from './support/temp';

/**
 * The workflow through the contract, on the backend exactly as web mode and Electron start it: the
 * services wired by electron/host/bootstrap.ts, inputs validated by the contract, errors as codes.
 */

let backend: Backend;

async function call<T>(method: Method, input: unknown, context?: CallContext): Promise<Result<T>> {
  return (await backend.dispatch(method, input, context)) as Result<T>;
}
async function ok<T>(method: Method, input: unknown, context?: CallContext): Promise<T> {
  const r = await call<T>(method, input, context);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const FIELDS = {
  headline: '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진',
  deck: '',
  section: 'IT/과학',
  body: editorStateFromParagraphs(['과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.']),
  ...DEFAULT_META,
  bylines: [{ name: '김기자', email: '', title: '기자' }],
};

beforeEach(async () => {
  ({ backend } = await startTestBackend(makeTempDir('byline-workflow-dispatch-')));
});

afterEach(async () => {
  await backend.close();
  removeTempDirs();
});

describe('workflow over the contract', () => {
  it('a reporter files, the desk returns, the reporter fixes and refiles, the desk approves', async () => {
    const reporter = await ok<Profile>('profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' });
    const desk = await ok<Profile>('profiles.create', { name: '박데스크', email: '', role: 'desk', sections: ['IT/과학'] });
    const created = await ok<Article>('articles.create', {}, { actorId: reporter.id });
    expect(created.bylines[0]).toMatchObject({ name: '김기자', email: 'kim@example.com' });
    const saved = await ok<Article>('articles.save', { id: created.id, baseVersion: 1, fields: FIELDS }, { actorId: reporter.id });

    const missing = await call('workflow.submit', { id: created.id, version: 1 }, { actorId: reporter.id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok('workflow.submit', { id: created.id, version: saved.version }, { actorId: reporter.id });

    const counts = await ok<QueueCounts>('workflow.counts', { coveredOnly: true }, { actorId: desk.id });
    expect(counts).toEqual({ desk: 1, approved: 0, published: 0, mine: 0 });
    await ok('workflow.startReview', { id: created.id }, { actorId: desk.id });

    // The reporter's editor, saving on its own, is refused while the desk holds the story.
    const refused = await call(
      'articles.save',
      { id: created.id, baseVersion: saved.version, fields: { ...FIELDS, deck: '기자 고침' } },
      { actorId: reporter.id },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { lockHolderName: '박데스크' } } });
    const anonymous = await call('articles.save', { id: created.id, baseVersion: saved.version, fields: FIELDS });
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const noReason = await call('workflow.return', { id: created.id, reason: '' }, { actorId: desk.id });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok('workflow.return', { id: created.id, reason: '리드에 방문 일자를 넣으세요.' }, { actorId: desk.id });
    const status = await ok<ArticleWorkflow>('workflow.status', { id: created.id }, { actorId: reporter.id });
    expect(status).toMatchObject({ state: 'returned', editable: true, returned: { reason: '리드에 방문 일자를 넣으세요.' } });

    const fixed = await ok<Article>(
      'articles.save',
      {
        id: created.id,
        baseVersion: saved.version,
        fields: { ...FIELDS, deck: '3일 방문' },
      },
      { actorId: reporter.id },
    );
    expect(fixed.state).toBe('draft');
    await ok('workflow.submit', { id: created.id, version: fixed.version }, { actorId: reporter.id });
    await ok('workflow.startReview', { id: created.id }, { actorId: desk.id });
    const approved = await ok<{ article: Article }>('workflow.approve', { id: created.id, version: fixed.version }, { actorId: desk.id });
    expect(approved.article.state).toBe('approved');

    const history = await ok<WorkflowEvent[]>('workflow.history', { id: created.id });
    expect(history.map((e) => e.action)).toEqual(['submit', 'start_review', 'return', 'reopen', 'submit', 'start_review', 'approve']);
  });

  it('refuses an unknown profile with FORBIDDEN and writes nothing', async () => {
    const created = await ok<Article>('articles.create', {});
    const before = await logicalDump(backend.db);
    const ghost = '7d3c1b2a-0f4e-4d5c-9b8a-6e5f4d3c2b1a';
    for (const [method, input] of [
      ['workflow.submit', { id: created.id, version: 1 }],
      ['workflow.startReview', { id: created.id }],
      ['articles.save', { id: created.id, baseVersion: 1, fields: FIELDS }],
      ['articles.create', {}],
    ] as const) {
      expect([method, await call(method, input, { actorId: ghost })]).toMatchObject([method, { ok: false, error: { code: 'FORBIDDEN' } }]);
    }
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
  });

  const ACTOR = '5c2e8a4f-1b3d-4e6f-9a0b-7c8d9e0f1a2b';

  it('refuses an actor inside the input, a malformed caller and no caller for a move, writing nothing', async () => {
    const created = await ok<Article>('articles.create', {});
    const before = await logicalDump(backend.db);
    const cases: Array<[Method, unknown, unknown]> = [
      ['workflow.submit', { id: created.id, version: 1, actorId: ACTOR }, undefined],
      ['articles.create', { actorId: ACTOR }, undefined],
      ['workflow.submit', { id: created.id, version: 1 }, { actorId: '최국장' }],
      ['workflow.submit', { id: created.id, version: 1 }, { actorId: ACTOR, role: 'chief' }],
      ['workflow.submit', { id: created.id, version: 1 }, 'chief'],
      ['workflow.submit', { id: created.id, version: 1 }, undefined],
      ['publish.run', { articleId: created.id, targetId: 1 }, {}],
    ];
    for (const [method, input, context] of cases) {
      const result = await backend.dispatch(method, input, context as never);
      expect([method, context, result]).toMatchObject([method, context, { ok: false, error: { code: 'VALIDATION' } }]);
      expect((result as { error: { message: string } }).error.message).toMatch(/[가-힣]/);
    }
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
  });

  it('keeps drafting without a profile working as before', async () => {
    const created = await ok<Article>('articles.create', { headline: '프로필 없이' });
    const saved = await ok<Article>('articles.save', { id: created.id, baseVersion: 1, fields: FIELDS });
    expect(saved.version).toBe(2);
    expect((await ok<Article>('articles.archive', { id: created.id, baseVersion: 2 })).archivedAt).not.toBeNull();
  });
});
