import { expect, test } from '@playwright/test';
import { fieldsOf } from '../../shared/article';
import { useWorkstation } from './support/workstation';

const HEADLINE = '과기정통부 배경훈 장관, 한미 양자기술-대형과학 기반시설(인프라) 협력 가속화 추진';
const DECK = '미국 에너지부 산하 브룩헤이븐 국립연구소 방문';
const LEAD = '과학기술정보통신부 배경훈 장관은 현지시간 9월 22일부터 23일까지 미국 뉴욕을 방문했다.';
const SECOND = '브룩헤이븐 국립연구소는 7명의 노벨상 수상자를 배출했다.';

const ws = useWorkstation();

test('a Korean story saved with Ctrl+S is intact after the server restarts', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await expect(page.getByRole('heading', { name: /내 기사/ })).toBeVisible();

  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill(HEADLINE);
  await page.getByTestId('deck-input').fill(DECK);
  await page.getByTestId('section-select').selectOption('IT/과학');
  await page.getByTestId('dateline-input').fill('세종');

  const body = page.getByTestId('body-editor');
  await body.click();
  await page.keyboard.insertText(LEAD);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(SECOND);
  await expect(page.getByTestId('save-status')).toHaveText('저장되지 않은 변경 있음');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');
  await expect(page.getByTestId('article-version')).toHaveText('2');
  await expect(page.getByTestId('story-list')).toContainText(HEADLINE);

  // Close everything and start again: a new server process, a new token.
  await ws.stop();
  await ws.start();
  await page.goto(ws.server.url);

  await expect(page.getByTestId('story-list')).toContainText(HEADLINE);
  await expect(page.getByTestId('headline-input')).toHaveValue(HEADLINE);
  await expect(page.getByTestId('deck-input')).toHaveValue(DECK);
  await expect(page.getByTestId('section-select')).toHaveValue('IT/과학');
  await expect(page.getByTestId('dateline-input')).toHaveValue('세종');
  const paragraphs = page.getByTestId('body-editor').locator('p');
  await expect(paragraphs).toHaveText([LEAD, SECOND]);
  await expect(page.getByTestId('char-count')).toContainText(`${(LEAD + SECOND).length}`);
});

test('the save button stores the story and a second story keeps the first intact', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);

  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('첫 번째 기사');
  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('첫 기사 본문입니다.');
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');

  // Creating another story while the first has unsaved edits saves them first: nothing is lost.
  await page.getByTestId('headline-input').fill('첫 번째 기사 (수정)');
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('두 번째 기사');
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('story-list').getByRole('button')).toHaveCount(2);

  await page
    .getByTestId('story-list')
    .getByRole('button', { name: /첫 번째 기사 \(수정\)/ })
    .click();
  await expect(page.getByTestId('headline-input')).toHaveValue('첫 번째 기사 (수정)');
  await expect(page.getByTestId('body-editor')).toContainText('첫 기사 본문입니다.');
});

test('a save based on a stale version shows a conflict and loses neither text', async ({ page, request }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('충돌 시험');
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('article-version')).toHaveText('2');

  // Another editor saves the same story first, through the same API.
  const token = new URL(ws.server.url).searchParams.get('token')!;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const list = await (await request.post(`${ws.server.origin}/api/articles.list`, { headers, data: {} })).json();
  const id = list.value.items[0].id as string;
  const theirs = await (await request.post(`${ws.server.origin}/api/articles.get`, { headers, data: { id } })).json();
  const saved = await request.post(`${ws.server.origin}/api/articles.save`, {
    headers,
    data: { id, baseVersion: 2, fields: { ...fieldsOf(theirs.value), headline: '데스크가 고친 제목' } },
  });
  expect(saved.status()).toBe(200);

  await page.getByTestId('headline-input').fill('기자가 고친 제목');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('alert')).toContainText('저장 충돌');
  await expect(page.getByTestId('headline-input')).toHaveValue('기자가 고친 제목');

  await page.getByRole('button', { name: '내 버전으로 저장' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');
  await expect(page.getByTestId('article-version')).toHaveText('4');
  const revisions = await (await request.post(`${ws.server.origin}/api/articles.revisions`, { headers, data: { id } })).json();
  expect(revisions.value.map((r: { headline: string }) => r.headline)).toEqual(['기자가 고친 제목', '데스크가 고친 제목', '충돌 시험', '']);
});

test('without the token the server answers 401 and shows nothing', async ({ page }) => {
  await ws.start();
  const response = await page.goto(ws.server.origin + '/');
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('접속 토큰');
});
