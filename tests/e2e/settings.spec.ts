import { expect, test } from '@playwright/test';
import { useWorkstation } from './support/workstation';

const ws = useWorkstation();

test('the newsroom edits its sections and the default section, and the choice survives a restart', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);

  await page.getByRole('button', { name: '환경설정' }).click();
  const dialog = page.getByRole('dialog', { name: '환경설정' });
  await dialog.getByLabel('이름').fill('홍길동');
  await dialog.getByLabel('이메일').fill('hong@example.com');
  await dialog.getByLabel('섹션 (한 줄에 하나)').fill('정치\n경제\nIT/과학\n지역');
  await dialog.getByLabel('기본 섹션').selectOption('지역');
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: '새 기사' }).click();
  await expect(page.getByTestId('section-select')).toHaveValue('지역');

  await ws.stop();
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  await expect(page.getByRole('dialog').getByLabel('이름')).toHaveValue('홍길동');
  await expect(page.getByRole('dialog').getByLabel('기본 섹션')).toHaveValue('지역');
});

test('a refused setting is explained and nothing is changed', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('이메일').fill('주소가-아님');
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(dialog.getByRole('alert')).toContainText('입력이 올바르지 않습니다');
  await dialog.getByRole('button', { name: '취소' }).click();
  await page.getByRole('button', { name: '환경설정' }).click();
  await expect(page.getByRole('dialog').getByLabel('이메일')).toHaveValue('');
});

test('the interface switches to English and back', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  await page.getByRole('dialog').getByLabel('화면 언어').selectOption('en');
  await page.getByRole('dialog').getByRole('button', { name: '저장' }).click();
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /My stories/ })).toBeVisible();
});

test('another outlet’s credit and byline templates shape the preview', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('통신사 크레디트').fill('뉴스1');
  await dialog.getByLabel('리드 앞머리 서식 ({dateline}, {credit}, {bylines})').fill('({dateline}={credit}) {bylines} =');
  await dialog.getByLabel('기사 끝 바이라인 서식 ({name}, {title}, {email})').fill('{name} {title} {email}');
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('서울 아침 최저 영하 5도');
  await page.getByTestId('dateline-input').fill('서울');
  await page.getByRole('button', { name: '바이라인 추가' }).click();
  await page.getByTestId('byline-row').getByLabel('이름').fill('홍길동');
  await page.getByTestId('byline-row').getByLabel('이메일').fill('hong@example.com');
  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('출근길 빙판에 주의해야겠다.');
  await page.getByTestId('preview-toggle').click();
  await expect(page.getByTestId('preview').locator('.story-view__body p')).toHaveText(['(서울=뉴스1) 홍길동 기자 = 출근길 빙판에 주의해야겠다.']);
  await expect(page.getByTestId('preview').locator('.story-view__byline')).toHaveText('홍길동 기자 hong@example.com');
});

test('a backup made in settings brings the stories back as they were', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('백업에 들어갈 기사');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');

  await page.getByRole('button', { name: '환경설정' }).click();
  const panel = page.getByTestId('backup-panel');
  await panel.getByRole('button', { name: '지금 백업' }).click();
  await expect(panel.getByRole('status')).toContainText('백업을 만들었습니다');
  await page.getByRole('dialog').getByRole('button', { name: '취소' }).click();

  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('백업 뒤의 기사');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('queue-count')).toHaveText('2');

  await page.getByRole('button', { name: '환경설정' }).click();
  await panel.getByRole('button', { name: /복원$/ }).last().click();
  await expect(panel.getByText('지금 상태는 따로 백업해 둡니다')).toBeVisible();
  await panel.getByRole('button', { name: '이 백업으로 복원' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText('1');
  await expect(page.getByTestId('story-list')).toContainText('백업에 들어갈 기사');
});

test('the newsroom files each section under a Naver and a Daum category, a new section included, and the table survives a restart', async ({ page }) => {
  await ws.start();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  const dialog = page.getByRole('dialog', { name: '환경설정' });
  const table = dialog.getByTestId('portal-categories');
  // The default mapping: the two portals name 국제 differently.
  await expect(table.getByLabel('국제 네이버 분류')).toHaveValue('세계');
  await expect(table.getByLabel('국제 다음 분류')).toHaveValue('국제');
  await dialog.getByLabel('섹션 (한 줄에 하나)').fill('정치\n국제\nIT/과학\n지역');
  await table.getByLabel('지역 네이버 분류').fill('사회');
  await table.getByLabel('지역 다음 분류').fill('사회');
  await table.getByLabel('IT/과학 다음 분류').fill('IT·과학');
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/bundlemeta/settings-portal.png' });
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(dialog).toBeHidden();

  await ws.stop();
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  const again = page.getByRole('dialog').getByTestId('portal-categories');
  await expect(again.getByLabel('지역 네이버 분류')).toHaveValue('사회');
  await expect(again.getByLabel('IT/과학 다음 분류')).toHaveValue('IT·과학');
  await expect(again.getByLabel('국제 네이버 분류')).toHaveValue('세계');
  // A section taken off the list takes its row with it.
  await expect(again.getByLabel('경제 네이버 분류')).toHaveCount(0);
});

test('an embargo is typed and shown on the newsroom’s clock, whatever zone the machine is in; the zone and the post address are settings', async ({
  browser,
}) => {
  await ws.start();
  const london = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Europe/London' });
  const page = await london.newPage();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('엠바고 시각 확인');
  // Seoul by default: a reporter in London types the Seoul time the ministry gave.
  await page.getByLabel('엠바고').fill('2026-12-08T10:00');
  await page.getByRole('button', { name: '저장', exact: true }).click();
  await expect(page.getByTestId('save-status')).toContainText('저장됨');

  const newYork = await browser.newContext({ locale: 'ko-KR', timezoneId: 'America/New_York' });
  const desk = await newYork.newPage();
  await desk.goto(ws.server.url);
  await expect(desk.getByTestId('headline-input')).toHaveValue('엠바고 시각 확인');
  await expect(desk.getByLabel('엠바고')).toHaveValue('2026-12-08T10:00');

  // A newsroom that sets New York as its zone reads the same instant on its own clock: 20:00 the evening before.
  await desk.getByRole('button', { name: '환경설정' }).click();
  const dialog = desk.getByRole('dialog', { name: '환경설정' });
  await dialog.getByTestId('settings-time-zone').selectOption('America/New_York');
  await dialog.getByLabel('게시물 주소').selectOption('story-number');
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(dialog).toBeHidden();
  await expect(desk.getByLabel('엠바고')).toHaveValue('2026-12-07T20:00');
  await desk.getByRole('button', { name: '환경설정' }).click();
  await expect(dialog.getByTestId('settings-time-zone')).toHaveValue('America/New_York');
  await expect(dialog.getByLabel('게시물 주소')).toHaveValue('story-number');
  await expect(dialog.getByTestId('posts-byline-in-content')).not.toBeChecked();
  await london.close();
  await newYork.close();
});
