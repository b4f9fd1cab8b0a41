import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { DEFAULT_META, type Article } from '../../shared/article';
import type { Method } from '../../shared/contract';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import type { Profile } from '../../shared/profiles';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { DEFAULT_HOUSE_STYLE } from '../../shared/settings-house-style';
import { startTestBackend } from './support/backend';
import { makeTempDir, removeTempDirs } from './support/temp';

/* 표기 원칙 at 송고, on the backend as web mode starts it: a window that skipped its own check is still refused. */

let backend: Backend | undefined;

afterEach(async () => {
  await backend?.close();
  backend = undefined;
  removeTempDirs();
});

async function call<T>(method: Method, input: unknown, actorId?: string): Promise<Result<T>> {
  return (await backend!.dispatch(method, input, actorId ? { actorId } : undefined)) as Result<T>;
}
async function ok<T>(method: Method, input: unknown, actorId?: string): Promise<T> {
  const r = await call<T>(method, input, actorId);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function draft(reporter: Profile, paragraphs: string[], headline = '정부, 국가 전략 기술 지원 확대'): Promise<Article> {
  const created = await ok<Article>('articles.create', {}, reporter.id);
  const fields = {
    ...DEFAULT_META,
    headline,
    deck: '',
    section: '정치',
    body: editorStateFromParagraphs(paragraphs),
    bylines: [{ name: '김기자', email: '', title: '기자' }],
  };
  return ok<Article>('articles.save', { id: created.id, baseVersion: created.version, fields }, reporter.id);
}

describe('표기 원칙 at 송고', () => {
  it('refuses 송고 with a blocking finding, in Korean naming it, and lets warnings through', async () => {
    ({ backend } = await startTestBackend(makeTempDir('byline-house-style-')));
    const reporter = await ok<Profile>('profiles.create', { name: '김기자', email: '', role: 'reporter' });

    const banned = await draft(reporter, ['첫 문단은 괜찮다.', '그는 상대를 절름발이라고 불렀다.']);
    const refused = await call('workflow.submit', { id: banned.id, version: banned.version }, reporter.id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (refused.ok) return;
    expect(refused.error.message).toContain("표기 원칙(본문 2문단) '절름발이' → '지체장애인'");
    expect((await ok<Article>('articles.get', { id: banned.id })).state).toBe('draft');

    // Warnings only: 인공 지능 (a 'warn' rule) and a headline over the 40-character limit.
    const long = '가'.repeat(41);
    const warned = await draft(reporter, ['정부는 인공 지능 산업을 키운다.'], long);
    const filed = await ok<{ article: Article }>('workflow.submit', { id: warned.id, version: warned.version }, reporter.id);
    expect(filed.article.state).toBe('submitted');
  });

  it('follows the newsroom’s own list: a rule made blocking refuses, a rule deleted no longer does', async () => {
    ({ backend } = await startTestBackend(makeTempDir('byline-house-style-')));
    const reporter = await ok<Profile>('profiles.create', { name: '김기자', email: '', role: 'reporter' });
    const rules = [{ wrong: '(\\d) ?퍼센트', right: '$1%', pattern: true, severity: 'block' as const, note: '본사 표기' }];
    await ok<Settings>('settings.set', { houseStyle: { ...DEFAULT_HOUSE_STYLE, rules } });

    const story = await draft(reporter, ['금리는 3 퍼센트로 올랐고 그는 절름발이라고 말했다.']);
    const refused = await call('workflow.submit', { id: story.id, version: story.version }, reporter.id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/'3 퍼센트' → '3%'/);
    if (!refused.ok) expect(refused.error.message).not.toMatch(/절름발이/);

    await ok<Settings>('settings.set', { houseStyle: { ...DEFAULT_HOUSE_STYLE, rules: [] } });
    await ok('workflow.submit', { id: story.id, version: story.version }, reporter.id);
  });

  it('refuses a hostile pattern in the settings, and keeps the list it had', async () => {
    ({ backend } = await startTestBackend(makeTempDir('byline-house-style-')));
    const hostile = { wrong: '(a+)+$', right: '', pattern: true, severity: 'warn' as const, note: '' };
    const r = await call('settings.set', { houseStyle: { ...DEFAULT_HOUSE_STYLE, rules: [hostile] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toMatch(/반복/);
    expect((await ok<Settings>('settings.get', {})).houseStyle).toEqual(DEFAULT_HOUSE_STYLE);
  });

  it('reads a settings file written before 표기 원칙 existed with the default list', async () => {
    const dataDir = makeTempDir('byline-house-style-');
    const { houseStyle: _left, ...older } = { ...DEFAULT_SETTINGS, defaultSection: '경제' };
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(older));
    ({ backend } = await startTestBackend(dataDir));
    const settings = await ok<Settings>('settings.get', {});
    expect(settings.defaultSection).toBe('경제');
    expect(settings.houseStyle).toEqual(DEFAULT_HOUSE_STYLE);
  });
});
