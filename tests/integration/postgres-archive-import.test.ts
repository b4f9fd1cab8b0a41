import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgDatabase } from '../../electron/db/postgres/pg-database';
import { rebuildSearchIndexIfNeeded } from '../../electron/db/search/article-index';
import type { Backend } from '../../electron/host/bootstrap';
import { Accounts } from '../../electron/server/accounts';
import { runImportCommand } from '../../electron/server/import-command';
import { SessionStore } from '../../electron/server/sessions';
import { DEFAULT_META, type Article } from '../../shared/article';
import type { Method } from '../../shared/contract';
import type { WorkflowEvent } from '../../shared/contract-workflow';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import type { MediaItem } from '../../shared/media';
import type { Profile } from '../../shared/profiles';
import { startTestBackend } from './support/backend';
import { makeImage } from './support/images';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { logicalDump, makeTempDir, removeTempDirs } from './support/temp';

/**
 * `npm run server -- import`: a single workstation's archive, made here by the real backend on SQLite (a
 * photo, a story with several versions returned once and then approved, a story of another reporter),
 * moved by the command into the real PostgreSQL peer, then read back through the newsroom's own backend.
 */

const COST = { N: 2 ** 10, r: 8, p: 1 };

async function ok<T>(backend: Backend, method: Method, input: unknown, actorId?: string): Promise<T> {
  const r = (await backend.dispatch(method, input, actorId ? { actorId } : undefined)) as Result<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const fields = (headline: string, paragraphs: string[], extra: Partial<Article> = {}) => ({
  ...DEFAULT_META,
  headline,
  deck: '',
  section: 'IT/과학',
  body: editorStateFromParagraphs(paragraphs),
  bylines: [{ name: '김기자', email: 'kim@newsroom.kr', title: '기자' }],
  tags: ['양자', '한미협력'],
  ...extra,
});

interface Archive {
  dir: string;
  approved: string;
  draft: string;
  photo: MediaItem;
  photoBytes: Buffer;
  strangerStory?: string;
}

/** A workstation's data folder, with a backup of it (photos in the backups' pool) made at the end. */
async function makeArchive(options: { stranger?: boolean } = {}): Promise<Archive> {
  const dir = makeTempDir('byline-archive-');
  const { backend } = await startTestBackend(dir, { engine: 'sqlite' });
  try {
    // The e-mail's case differs from the account's: the match ignores it.
    const kim = await ok<Profile>(backend, 'profiles.create', { name: '김기자', email: 'KIM@newsroom.kr', role: 'reporter' });
    const park = await ok<Profile>(backend, 'profiles.create', { name: '박데스크', email: 'park@newsroom.kr', role: 'desk', sections: ['IT/과학'] });
    const photoBytes = await makeImage('jpeg', { width: 640, height: 480, seed: 7 });
    const { item: photo } = await ok<{ item: MediaItem }>(backend, 'media.import', { fileName: '브룩헤이븐.jpg', data: new Uint8Array(photoBytes) });
    const lead = { mediaId: photo.id, caption: '브룩헤이븐 국립연구소', credit: '포탈뉴스통신', alt: '' };

    const a = await ok<Article>(backend, 'articles.create', {}, kim.id);
    let v = await ok<Article>(
      backend,
      'articles.save',
      { id: a.id, baseVersion: 1, fields: fields('배경훈 장관, 양자기술 협력', ['첫 리드.'], { leadPhoto: lead }) },
      kim.id,
    );
    v = await ok<Article>(
      backend,
      'articles.save',
      { id: a.id, baseVersion: v.version, fields: fields('배경훈 장관, 한미 양자기술 협력', ['고친 리드.'], { leadPhoto: lead }) },
      kim.id,
    );
    await ok(backend, 'workflow.submit', { id: a.id, version: v.version }, kim.id);
    await ok(backend, 'workflow.startReview', { id: a.id }, park.id);
    await ok(backend, 'workflow.comment', { id: a.id, version: v.version, body: '방문 일자가 빠졌습니다.' }, park.id);
    await ok(backend, 'workflow.return', { id: a.id, reason: '리드에 방문 일자를 넣으세요.' }, park.id);
    v = await ok<Article>(
      backend,
      'articles.save',
      { id: a.id, baseVersion: v.version, fields: fields('배경훈 장관, 한미 양자기술 협력 가속화', ['3일 방문한 리드.'], { leadPhoto: lead }) },
      kim.id,
    );
    await ok(backend, 'workflow.submit', { id: a.id, version: v.version }, kim.id);
    await ok(backend, 'workflow.startReview', { id: a.id }, park.id);
    await ok(backend, 'workflow.approve', { id: a.id, version: v.version }, park.id);

    const b = await ok<Article>(backend, 'articles.create', {}, kim.id);
    await ok(backend, 'articles.save', { id: b.id, baseVersion: 1, fields: fields('양자암호 통신망 시범 사업', ['시범 사업을 시작한다.']) }, kim.id);

    let strangerStory: string | undefined;
    if (options.stranger) {
      const lee = await ok<Profile>(backend, 'profiles.create', { name: '이프리랜서', email: 'lee@freelance.example', role: 'reporter' });
      strangerStory = (await ok<Article>(backend, 'articles.create', {}, lee.id)).id;
    }
    await ok(backend, 'backup.create', {});
    return { dir, approved: a.id, draft: b.id, photo, photoBytes, strangerStory };
  } finally {
    await backend.close();
  }
}

let schema: string;
let newsroom: PgDatabase;
let ids: { chief: string; kim: string; park: string };
const opened: Backend[] = [];

async function run(args: string[], env: NodeJS.ProcessEnv = { BYLINE_DATABASE_URL: PG_URL, BYLINE_DATABASE_SCHEMA: schema }) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runImportCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** One table's rows, hashed: the same before and after means the run changed none of them. */
const digest = async (table: string) =>
  (await newsroom.get<{ h: string }>(`SELECT md5(coalesce(string_agg(row_to_json(t)::text, '' ORDER BY row_to_json(t)::text), '')) AS h FROM ${table} t`))!.h;

/** The command as `npm run server -- import` runs it (tsx, without the renderer build it does not need). */
function runProcess(args: string[]): Promise<{ status: number; out: string; err: string }> {
  const cli = path.resolve(import.meta.dirname, '../../electron/server/cli.ts');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, 'import', ...args],
      { env: { ...process.env, BYLINE_DATABASE_URL: PG_URL, BYLINE_DATABASE_SCHEMA: schema }, timeout: 120_000 },
      (error, out, err) => resolve({ status: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

const countOf = async (table: string) => Number((await newsroom.get<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))!.n);

describe.skipIf(!PG_URL)(`moving a workstation's archive into the newsroom (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  beforeEach(async () => {
    schema = schemaName();
    newsroom = await openTestPg(schema, { migrated: true });
    // As the newsroom is once its server has started: its search indexes' state recorded.
    await rebuildSearchIndexIfNeeded(newsroom);
    const accounts = new Accounts({ db: newsroom, sessions: new SessionStore(newsroom), cost: COST });
    const link = (await accounts.makeSetupLink())!;
    const chief = await accounts.completeSetup(link.token, { login: 'chief', name: '최국장', password: '편집국장의 비밀번호' });
    const boss = { id: chief, role: 'chief', admin: true } as Parameters<Accounts['create']>[0];
    const person = (login: string, name: string, email: string, role: 'reporter' | 'desk') =>
      accounts.create(boss, { login, name, title: '', email, role, sections: role === 'desk' ? ['IT/과학'] : [], admin: false });
    await person('kim', '김기자', 'kim@newsroom.kr', 'reporter');
    await person('park', '박데스크', 'park@newsroom.kr', 'desk');
    const byLogin = async (login: string) => (await newsroom.get<{ id: string }>('SELECT id FROM profiles WHERE login = ?', [login]))!.id;
    ids = { chief, kim: await byLogin('kim'), park: await byLogin('park') };
  });

  afterEach(async () => {
    for (const b of opened.splice(0)) await b.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('brings stories with every version, their history, comments and photo, searchable; a second run adds nothing', async () => {
    const archive = await makeArchive();
    const backups = path.join(archive.dir, 'backups');
    const backupFile = path.join(
      backups,
      readdirSync(backups).find((n) => n.endsWith('.sqlite3'))!,
    );

    // From the backup first: its photos come from the backups' pool.
    const first = await run([backupFile]);
    expect(first.status, first.err).toBe(0);
    expect(first.out).toContain('기사: 새로 2건, 이미 있음 0건');
    expect(first.out).toContain('사진: 새로 1장, 이미 있음 0장, 원본 없음 0장');
    expect(first.err).toMatch(/사람 2명 \(이메일 2/);
    expect(first.err).toContain('[가져오기] 사진 1/1 「브룩헤이븐.jpg」 끝');
    expect(first.err).toMatch(/\[가져오기\] 기사 2\/2 「.+」 끝/);
    expect(await newsroom.get("SELECT subject, details_json::json->>'storiesAdded' AS added FROM audit_log WHERE action = 'archive_imported'")).toEqual({
      subject: backupFile,
      added: '2',
    });

    const local = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(path.join(archive.dir, 'byline.sqlite3'), sqlite3.OPEN_READONLY, (e) => (e ? reject(e) : resolve(db)));
    });
    const localAll = <T>(sql: string, params: unknown[] = []) =>
      new Promise<T[]>((resolve, reject) => local.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows as T[]))));
    try {
      const revisions = 'SELECT version, headline, meta_json, body_json, saved_at FROM revisions WHERE article_id = ? ORDER BY version';
      expect(await newsroom.all(revisions, [archive.approved])).toEqual(await localAll(revisions, [archive.approved]));
      expect((await newsroom.all(revisions, [archive.approved])).length).toBeGreaterThanOrEqual(4);
      const events = 'SELECT action, from_state, to_state, actor_name, at, note, version FROM workflow_events WHERE article_id = ? ORDER BY id';
      expect(await newsroom.all(events, [archive.approved])).toEqual(await localAll(events, [archive.approved]));
      const article = 'SELECT state, headline, tags_json, bylines_json, lead_photo_json, body_json, created_at, updated_at FROM articles WHERE id = ?';
      expect(await newsroom.get(article, [archive.approved])).toEqual((await localAll(article, [archive.approved]))[0]);
    } finally {
      local.close();
    }
    // The people in the history are the newsroom's accounts now.
    expect(await newsroom.all('SELECT DISTINCT actor_id FROM workflow_events ORDER BY actor_id')).toEqual(
      [ids.kim, ids.park].sort().map((actor_id) => ({ actor_id })),
    );
    expect(await newsroom.all('SELECT owner_id FROM article_workflow ORDER BY owner_id')).toEqual([{ owner_id: ids.kim }, { owner_id: ids.kim }]);
    expect(await newsroom.get('SELECT author_id, body FROM review_comments')).toEqual({ author_id: ids.park, body: '방문 일자가 빠졌습니다.' });
    const blob = (await newsroom.get<{ data: Buffer }>('SELECT data FROM media_blobs WHERE media_id = ?', [archive.photo.id]))!;
    expect(Buffer.compare(blob.data, archive.photoBytes)).toBe(0);
    expect(createHash('sha256').update(blob.data).digest('hex')).toBe(archive.photo.id);

    // The newsroom's own backend finds, shows and serves what came in.
    const { backend } = await startTestBackend(makeTempDir('byline-newsroom-'), { engine: 'postgres', url: PG_URL!, schema });
    opened.push(backend);
    const found = await ok<{ items: Array<{ id: string }> }>(backend, 'search.query', { text: '양자암호' });
    expect(found.items.map((i) => i.id)).toEqual([archive.draft]);
    const mine = await ok<{ items: Array<{ id: string }> }>(backend, 'search.query', { text: '양자', ownerId: ids.kim, sort: 'date' });
    expect(mine.items.map((i) => i.id).sort()).toEqual([archive.approved, archive.draft].sort());
    const history = await ok<WorkflowEvent[]>(backend, 'workflow.history', { id: archive.approved });
    expect(history.map((e) => e.action)).toEqual(['submit', 'start_review', 'return', 'reopen', 'submit', 'start_review', 'approve']);
    expect(history.at(-1)!.actor).toMatchObject({ id: ids.park, name: '박데스크' });
    expect(await backend.materialise!(archive.photo.id)).toMatchObject({ id: archive.photo.id, caption: archive.photo.caption });
    const photos = await ok<{ items: Array<{ id: string }> }>(backend, 'media.search', { query: '브룩헤이븐', limit: 10, offset: 0 });
    expect(photos.items.map((i) => i.id)).toEqual([archive.photo.id]);

    // Again, now from the data folder itself and as its own process: the same stories and photo, nothing added.
    const before = await logicalDump(newsroom);
    const digests = new Map<string, string>();
    for (const table of ['articles', 'revisions', 'workflow_events', 'review_comments', 'media', 'media_blobs', 'article_search']) {
      digests.set(table, await digest(table));
    }
    const second = await runProcess([archive.dir]);
    expect(second.status, second.err).toBe(0);
    expect(second.out).toContain('기사: 새로 0건, 이미 있음 2건');
    expect(second.out).toContain('사진: 새로 0장, 이미 있음 1장');
    // Every table as it was, but for the audit log's line for this run.
    const after = await logicalDump(newsroom);
    expect(after.rows).toEqual({ ...before.rows, audit_log: before.rows.audit_log! + 1 });
    for (const table of ['articles', 'revisions', 'workflow_events', 'review_comments', 'media', 'media_blobs', 'article_search']) {
      expect([table, await digest(table)]).toEqual([table, digests.get(table)]);
    }
  });

  it('stops before writing anything when a person of the archive has no account, and goes on once told where they go', async () => {
    const archive = await makeArchive({ stranger: true });
    const before = await logicalDump(newsroom);
    const refused = await run([archive.dir]);
    expect(refused.status).toBe(2);
    expect(refused.err).toContain('뉴스룸 계정을 찾지 못한 프로필이 1명 있어 아무것도 가져오지 않았습니다');
    expect(refused.err).toContain('이프리랜서');
    expect(refused.err).toContain('lee@freelance.example');
    const after = await logicalDump(newsroom);
    expect(after.rows).toEqual(before.rows);
    expect(after.hash).toBe(before.hash);

    const typo = await run([archive.dir, '--default-owner', 'nobody']);
    expect([typo.status, typo.err]).toEqual([2, expect.stringContaining("로그인 'nobody'의 계정이 뉴스룸에 없습니다")]);
    const badFlag = await run([archive.dir, '--map', 'no-equals-sign']);
    expect([badFlag.status, badFlag.err]).toEqual([2, expect.stringContaining('--map은 <프로필 id>=<로그인> 꼴')]);
    expect((await logicalDump(newsroom)).hash).toBe(before.hash);

    const strangerId = refused.err.match(/^\s+(\S+)\s+이프리랜서/m)![1]!;
    const mapped = await run([archive.dir, '--map', `${strangerId}=chief`]);
    expect(mapped.status, mapped.err).toBe(0);
    expect(mapped.out).toContain('기사: 새로 3건');
    expect(await newsroom.get('SELECT owner_id FROM article_workflow WHERE article_id = ?', [archive.strangerStory!])).toEqual({ owner_id: ids.chief });
  });

  it('refuses in Korean, writing nothing, what is not a Byline archive or a newsroom it cannot reach', async () => {
    const empty = makeTempDir('byline-not-archive-');
    const corrupt = makeTempDir('byline-corrupt-');
    writeFileSync(path.join(corrupt, 'byline.sqlite3'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)]));
    const foreign = path.join(makeTempDir('byline-foreign-'), 'byline-20261207-090000-000.sqlite3');
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(foreign, (e) => {
        if (e) return reject(e);
        db.exec('CREATE TABLE articles (id TEXT); INSERT INTO articles VALUES (1);', (x) => db.close(() => (x ? reject(x) : resolve())));
      });
    });
    // A real archive with a trigger slipped in: the restore's rules refuse its schema, never run it.
    const archive = await makeArchive();
    const tampered = makeTempDir('byline-tampered-');
    writeFileSync(path.join(tampered, 'byline.sqlite3'), readFileSync(path.join(archive.dir, 'byline.sqlite3')));
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(path.join(tampered, 'byline.sqlite3'), (e) => {
        if (e) return reject(e);
        db.exec("UPDATE schema_migrations SET name = 'evil' WHERE version = 1", (x) => db.close(() => (x ? reject(x) : resolve())));
      });
    });
    const before = await logicalDump(newsroom);
    const cases: Array<[string[], NodeJS.ProcessEnv | undefined, RegExp]> = [
      [[path.join(empty, 'missing')], undefined, /가져올 폴더나 백업 파일이 없습니다/],
      [[empty], undefined, /바이라인 데이터 폴더가 아닙니다: .*byline\.sqlite3 파일이 없습니다/],
      [[corrupt], undefined, /손상되었거나 바이라인 백업이 아닙니다/],
      [[foreign], undefined, /바이라인 백업이 아니어서.*마이그레이션 기록이 없습니다/],
      [[tampered], undefined, /마이그레이션 기록이 바이라인의 것과 다릅니다/],
      [[], undefined, /사용법: npm run server -- import/],
      [[archive.dir, '--owner', 'kim'], undefined, /사용법/],
      [[archive.dir], {}, /BYLINE_DATABASE_URL에 postgres:\/\/ 주소를 주세요/],
      [[archive.dir], { BYLINE_DATABASE_URL: 'postgres://byline@127.0.0.1:1/byline' }, /연결하지 못해.*아무것도 가져오지 않았습니다/],
    ];
    for (const [args, env, message] of cases) {
      const result = await run(args, env);
      expect([args, result.status, result.err]).toEqual([args, 2, expect.stringMatching(message)]);
    }
    expect((await logicalDump(newsroom)).hash).toBe(before.hash);
  });

  it("takes a running workstation's newest saves, still in its write-ahead log, and leaves its files as they were", async () => {
    const dir = makeTempDir('byline-live-');
    const { backend } = await startTestBackend(dir, { engine: 'sqlite' });
    opened.push(backend);
    const kim = await ok<Profile>(backend, 'profiles.create', { name: '김기자', email: 'kim@newsroom.kr', role: 'reporter' });
    const a = await ok<Article>(backend, 'articles.create', {}, kim.id);
    await ok(backend, 'articles.save', { id: a.id, baseVersion: 1, fields: fields('아직 열려 있는 기사', ['방금 저장한 문장.']) }, kim.id);
    const files = () =>
      readdirSync(dir)
        .filter((n) => n.startsWith('byline.sqlite3'))
        .map((n) => [n, readFileSync(path.join(dir, n))] as const);
    const before = files();
    expect(before.map(([n]) => n)).toContain('byline.sqlite3-wal');

    const result = await run([dir]);
    expect(result.status, result.err).toBe(0);
    expect(await newsroom.get('SELECT headline, version FROM articles WHERE id = ?', [a.id])).toEqual({ headline: '아직 열려 있는 기사', version: 2 });
    expect(files()).toEqual(before);
  });

  it('leaves out a photo whose original is gone or is not the file its id names, and says which', async () => {
    const archive = await makeArchive();
    const original = path.join(archive.dir, 'media', archive.photo.id, 'original.jpg');
    chmodSync(original, 0o600);
    writeFileSync(original, Buffer.from('not the photo'));
    mkdirSync(path.join(archive.dir, 'media', '.staging'), { recursive: true });
    const result = await run([archive.dir]);
    expect(result.status, result.err).toBe(0);
    expect(result.out).toContain('원본 없음 1장');
    expect(result.out).toContain(archive.photo.id);
    expect(await countOf('media')).toBe(0);
    expect(await countOf('media_blobs')).toBe(0);
    expect(await countOf('articles')).toBe(2);
  });
});
