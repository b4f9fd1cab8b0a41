import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { fieldsOf, type Article } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Profile } from '../../shared/profiles';
import type { SearchResult } from '../../shared/search';
import { startTestBackend } from './support/backend';
import { ok } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';

/* 내 기사: the archive narrowed to the stories a reporter started, with or without words, through the contract. */

let backend: Backend;
let kim: Profile;
let lee: Profile;

beforeEach(async () => {
  ({ backend } = await startTestBackend(makeTempDir('byline-search-owner-')));
  kim = await ok<Profile>(backend, 'profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' });
  lee = await ok<Profile>(backend, 'profiles.create', { name: '이기자', email: 'lee@example.com', role: 'reporter' });
});

afterEach(async () => {
  await backend.close();
  removeTempDirs();
});

async function story(owner: Profile | undefined, headline: string, body: string): Promise<Article> {
  const caller = owner ? { actorId: owner.id } : {};
  const created = await ok<Article>(backend, 'articles.create', {}, caller);
  const fields = { ...fieldsOf(created), headline, section: '사회', body: editorStateFromParagraphs([body]) };
  return ok<Article>(backend, 'articles.save', { id: created.id, baseVersion: created.version, fields }, caller);
}

const search = (input: object) => ok<SearchResult>(backend, 'search.query', input);
const headlines = (r: SearchResult) => r.items.map((h) => h.headline).sort();

describe('내 기사 (search by owner)', () => {
  it("lists only the reporter's own stories, with and without words, in every sort, and counts them", async () => {
    await story(kim, '김 장관 회견', '장관은 기자회견에서 예산안을 설명했다.');
    await story(kim, '김 날씨', '서울 아침 최저 영하 5도.');
    await story(lee, '이 장관 방미', '장관이 뉴욕을 방문했다.');
    await story(undefined, '주인 없는 장관 기사', '장관 관련 보도자료.');

    expect(headlines(await search({ ownerId: kim.id }))).toEqual(['김 날씨', '김 장관 회견']);
    expect((await search({ ownerId: kim.id })).total).toBe(2);
    expect(headlines(await search({ text: '장관', ownerId: kim.id }))).toEqual(['김 장관 회견']);
    expect(headlines(await search({ text: '장관', ownerId: kim.id, sort: 'date' }))).toEqual(['김 장관 회견']);
    expect(headlines(await search({ text: '장관', ownerId: lee.id }))).toEqual(['이 장관 방미']);
    expect((await search({ text: '장관', ownerId: lee.id })).total).toBe(1);
    // Without the owner, the whole archive as before.
    expect((await search({ text: '장관' })).total).toBe(3);
  });

  it('a profile that owns nothing gets an empty list, and a malformed owner is refused by the contract', async () => {
    await story(kim, '김 장관 회견', '장관은 기자회견에서 예산안을 설명했다.');
    expect((await search({ ownerId: lee.id })).total).toBe(0);
    expect((await search({ text: '장관', ownerId: lee.id })).items).toEqual([]);
    const refused = await backend.dispatch('search.query', { ownerId: "' OR 1=1 --" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('VALIDATION');
  });
});
