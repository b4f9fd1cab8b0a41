import { expect, test } from '@playwright/test';
import { fieldsOf, type Article } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { CallContext } from '../../shared/call-context';
import { callApi } from './support/api';
import { useWorkstation } from './support/workstation';

const ws = useWorkstation();

const call = <T>(method: string, input: unknown, context?: CallContext) => callApi<T>(ws.server, method, input, context);

/** Stories written straight through web mode's API, as another workstation would; `actorId` makes that profile their owner. */
async function seedArticles(stories: Array<{ headline: string; section: string; body: string; actorId?: string }>) {
  for (const s of stories) {
    const who = s.actorId ? { actorId: s.actorId } : {};
    const created = await call<Article>('articles.create', { headline: s.headline, section: s.section }, who);
    await call('articles.save', { id: created.id, baseVersion: 1, fields: { ...fieldsOf(created), body: editorStateFromParagraphs([s.body]) } }, who);
  }
}

test('a two-syllable search finds the word inside longer ones, marks it, and combines with a section filter', async ({ page }) => {
  await ws.start();
  await seedArticles([
    { headline: '장관 방미', section: 'IT/과학', body: '배경훈 장관은 뉴욕에서 양자 협력을 논의했다.' },
    { headline: '차관 회의', section: '정치', body: '부장관급 회의가 열렸다.' },
    { headline: '날씨', section: '사회', body: '출근길 빙판 주의.' },
  ]);
  await page.goto(ws.server.url);
  await expect(page.getByTestId('queue-count')).toHaveText('3');

  await page.getByTestId('search-input').fill('장관');
  await expect(page.getByRole('heading', { name: /검색 결과/ })).toBeVisible();
  await expect(page.getByTestId('queue-count')).toHaveText('2');
  await expect(page.getByTestId('search-snippet').locator('mark').first()).toHaveText('장관');

  await page.getByRole('search').getByLabel('섹션').selectOption('정치');
  await expect(page.getByTestId('queue-count')).toHaveText('1');
  await expect(page.getByTestId('story-list')).toContainText('차관 회의');

  await page.getByTestId('search-input').fill('"빙판 출근길"');
  await expect(page.getByText('찾는 기사가 없습니다.')).toBeVisible();
});

test('a long queue is virtualised: scrolling to the end shows the oldest story with few rows in the page', async ({ page }) => {
  await ws.start();
  await seedArticles(Array.from({ length: 240 }, (_, i) => ({ headline: `기사 ${String(i).padStart(3, '0')}`, section: '사회', body: `본문 ${i}` })));
  await page.goto(ws.server.url);
  await expect(page.getByTestId('queue-count')).toHaveText('240');
  const rowsInDom = await page.getByTestId('story-list').locator('li').count();
  expect(rowsInDom).toBeLessThan(60);

  await page.getByTestId('story-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByTestId('story-list')).toContainText('기사 000');
  await page
    .getByTestId('story-list')
    .getByRole('button', { name: /기사 000/ })
    .click();
  await expect(page.getByTestId('headline-input')).toHaveValue('기사 000');
});

test('내 기사 narrows the archive to the stories the picked reporter started, searched or not', async ({ browser }) => {
  await ws.start();
  const kim = await call<{ id: string }>('profiles.create', { name: '김기자', email: '', role: 'reporter' });
  const lee = await call<{ id: string }>('profiles.create', { name: '이기자', email: '', role: 'reporter' });
  await seedArticles([
    { headline: '김 장관 회견', section: '정치', body: '장관은 예산안을 설명했다.', actorId: kim.id },
    { headline: '김 날씨', section: '사회', body: '출근길 빙판 주의.', actorId: kim.id },
    { headline: '이 장관 방미', section: 'IT/과학', body: '장관이 뉴욕을 방문했다.', actorId: lee.id },
  ]);
  const context = await browser.newContext();
  await context.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), kim.id);
  const page = await context.newPage();
  await page.goto(ws.server.url);
  await expect(page.getByTestId('queue-count')).toHaveText('3');

  await page.getByTestId('owner-filter').selectOption('mine');
  await expect(page.getByTestId('queue-count')).toHaveText('2');
  await expect(page.getByTestId('story-list')).not.toContainText('이 장관 방미');
  await page.getByTestId('search-input').fill('장관');
  await expect(page.getByTestId('queue-count')).toHaveText('1');
  await expect(page.getByTestId('story-list')).toContainText('김 장관 회견');

  await page.getByTestId('owner-filter').selectOption('');
  await expect(page.getByTestId('queue-count')).toHaveText('2');
  await context.close();
});
