import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import type { CallContext } from '../../shared/call-context';
import type { Method } from '../../shared/contract';
import type { SpellingVocabulary, SpellingWord } from '../../shared/contract-spelling';
import type { EventName } from '../../shared/contract-events';
import type { Result } from '../../shared/errors';
import type { Article } from '../../shared/article';
import { DEFAULT_META } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Profile } from '../../shared/profiles';
import { startTestBackend } from './support/backend';
import { makeTempDir, removeTempDirs } from './support/temp';

/**
 * The 뉴스룸 사전 through the contract, on the backend as web mode starts it (and, with
 * BYLINE_TEST_ENGINE=postgres, on the PostgreSQL peer): who may add and remove, what bad words are
 * refused with, what every window is told, and that it outlives a restart.
 */

let backend: Backend;
let dataDir: string;

afterEach(async () => {
  await backend.close().catch(() => undefined);
  removeTempDirs();
});

async function call<T>(method: Method, input: unknown, context?: CallContext): Promise<Result<T>> {
  return (await backend.dispatch(method, input, context)) as Result<T>;
}
async function ok<T>(method: Method, input: unknown, context?: CallContext): Promise<T> {
  const r = await call<T>(method, input, context);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const words = async () => (await ok<{ words: SpellingWord[] }>('spelling.words', {})).words;

describe('뉴스룸 사전', () => {
  it('takes a reporter’s word for everyone, tells every window, and lets only the desk take it out', async () => {
    dataDir = makeTempDir('byline-spelling-words-');
    ({ backend } = await startTestBackend(dataDir));
    const kim = await ok<Profile>('profiles.create', { name: '김기자', email: '', role: 'reporter' });
    const desk = await ok<Profile>('profiles.create', { name: '박데스크', email: '', role: 'desk', sections: ['IT/과학'] });
    const heard: Array<[EventName, unknown]> = [];
    backend.events.listen((name, payload) => heard.push([name, payload]));

    // Spaces around it go; a decomposed 갬 (as some pastes arrive) is stored composed, so both spellings match.
    const added = await ok<SpellingWord>('spelling.addWord', { word: '  \u1100\u1162\u11B7베타 ' }, { actorId: kim.id });
    expect(added).toMatchObject({ word: '갬베타', addedBy: { id: kim.id, name: '김기자' } });
    expect(heard).toContainEqual(['spelling.changed', { word: '갬베타', change: 'added' }]);

    // Added twice (two windows at once): the first adder stays, nothing is announced again.
    heard.length = 0;
    expect(await ok<SpellingWord>('spelling.addWord', { word: '갬베타' }, { actorId: desk.id })).toMatchObject({ addedBy: { name: '김기자' } });
    expect(heard).toEqual([]);
    await ok('spelling.addWord', { word: '브룩헤이븐' });
    expect((await words()).map((w) => [w.word, w.addedBy?.name ?? null])).toEqual([
      ['갬베타', '김기자'],
      ['브룩헤이븐', null],
    ]);
    expect((await ok<SpellingVocabulary>('spelling.vocabulary', {})).newsroom).toEqual(['갬베타', '브룩헤이븐']);

    // A reporter and nobody at all may not remove; the desk may, and the word is gone for everyone.
    expect(await call('spelling.removeWord', { word: '갬베타' }, { actorId: kim.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '뉴스룸 사전에서 낱말을 빼는 일은 데스크나 편집국장만 할 수 있습니다.' },
    });
    expect(await call('spelling.removeWord', { word: '갬베타' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok('spelling.removeWord', { word: '갬베타' }, { actorId: desk.id })).toEqual({ removed: true });
    expect(heard).toContainEqual(['spelling.changed', { word: '갬베타', change: 'removed' }]);
    expect(await ok('spelling.removeWord', { word: '갬베타' }, { actorId: desk.id })).toEqual({ removed: false });

    // It outlives a restart.
    await backend.close();
    ({ backend } = await startTestBackend(dataDir));
    expect((await words()).map((w) => w.word)).toEqual(['브룩헤이븐']);
  });

  it('refuses what is not one word, in Korean, and keeps the list as it was', async () => {
    dataDir = makeTempDir('byline-spelling-words-bad-');
    ({ backend } = await startTestBackend(dataDir));
    await ok('spelling.addWord', { word: '디렉터' });
    const refused = async (word: string) => {
      const r = await call('spelling.addWord', { word });
      expect(r.ok).toBe(false);
      return r.ok ? null : r.error;
    };
    expect(await refused('   ')).toEqual({ code: 'VALIDATION', message: '추가할 낱말을 입력하세요.' });
    expect(await refused('인공 지능')).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('띄어 쓰지 않은 낱말 하나') as unknown });
    expect(await refused('가'.repeat(51))).toMatchObject({ code: 'VALIDATION', message: '낱말은 50자까지 넣을 수 있습니다.' });
    expect(await refused('갬\u200b베타')).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('제어 문자') as unknown });
    expect(await refused('2026')).toMatchObject({ code: 'VALIDATION', message: '낱말에는 글자가 하나 이상 있어야 합니다.' });
    expect((await words()).map((w) => w.word)).toEqual(['디렉터']);
  });

  it('learns the archive’s words from published stories only, and again only once another is published', async () => {
    dataDir = makeTempDir('byline-spelling-vocabulary-');
    ({ backend } = await startTestBackend(dataDir));
    const story = async (text: string, state: 'published' | 'draft') => {
      const created = await ok<Article>('articles.create', {});
      await ok('articles.save', {
        id: created.id,
        baseVersion: created.version,
        fields: { ...DEFAULT_META, headline: '양자기술 협력', deck: '', section: 'IT/과학', body: editorStateFromParagraphs([text]) },
      });
      // The workflow's way there (송고, 승인, 출고 to a target) is its own tests'; here only the state counts.
      if (state === 'published')
        await backend.db.run(`UPDATE articles SET state = 'published', updated_at = ? WHERE id = ?`, [new Date(Date.now() + 1000).toISOString(), created.id]);
    };
    for (let i = 0; i < 3; i += 1) await story(`갬베타는 브룩헤이븐 연구소에서 ${i}번째 발표를 했다.`, i < 2 ? 'published' : 'draft');
    const vocabulary = () => ok<SpellingVocabulary>('spelling.vocabulary', {});

    // 갬베타 is in two published stories and a draft: not yet the newsroom's usage.
    const first = await vocabulary();
    expect(first.learntFrom).toBe(2);
    expect(first.archive).not.toContain('갬베타');

    await story('갬베타는 다시 방문했다.', 'published');
    const second = await vocabulary();
    expect(second.learntFrom).toBe(3);
    expect(second.archive).toContain('갬베타');
    // In two published stories only (the third time was a draft).
    expect(second.archive).not.toContain('브룩헤이븐');
  });
});
