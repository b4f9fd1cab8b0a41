import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsroomSettingsRepository } from '../../electron/db/newsroom-settings-repo';
import { SettingsService } from '../../electron/services/settings';
import type { Article } from '../../shared/article';
import { AppError } from '../../shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { addPerson, bearer, call, ok, setUpChief, startNewsroom, type Newsroom, type Person } from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * 환경설정 on the newsroom server live in the newsroom's PostgreSQL: two server processes on one schema
 * (each with its own backend, pool and data folder, nothing shared but the database) answer the same
 * settings, whichever one a change went through.
 */

/** What server A's data folder held before the newsroom moved its settings into the database. */
const A_FILE: Settings = {
  ...DEFAULT_SETTINGS,
  sections: ['정치', '지역', '스포츠'],
  defaultSection: '지역',
  newsroom: { ...DEFAULT_SETTINGS.newsroom, agencyCredit: '지역통신' },
};
/** Server B's own, different copy, as copied by hand and then let drift. */
const B_FILE: Settings = { ...DEFAULT_SETTINGS, sections: ['경제'], defaultSection: '경제' };

/** A data folder holding `settings` as settings.json, as an existing server's does. */
function dataDirWith(prefix: string, settings: Settings | undefined): string {
  const dir = path.join(makeTempDir(prefix), 'data');
  mkdirSync(dir, { recursive: true });
  if (settings) writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings));
  return dir;
}

const open: Newsroom[] = [];

async function start(dir: string, schema: string, log?: (message: string) => void): Promise<Newsroom> {
  const room = await startNewsroom(dir, schema, { log });
  open.push(room);
  return room;
}

async function stop(room: Newsroom): Promise<void> {
  open.splice(open.indexOf(room), 1);
  await room.close();
}

describe.skipIf(!PG_URL)(`환경설정 shared by two newsroom servers (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  let schema: string;
  let dirA: string;
  let a: Newsroom;
  let b: Newsroom;
  let chief: Person;
  let kim: Person;
  const logA: string[] = [];
  const logB: string[] = [];

  beforeAll(async () => {
    schema = schemaName();
    await openTestPg(schema);
    dirA = dataDirWith('byline-settings-a-', A_FILE);
    a = await start(dirA, schema, (m) => logA.push(m));
    b = await start(dataDirWith('byline-settings-b-', B_FILE), schema, (m) => logB.push(m));
    chief = await setUpChief(a);
    kim = await addPerson(a, chief.actor, { login: 'kim', name: '김기자', role: 'reporter', sections: ['지역'] });
  }, 60_000);

  afterAll(async () => {
    for (const room of open.splice(0)) await room.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it("the newsroom's first server start takes its settings.json; the second server's own file is not read", async () => {
    expect(await ok<Settings>(b.origin, 'settings.get', {}, bearer(chief.token))).toEqual(A_FILE);
    expect(await ok<Settings>(a.origin, 'settings.get', {}, bearer(kim.token))).toEqual(A_FILE);
    expect(logA).toEqual([`[byline server] 환경설정을 뉴스룸 데이터베이스에 처음 저장했습니다 (${path.join(dirA, 'settings.json')}).`]);
    expect(logB).toEqual([]);
    // The file is read, never rewritten: it stays as the server left it.
    expect(JSON.parse(readFileSync(path.join(dirA, 'settings.json'), 'utf8'))).toEqual(A_FILE);
  });

  it('a change a 편집국장 makes through A is what B answers next, to the 편집국장 and to a 기자, and what new stories on B start with', async () => {
    const patch = { sections: ['정치', '지역', '세종'], defaultSection: '세종', newsroom: { ...A_FILE.newsroom, defaultDateline: '세종' } };
    const saved = await ok<Settings>(a.origin, 'settings.set', patch, bearer(chief.token));
    expect(saved).toMatchObject(patch);
    expect(await ok<Settings>(b.origin, 'settings.get', {}, bearer(chief.token))).toEqual(saved);
    expect(await ok<Settings>(b.origin, 'settings.get', {}, bearer(kim.token))).toEqual(saved);
    const created = await ok<Article>(b.origin, 'articles.create', {}, bearer(kim.token));
    expect([created.section, created.dateline]).toEqual(['세종', '세종']);
  });

  it('a 기자 cannot change them through either server: FORBIDDEN, and nothing changes', async () => {
    const before = await ok<Settings>(a.origin, 'settings.get', {}, bearer(chief.token));
    for (const room of [a, b]) {
      const r = await call(room.origin, 'settings.set', { sections: ['연예'], defaultSection: '연예' }, bearer(kim.token));
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await ok<Settings>(b.origin, 'settings.get', {}, bearer(chief.token))).toEqual(before);
  });

  it('refuses through B, in Korean, a default section outside the list or a section twice, and keeps what A stored', async () => {
    const before = await ok<Settings>(a.origin, 'settings.get', {}, bearer(chief.token));
    const outside = await call(b.origin, 'settings.set', { defaultSection: '날씨' }, bearer(chief.token));
    expect(outside.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: "기본 섹션 '날씨'이(가) 섹션 목록에 없습니다." } });
    const twice = await call(b.origin, 'settings.set', { sections: ['정치', '정치'], defaultSection: '정치' }, bearer(chief.token));
    expect(twice.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '섹션 목록에 같은 이름이 두 번 있습니다.' } });
    expect(await ok<Settings>(a.origin, 'settings.get', {}, bearer(chief.token))).toEqual(before);
  });

  it('six changes of different settings at the same moment, three through each server, are all kept', async () => {
    const before = await ok<Settings>(a.origin, 'settings.get', {}, bearer(chief.token));
    const patches: Array<[Newsroom, Partial<Settings>]> = [
      [a, { identity: { name: '편집국', email: 'desk@example.com' } }],
      [b, { locale: 'en' }],
      [a, { newsroom: { ...before.newsroom, agencyCredit: '가나통신' } }],
      [b, { media: { keepGpsOnExport: true } }],
      [a, { window: { width: 1200, height: 800, maximized: true } }],
      [b, { lastOpenArticleId: '00000000-0000-4000-8000-000000000001' }],
    ];
    await Promise.all(patches.map(([room, patch]) => ok<Settings>(room.origin, 'settings.set', patch, bearer(chief.token))));
    // Each change replaced only its own key, on top of the others: none went back to what it was before.
    const after = await ok<Settings>(b.origin, 'settings.get', {}, bearer(chief.token));
    expect(after).toEqual({ ...before, ...Object.assign({}, ...patches.map(([, patch]) => patch)) });
    expect(await ok<Settings>(a.origin, 'settings.get', {}, bearer(chief.token))).toEqual(after);
  });

  it('a server started again keeps the database’s settings, not the settings.json still in its folder', async () => {
    const stored = await ok<Settings>(b.origin, 'settings.get', {}, bearer(chief.token));
    expect(stored).not.toEqual(A_FILE);
    await stop(a);
    logA.length = 0;
    a = await start(dirA, schema, (m) => logA.push(m));
    expect(await ok<Settings>(a.origin, 'settings.get', {}, bearer(chief.token))).toEqual(stored);
    expect(logA).toEqual([]);
  });
});

describe.skipIf(!PG_URL)(`the first start of a newsroom without settings (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  afterAll(async () => {
    for (const room of open.splice(0)) await room.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('two servers starting at once, each with its own settings.json, store one of them and both answer it', async () => {
    const schema = schemaName();
    await openTestPg(schema);
    const logs: string[][] = [[], []];
    const [a, b] = await Promise.all(
      [A_FILE, B_FILE].map((file, i) => start(dataDirWith(`byline-settings-race-${i}-`, file), schema, (m) => logs[i]!.push(m))),
    );
    const chief = await setUpChief(a!);
    const fromA = await ok<Settings>(a!.origin, 'settings.get', {}, bearer(chief.token));
    expect([A_FILE, B_FILE]).toContainEqual(fromA);
    expect(await ok<Settings>(b!.origin, 'settings.get', {}, bearer(chief.token))).toEqual(fromA);
    expect(logs.filter((l) => l.some((m) => m.includes('처음 저장했습니다')))).toHaveLength(1);
  });

  it('a damaged settings.json on the first start is set aside, said so, and the newsroom starts from the defaults', async () => {
    const schema = schemaName();
    await openTestPg(schema);
    const dir = dataDirWith('byline-settings-damaged-', undefined);
    const damaged = '{ "sections": ["정치", 잘린 파일';
    writeFileSync(path.join(dir, 'settings.json'), damaged);
    const log: string[] = [];
    const room = await start(dir, schema, (m) => log.push(m));
    const chief = await setUpChief(room);
    expect(await ok<Settings>(room.origin, 'settings.get', {}, bearer(chief.token))).toEqual(DEFAULT_SETTINGS);
    expect(log[0]).toMatch(/환경설정 파일을 읽을 수 없어 기본값으로 시작합니다.*settings\.unreadable-.*\.json/);
    expect(log[1]).toBe('[byline server] 환경설정을 뉴스룸 데이터베이스에 처음 저장했습니다 (기본값).');
    const aside = readdirSync(dir).find((f) => /^settings\.unreadable-.+\.json$/.test(f));
    expect(readFileSync(path.join(dir, aside!), 'utf8')).toBe(damaged);
  });

  it('a server without a settings.json starts the newsroom from the defaults, and leaves no file behind', async () => {
    const schema = schemaName();
    await openTestPg(schema);
    const dir = dataDirWith('byline-settings-none-', undefined);
    const room = await start(dir, schema);
    const chief = await setUpChief(room);
    expect(await ok<Settings>(room.origin, 'settings.get', {}, bearer(chief.token))).toEqual(DEFAULT_SETTINGS);
    expect(() => readFileSync(path.join(dir, 'settings.json'))).toThrow(/ENOENT/);
  });
});

describe.skipIf(!PG_URL)(`SettingsService on the PostgreSQL store (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  afterAll(async () => {
    await cleanUpPg();
  });

  async function service(): Promise<{ settings: SettingsService; row: () => Promise<unknown> }> {
    const db = await openTestPg(schemaName(), { migrated: true });
    const { store } = await NewsroomSettingsRepository.open(db, () => A_FILE);
    const row = async () => (await db.get<{ settings: unknown }>('SELECT settings FROM newsroom_settings'))?.settings;
    return { settings: new SettingsService(store), row };
  }

  it('rejects a default section outside the list and a section named twice, and stores nothing', async () => {
    const { settings, row } = await service();
    await expect(settings.set({ defaultSection: '날씨' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(settings.set({ sections: ['정치'] })).rejects.toThrow(AppError);
    await expect(settings.set({ sections: ['지역', '지역'] })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await row()).toEqual(A_FILE);
    expect(await settings.set({ sections: ['지역'] })).toEqual({ ...A_FILE, sections: ['지역'] });
    expect(await row()).toEqual({ ...A_FILE, sections: ['지역'] });
  });

  it('a row someone broke by hand reads as the defaults, and the next change replaces it whole', async () => {
    const { settings, row } = await service();
    const db = await openTestPg(schemaName(), { migrated: true });
    await db.run(`INSERT INTO newsroom_settings (id, settings, updated_at) VALUES (1, '{"sections": 7}', 'x')`);
    const { store } = await NewsroomSettingsRepository.open(db, () => A_FILE);
    const broken = new SettingsService(store);
    expect(await broken.get()).toEqual(DEFAULT_SETTINGS);
    expect(await broken.set({ locale: 'en' })).toEqual({ ...DEFAULT_SETTINGS, locale: 'en' });
    expect((await db.get<{ settings: unknown }>('SELECT settings FROM newsroom_settings'))?.settings).toEqual({ ...DEFAULT_SETTINGS, locale: 'en' });
    // The other newsroom's row is its own.
    expect(await row()).toEqual(A_FILE);
    expect(await settings.get()).toEqual(A_FILE);
  });

  it('the database refuses a second row or a row that is not an object', async () => {
    const db = await openTestPg(schemaName(), { migrated: true });
    await NewsroomSettingsRepository.open(db, () => DEFAULT_SETTINGS);
    await expect(db.run(`INSERT INTO newsroom_settings (id, settings, updated_at) VALUES (2, '{}', 'x')`)).rejects.toThrow();
    await expect(db.run(`UPDATE newsroom_settings SET settings = '[1]'`)).rejects.toThrow();
  });
});
