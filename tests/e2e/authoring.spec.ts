import { expect, test, type Page } from '@playwright/test';
import { seed, typedBody } from '../fixtures/seed';
import { useSharedWorkstation } from './support/workstation';

// Each test works on the new story it opens, which the server also reopens after a reload or restart
// (settings.lastOpenArticleId), so one server serves the file.
const ws = useSharedWorkstation();

test.beforeEach(async ({ page }) => {
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await expect(page.getByTestId('article-version')).toHaveText('1');
});

async function typeBody(page: Page, paragraphs: readonly string[]) {
  await page.getByTestId('body-editor').click();
  for (const [i, paragraph] of paragraphs.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
}

test('the seed story typed from a blank page comes out of the preview exactly', async ({ page }) => {
  await page.getByTestId('headline-input').fill(seed.headline);
  await page.getByTestId('deck-input').fill(seed.deck);
  await page.getByTestId('section-select').selectOption(seed.section);
  await page.getByTestId('story-type-select').selectOption('press_release');
  await expect(page.getByText('보도자료 기사는 뉴스출처가 필요합니다')).toBeVisible();
  await page.getByTestId('source-input').fill(seed.sourceAttribution);
  await typeBody(page, typedBody);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');

  await page.getByTestId('preview-toggle').click();
  const preview = page.getByTestId('preview');
  await expect(preview.locator('.story-view__section')).toHaveText(seed.section);
  await expect(preview.locator('h1')).toHaveText(seed.headline);
  await expect(preview.locator('.story-view__deck p')).toHaveText([seed.deck]);
  await expect(preview.locator('.story-view__body p')).toHaveText(seed.body);
  await expect(preview.locator('.story-view__attribution')).toHaveText(seed.attributionLine);
  const allText = await preview.locator('p, h1, .story-view__section').allInnerTexts();
  expect(allText).toEqual([seed.section, seed.headline, seed.deck, ...seed.body, seed.attributionLine]);

  // Back to editing: nothing moved.
  await page.getByTestId('preview-toggle').click();
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText(typedBody);
});

test('the inspector details are saved with the story and come back after a restart', async ({ page }) => {
  await page.getByTestId('headline-input').fill('국회 본회의, 내년도 예산안 처리');
  await page.getByRole('button', { name: '바이라인 추가' }).click();
  const row = page.getByTestId('byline-row').first();
  await row.getByLabel('이름').fill('홍길동');
  await row.getByLabel('이메일').fill('hong@example.com');
  await page.getByTestId('tags-input').fill('예산, 국회, 본회의');
  await page.getByLabel('요약').fill('국회가 내년도 예산안을 처리했다.');
  await page.getByLabel('슬러그').fill('budget-passed');
  await page.getByLabel('엠바고', { exact: true }).fill('2026-12-01T06:00');
  await page.getByLabel('데스크에 남기는 메모').fill('오전 6시 엠바고 확인 부탁드립니다.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');

  await ws.stop();
  await ws.start();
  await page.goto(ws.server.url);
  await expect(page.getByTestId('byline-row').first().getByLabel('이름')).toHaveValue('홍길동');
  await expect(page.getByTestId('byline-row').first().getByLabel('직함')).toHaveValue('기자');
  await expect(page.getByTestId('tags-input')).toHaveValue('예산, 국회, 본회의');
  await expect(page.getByLabel('슬러그')).toHaveValue('budget-passed');
  await expect(page.getByLabel('엠바고', { exact: true })).toHaveValue('2026-12-01T06:00');
  await expect(page.getByLabel('데스크에 남기는 메모')).toHaveValue('오전 6시 엠바고 확인 부탁드립니다.');
});

test('an invalid slug is refused with a clear message and the story keeps its text', async ({ page }) => {
  await page.getByTestId('headline-input').fill('슬러그 시험');
  await page.getByLabel('슬러그').fill('한글-슬러그');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('alert')).toContainText('영문 소문자, 숫자, 하이픈만');
  await expect(page.getByTestId('headline-input')).toHaveValue('슬러그 시험');
});

test('the toolbar and markdown shortcuts format the body; unsafe links are refused', async ({ page }) => {
  const body = page.getByTestId('body-editor');
  await body.click();
  await page.getByRole('button', { name: '굵게' }).click();
  await page.keyboard.insertText('굵은 리드');
  await page.getByRole('button', { name: '굵게' }).click();
  await page.keyboard.insertText(' 보통 글');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('소제목입니다');
  await page.getByRole('button', { name: '소제목', exact: true }).click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('- ');
  await page.keyboard.insertText('첫 항목');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('둘째 항목');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('> ');
  await page.keyboard.insertText('인용한 말');
  await page.keyboard.press('Enter');
  await page.keyboard.type('--- ');
  await page.keyboard.insertText('링크할 말');
  await page.keyboard.press('Shift+Home');

  // Ctrl+K opens the link field, as in every word processor.
  await page.keyboard.press('Control+k');
  await expect(page.getByLabel('링크 주소 (https://…)')).toBeFocused();
  await page.getByLabel('링크 주소 (https://…)').fill('javascript:alert(1)');
  await page.getByLabel('링크 주소 (https://…)').press('Enter');
  await expect(page.getByText('http, https, mailto 주소만 링크할 수 있습니다')).toBeVisible();
  await page.getByLabel('링크 주소 (https://…)').fill('https://www.msit.go.kr/');
  await page.getByLabel('링크 주소 (https://…)').press('Enter');

  await expect(body.locator('strong, .ed-bold').first()).toHaveText('굵은 리드');
  await expect(body.locator('h2')).toHaveText('소제목입니다');
  await expect(body.locator('ul li')).toHaveText(['첫 항목', '둘째 항목']);
  await expect(body.locator('blockquote')).toHaveText('인용한 말');
  await expect(body.locator('hr')).toHaveCount(1);
  await expect(body.locator('a')).toHaveAttribute('href', 'https://www.msit.go.kr/');
  await expect(body.locator('a')).toHaveText('링크할 말');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');
  await page.reload();
  await expect(body.locator('ul li')).toHaveText(['첫 항목', '둘째 항목']);
  await expect(body.locator('a')).toHaveAttribute('href', 'https://www.msit.go.kr/');
});

test('find and replace changes every occurrence, and undo brings them back', async ({ page }) => {
  await typeBody(page, ['배경훈 장관은 뉴욕을 방문했다.', '장관은 IBM과 협력 양해각서를 체결했다. 장관의 방미 일정은 이틀이다.']);
  await page.keyboard.press('Control+f');
  await page.getByRole('search').getByLabel('찾기').fill('장관');
  await expect(page.getByTestId('find-count')).toHaveText('3개 일치');
  await page.getByRole('search').getByLabel('바꿀 말').fill('장관님');
  await page.getByRole('button', { name: '모두 바꾸기' }).click();
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText([
    '배경훈 장관님은 뉴욕을 방문했다.',
    '장관님은 IBM과 협력 양해각서를 체결했다. 장관님의 방미 일정은 이틀이다.',
  ]);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('body-editor').locator('p').first()).toHaveText('배경훈 장관은 뉴욕을 방문했다.');
});

test('the status bar counts as desks count, in either 원고지 mode', async ({ page }) => {
  await typeBody(page, ['가'.repeat(19), '나']);
  await expect(page.getByTestId('char-count')).toHaveText('글자 수 20 (공백 제외 20)');
  await expect(page.getByTestId('word-count')).toHaveText('단어 2');
  await expect(page.getByTestId('sheet-count')).toContainText('원고지 0.1매');
  await page.getByTestId('sheet-count').click();
  await expect(page.getByTestId('sheet-count')).toContainText('원고지 0.2매');
  await expect(page.getByTestId('sheet-count')).toContainText('원고지 칸 계산');
});

test('any saved version can be brought back and saved as the newest', async ({ page }) => {
  await page.getByTestId('headline-input').fill('첫 제목');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('article-version')).toHaveText('2');
  await page.getByTestId('headline-input').fill('고친 제목');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('article-version')).toHaveText('3');

  await page.getByRole('button', { name: 'v2 이 버전 불러오기' }).click();
  await expect(page.getByTestId('headline-input')).toHaveValue('첫 제목');
  await expect(page.getByTestId('story-notice')).toContainText('이전 버전을 불러왔습니다');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('article-version')).toHaveText('4');
  await expect(page.getByTestId('revision-list').locator('li')).toHaveCount(4);
});
