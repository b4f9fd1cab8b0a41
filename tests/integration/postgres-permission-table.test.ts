import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../electron/db/articles-repo';
import { DatabaseWorkflowStore } from '../../electron/db/workflow-repo';
import { ArticleService } from '../../electron/services/articles';
import { WorkflowService } from '../../electron/services/workflow';
import type { Article } from '../../shared/article';
import { contract, type Method } from '../../shared/contract';
import type { PublishProgress, PublishTarget } from '../../shared/contract-publish';
import type { ArticleWorkflow, ReviewComment } from '../../shared/contract-workflow';
import { holds, METHOD_PERMISSION, PERMISSIONS, type Permission } from '../../shared/permissions';
import type { ImportResult } from '../../shared/press-release';
import { FIELDS } from './support/dispatch-harness';
import { validInput } from './support/dispatch-valid-inputs';
import { makeDocx } from './support/documents';
import { addPerson, bearer, call, ok, openEvents, setUpChief, startNewsroom, type Answer, type Newsroom, type Person } from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * Who may call what on the newsroom server, as a table over every contract method (read from the
 * contract itself, so a new method cannot be left out) and every kind of person, asked of the real
 * server over HTTP. Then the finer rules the role cannot tell: another reporter's article, an article
 * outside a desk editor's sections.
 */

const SECTION = FIELDS.section;
const OTHER_SECTION = '스포츠';
const BYLINE = [{ name: '김기자', email: '', title: '기자' }];

/** 김기자's articles, one in each state a change below needs. */
type ArticleKey = 'draft' | 'imported' | 'submitted' | 'inReview' | 'returned' | 'approved' | 'published' | 'withdrawn';

/** 기자 / 다른 기자 / 데스크 / 다른 섹션 데스크 / 편집국장 / 관리자(기자에게 준 관리자 표시). */
const SIGNED_IN = ['reporter', 'other reporter', 'desk', 'other desk', 'chief', 'admin'] as const;
type SignedIn = (typeof SIGNED_IN)[number];
/** Plus 로그인 안 함, and 사용 중지된 계정 (disabled while signed in). */
type Persona = SignedIn | 'signed out' | 'disabled';
const PERSONAS: readonly Persona[] = ['signed out', ...SIGNED_IN, 'disabled'];

/**
 * Who holds each permission, written out rather than read from ROLE_PERMISSIONS, so that a change to
 * the role table has to be made here too. The method → permission half comes from METHOD_PERMISSION.
 */
const HOLDERS: Record<Permission, readonly SignedIn[]> = {
  read: SIGNED_IN,
  write: SIGNED_IN,
  move: SIGNED_IN,
  desk: ['desk', 'other desk', 'chief'],
  publish: ['desk', 'other desk', 'chief'],
  admin: ['chief', 'admin'],
};

type Outcome = 'passes the gate' | 'FORBIDDEN' | 'UNAUTHORIZED';

/** Every method of the contract × every persona. A method without a permission fails here, by name. */
function expectedTable(): Record<string, Record<Persona, Outcome>> {
  const table: Record<string, Record<Persona, Outcome>> = {};
  for (const method of Object.keys(contract)) {
    const permission = (METHOD_PERMISSION as Record<string, Permission | undefined>)[method];
    if (!permission) throw new Error(`${method} has no permission in shared/permissions.ts`);
    const row = {} as Record<Persona, Outcome>;
    for (const p of PERSONAS) {
      row[p] = p === 'signed out' || p === 'disabled' ? 'UNAUTHORIZED' : HOLDERS[permission].includes(p) ? 'passes the gate' : 'FORBIDDEN';
    }
    table[method] = row;
  }
  return table;
}

/** What an answer says about the gate: only FORBIDDEN and UNAUTHORIZED are the permission's doing. */
function outcomeOf(r: Answer): string {
  if (r.body.ok) return 'passes the gate';
  const code = r.body.error?.code;
  if (code === 'FORBIDDEN') return r.status === 403 ? 'FORBIDDEN' : `FORBIDDEN with HTTP ${r.status}`;
  if (code === 'UNAUTHORIZED') return r.status === 401 ? 'UNAUTHORIZED' : `UNAUTHORIZED with HTTP ${r.status}`;
  return 'passes the gate';
}

const NOBODY = '00000000-0000-4000-8000-0000000000aa';

/**
 * The dispatch tests' valid input, aimed at nothing that exists, so that the table changes no article,
 * comment or target. (No input names its caller: the session says who acts.)
 */
function tableInput(method: Method): object {
  const valid = validInput(method, NOBODY) as Record<string, unknown> | undefined;
  if (!valid) throw new Error(`${method} has no valid input in tests/integration/support/dispatch-valid-inputs.ts`);
  const input = { ...valid };
  for (const key of ['targetId', 'commentId'] as const) if (key in input) input[key] = 999_999;
  return input;
}

let room: Newsroom;
let chief: Person;
const people = {} as Record<SignedIn | 'disabled', Person>;
const headersOf = (p: Persona): Record<string, string> => (p === 'signed out' ? {} : bearer(people[p].token));

describe.skipIf(!PG_URL)(`the permission table on the newsroom server (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  beforeAll(async () => {
    const schema = schemaName();
    await openTestPg(schema);
    room = await startNewsroom(makeTempDir('byline-permissions-'), schema);
    chief = await setUpChief(room);
    people.chief = chief;
    const add = (login: string, name: string, role: 'reporter' | 'desk', sections: string[], admin = false) =>
      addPerson(room, chief.actor, { login, name, role, sections, admin });
    people.reporter = await add('kim', '김기자', 'reporter', [SECTION]);
    people['other reporter'] = await add('lee', '이기자', 'reporter', [SECTION]);
    people.desk = await add('park', '박데스크', 'desk', [SECTION]);
    people['other desk'] = await add('jung', '정데스크', 'desk', [OTHER_SECTION]);
    people.admin = await add('han', '한기자', 'reporter', [], true);
    people.disabled = await add('oh', '오기자', 'reporter', [SECTION]);
  }, 60_000);

  afterAll(async () => {
    await room?.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('the written-out holders agree with shared/permissions.ts for every persona', () => {
    for (const p of SIGNED_IN) {
      for (const permission of PERMISSIONS)
        expect([p, permission, holds(people[p].actor, permission)]).toEqual([p, permission, HOLDERS[permission].includes(p)]);
    }
  });

  it('every contract method × every persona: refused exactly as the permission table says, over HTTP', async () => {
    // The disabled persona's session works until the account is disabled, then ends at once.
    expect((await call(room.origin, 'articles.list', {}, headersOf('disabled'))).body.ok).toBe(true);
    await room.server.accounts.setDisabled(chief.actor, people.disabled.actor.id, true);

    const expected = expectedTable();
    // All at once: the inputs name nothing that exists, so no call can change another's answer.
    const rows = await Promise.all(
      (Object.keys(expected) as Method[]).map(async (method) => {
        const input = tableInput(method);
        const answers = await Promise.all(PERSONAS.map((p) => call(room.origin, method, input, headersOf(p))));
        expect(answers[PERSONAS.indexOf('disabled')]!.body.error?.message).toMatch(/사용이 중지된 계정/);
        return [method, Object.fromEntries(PERSONAS.map((p, i) => [p, outcomeOf(answers[i]!)]))] as const;
      }),
    );
    expect(Object.fromEntries(rows)).toEqual(expected);
  });

  describe('another reporter’s article, and an article outside a desk editor’s sections', () => {
    const ROW_LEVEL: readonly SignedIn[] = ['other reporter', 'other desk'];
    let target: PublishTarget;
    const articles = {} as Record<ArticleKey, Article>;
    let comment: ReviewComment;

    beforeAll(async () => {
      target = await ok<PublishTarget>(
        room.origin,
        'publish.saveTarget',
        { kind: 'html-bundle', name: '포털 묶음', settings: { url: 'https://news.example.com/', folder: 'portal' } },
        headersOf('chief'),
      );
      const draft = async (headline: string) => {
        const created = await ok<Article>(room.origin, 'articles.create', { headline }, headersOf('reporter'));
        return ok<Article>(
          room.origin,
          'articles.save',
          { id: created.id, baseVersion: created.version, fields: { ...FIELDS, headline, bylines: BYLINE } },
          headersOf('reporter'),
        );
      };
      const move = async (by: SignedIn, method: string, input: object) => (await ok<{ article: Article }>(room.origin, method, input, headersOf(by))).article;
      const submitted = async (headline: string) => {
        const a = await draft(headline);
        return move('reporter', 'workflow.submit', { id: a.id, version: a.version });
      };
      const inReview = async (headline: string) => move('desk', 'workflow.startReview', { id: (await submitted(headline)).id });
      const approved = async (headline: string) => {
        const a = await inReview(headline);
        return move('desk', 'workflow.approve', { id: a.id, version: a.version });
      };
      // What the publishing service records once WordPress or Ghost has taken an article (an HTML bundle
      // leaves the state alone, and a CMS peer costs minutes): the server's own workflow, on its database.
      const workflow = new WorkflowService({
        store: new DatabaseWorkflowStore(room.backend.db),
        articles: new ArticleService({ repo: new ArticleRepository(room.backend.db) }),
      });
      const published = async (headline: string) => {
        const a = await approved(headline);
        return (await workflow.recordPublication({ id: a.id, actorId: people.desk.actor.id, note: '홈페이지: https://news.example.com/1' })).article;
      };
      articles.draft = await draft('작성 중인 기사');
      articles.submitted = await submitted('송고한 기사');
      articles.inReview = await inReview('검토 중인 기사');
      articles.returned = await move('desk', 'workflow.return', { id: (await inReview('반려된 기사')).id, reason: '리드를 고치세요' });
      articles.approved = await approved('승인된 기사');
      articles.published = await published('출고된 기사');
      articles.withdrawn = await move('chief', 'workflow.withdraw', { id: (await published('철회된 기사')).id, reason: '오보' });
      const imported = await call(room.origin, 'import.document', { fileName: '보도자료.docx', data: new Uint8Array(await makeDocx()) }, headersOf('reporter'));
      expect(imported.body.ok, JSON.stringify(imported.body.error)).toBe(true);
      articles.imported = (imported.body.value as ImportResult).article;
      comment = await ok<ReviewComment>(
        room.origin,
        'workflow.comment',
        { id: articles.inReview.id, version: articles.inReview.version, body: '출처를 밝히세요' },
        headersOf('desk'),
      );
    }, 60_000);

    /**
     * Every call that changes an article, aimed at 김기자's article (section ${SECTION}) in a state where
     * its reporter or its section's desk could make it. Each must be FORBIDDEN to 이기자 (another
     * reporter) and to 정데스크 (a desk editor of ${OTHER_SECTION}) — by the permission table or by the
     * workflow's owner and section rules, whichever comes first.
     */
    const CHANGES: ReadonlyArray<[Method, ArticleKey, (a: Article) => object]> = [
      ['articles.save', 'draft', (a) => ({ id: a.id, baseVersion: a.version, fields: { ...FIELDS, headline: '남의 기사를 고침', bylines: BYLINE } })],
      ['articles.archive', 'draft', (a) => ({ id: a.id, baseVersion: a.version })],
      ['outbox.save', 'draft', (a) => ({ id: a.id, baseVersion: a.version, fields: { ...FIELDS, headline: '남의 기사를 고침', bylines: BYLINE } })],
      ['workflow.submit', 'draft', (a) => ({ id: a.id, version: a.version })],
      ['workflow.comment', 'draft', (a) => ({ id: a.id, version: a.version, body: '남의 기사에 의견' })],
      ['workflow.setPriority', 'draft', (a) => ({ id: a.id, priority: 2 })],
      ['import.confirm', 'imported', (a) => ({ articleId: a.id, fields: ['headline'] })],
      ['workflow.startReview', 'submitted', (a) => ({ id: a.id })],
      ['workflow.setPriority', 'submitted', (a) => ({ id: a.id, priority: 2 })],
      ['workflow.return', 'submitted', (a) => ({ id: a.id, reason: '다른 섹션에서 반려' })],
      ['workflow.approve', 'inReview', (a) => ({ id: a.id, version: a.version })],
      ['workflow.return', 'inReview', (a) => ({ id: a.id, reason: '다른 섹션에서 반려' })],
      ['workflow.takeLock', 'inReview', (a) => ({ id: a.id })],
      ['workflow.comment', 'inReview', (a) => ({ id: a.id, version: a.version, body: '남의 기사에 의견' })],
      ['workflow.resolveComment', 'inReview', () => ({ commentId: comment.id })],
      ['articles.save', 'returned', (a) => ({ id: a.id, baseVersion: a.version, fields: { ...FIELDS, headline: '남의 기사를 고침', bylines: BYLINE } })],
      ['workflow.reopen', 'returned', (a) => ({ id: a.id })],
      ['workflow.return', 'approved', (a) => ({ id: a.id, reason: '다른 섹션에서 반려' })],
      ['publish.run', 'approved', (a) => ({ articleId: a.id, targetId: target.id })],
      ['workflow.correct', 'published', (a) => ({ id: a.id, note: '다른 섹션에서 정정' })],
      ['workflow.withdraw', 'published', (a) => ({ id: a.id, reason: '다른 섹션에서 철회' })],
      ['publish.run', 'published', (a) => ({ articleId: a.id, targetId: target.id })],
      ['publish.takedown', 'withdrawn', (a) => ({ articleId: a.id, targetId: target.id })],
    ];

    /** Reading an article is every signed-in person's. */
    const READS: ReadonlyArray<[Method, (a: Article) => object]> = [
      ['articles.get', (a) => ({ id: a.id })],
      ['articles.revisions', (a) => ({ id: a.id })],
      ['articles.revision', (a) => ({ id: a.id, version: 1 })],
      ['workflow.status', (a) => ({ id: a.id })],
      ['workflow.history', (a) => ({ id: a.id })],
      ['workflow.comments', (a) => ({ id: a.id })],
      ['publish.log', (a) => ({ articleId: a.id })],
    ];

    /** What a change would leave behind: the article's state, version, lock, priority, history, comments, publications, confirmations. */
    async function trace(a: Article): Promise<unknown> {
      const chiefCall = <T>(method: string, input: object) => ok<T>(room.origin, method, input, headersOf('chief'));
      const status = await chiefCall<ArticleWorkflow>('workflow.status', { id: a.id });
      return {
        state: status.state,
        version: status.version,
        lock: status.lock?.holder.name ?? null,
        priority: status.priority,
        archived: (await chiefCall<Article>('articles.get', { id: a.id })).archivedAt,
        history: (await chiefCall<unknown[]>('workflow.history', { id: a.id })).length,
        comments: await chiefCall<ReviewComment[]>('workflow.comments', { id: a.id }),
        publications: (await chiefCall<unknown[]>('publish.log', { articleId: a.id })).length,
        confirmed: (await chiefCall<{ confirmed: string[] } | null>('import.get', { articleId: a.id }))?.confirmed ?? null,
      };
    }

    it('every call that changes the article is FORBIDDEN, and changes nothing', async () => {
      const before = await Promise.all(Object.values(articles).map(trace));
      const actual: string[] = [];
      for (const [method, key, input] of CHANGES) {
        for (const p of ROW_LEVEL) {
          const r = await call(room.origin, method, input(articles[key]), headersOf(p));
          const outcome = r.body.ok
            ? 'done'
            : r.status === 403 && r.body.error?.code === 'FORBIDDEN'
              ? 'FORBIDDEN'
              : `${r.body.error?.code} (HTTP ${r.status})`;
          actual.push(`${p} ${method} on the ${key} article: ${outcome}`);
        }
      }
      const expected = CHANGES.flatMap(([method, key]) => ROW_LEVEL.map((p) => `${p} ${method} on the ${key} article: FORBIDDEN`));
      expect(actual).toEqual(expected);
      expect(await Promise.all(Object.values(articles).map(trace))).toEqual(before);
    });

    it('a batch from a desk editor of another section publishes none of the articles, each refused for want of the right', async () => {
      const progress = await openEvents(room.origin, headersOf('chief'));
      try {
        const started = await ok<PublishProgress>(
          room.origin,
          'publish.batch',
          { articleIds: [articles.approved.id], targetId: target.id },
          headersOf('other desk'),
        );
        const done = await progress.next(
          (e) => e.name === 'publish.progress' && (e.data as PublishProgress).batchId === started.batchId && (e.data as PublishProgress).state === 'finished',
        );
        expect(done.data).toMatchObject({
          total: 1,
          succeeded: 0,
          failed: 1,
          last: { articleId: articles.approved.id, attempt: null, error: expect.stringMatching(/권한이 없습니다/) },
        });
      } finally {
        progress.close();
      }
      // Nothing was sent anywhere: no attempt in the article's publish log.
      expect(await ok<unknown[]>(room.origin, 'publish.log', { articleId: articles.approved.id }, headersOf('chief'))).toEqual([]);
    });

    it('reading the article is allowed to both', async () => {
      for (const key of Object.keys(articles) as ArticleKey[]) {
        for (const [method, input] of READS) {
          for (const p of ROW_LEVEL) {
            const r = await call(room.origin, method, input(articles[key]), headersOf(p));
            expect([p, method, key, r.body.ok, r.body.error?.message]).toEqual([p, method, key, true, undefined]);
          }
        }
      }
    });

    it('the same calls are open to the article’s own reporter and its section’s desk (the refusals above are about who, not what)', async () => {
      const save = await call(room.origin, 'articles.save', CHANGES[0]![2](articles.draft), headersOf('reporter'));
      expect(save.body.ok, JSON.stringify(save.body.error)).toBe(true);
      const approve = await call(room.origin, 'workflow.approve', { id: articles.inReview.id, version: articles.inReview.version }, headersOf('desk'));
      expect(approve.body.ok, JSON.stringify(approve.body.error)).toBe(true);
      const resolve = await call(room.origin, 'workflow.resolveComment', { commentId: comment.id }, headersOf('reporter'));
      expect(resolve.body.ok, JSON.stringify(resolve.body.error)).toBe(true);
      const confirm = await call(room.origin, 'import.confirm', { articleId: articles.imported.id, fields: ['headline'] }, headersOf('reporter'));
      expect(confirm.body.ok, JSON.stringify(confirm.body.error)).toBe(true);
      expect((confirm.body.value as { confirmed: string[] }).confirmed).toEqual(['headline']);
    });
  });
});
