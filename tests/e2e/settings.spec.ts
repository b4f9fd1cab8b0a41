import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { callApi } from './support/api';
import { useWorkstation } from './support/workstation';

const ws = useWorkstation();

test('the newsroom edits its sections and the default section, and the choice survives a restart', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);

  await page.getByRole('button', { name: '환경설정' }).click();
  const dialog = page.getByRole('dialog', { name: '환경설정' });
  await dialog.getByLabel('이름').fill('홍길동');
  await dialog.getByLabel('이메일').fill('hong@example.com');
  await dialog.getByTestId('settings-page-sections').click();
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

test('a refused setting marks its page, and leaving asks before the changes are dropped', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('이메일').fill('주소가-아님');
  await dialog.getByTestId('settings-page-photo').click();
  await dialog.getByTestId('keep-gps').check();
  await dialog.getByRole('button', { name: '저장' }).click();
  // The page with the wrong field comes forward, marked in the list, with the field named.
  await expect(dialog.getByTestId('settings-error')).toContainText('표시된 페이지에 고칠 항목이 있습니다: 뉴스룸');
  await expect(dialog.getByTestId('settings-page-newsroom')).toContainText('고칠 항목이 있음');
  await expect(dialog.getByTestId('settings-page-newsroom')).toHaveAttribute('aria-current', 'page');
  await expect(dialog.getByTestId('settings-body-newsroom').getByRole('alert')).toContainText('identity.email');
  await expect(dialog.getByTestId('settings-page-photo')).toContainText('바뀜');
  await expect(dialog.getByLabel('이메일')).toHaveAttribute('aria-invalid', 'true');
  // 취소 asks first; 계속 고치기 keeps every edit.
  await dialog.getByRole('button', { name: '취소' }).click();
  await expect(dialog.getByTestId('settings-unsaved')).toContainText('저장하지 않은 변경이 있습니다');
  await dialog.getByRole('button', { name: '계속 고치기' }).click();
  await expect(dialog.getByLabel('이메일')).toHaveValue('주소가-아님');
  await dialog.getByRole('button', { name: '취소' }).click();
  await dialog.getByRole('button', { name: '버리고 닫기' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '환경설정' }).click();
  await expect(page.getByRole('dialog').getByTestId('keep-gps')).not.toBeChecked();
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
  await page.getByTestId('settings-page-backup').click();
  const panel = page.getByTestId('backup-panel');
  await panel.getByRole('button', { name: '지금 백업' }).click();
  await expect(panel.getByRole('status')).toContainText('백업을 만들었습니다');
  await page.getByRole('dialog').getByRole('button', { name: '취소' }).click();

  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('백업 뒤의 기사');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('queue-count')).toHaveText('2');

  await page.getByRole('button', { name: '환경설정' }).click();
  await page.getByTestId('settings-page-backup').click();
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
  await dialog.getByTestId('settings-page-sections').click();
  const table = dialog.getByTestId('portal-categories');
  // The default mapping: the two portals name 국제 differently.
  await expect(table.getByLabel('국제 네이버 분류')).toHaveValue('세계');
  await expect(table.getByLabel('국제 다음 분류')).toHaveValue('국제');
  await dialog.getByLabel('섹션 (한 줄에 하나)').fill('정치\n국제\nIT/과학\n지역');
  await table.getByLabel('지역 네이버 분류').fill('사회');
  await table.getByLabel('지역 다음 분류').fill('사회');
  await table.getByLabel('IT/과학 다음 분류').fill('IT·과학');
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
  await dialog.getByTestId('settings-page-targets').click();
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

const PAGES = ['newsroom', 'sections', 'style', 'targets', 'photo', 'storage', 'backup'] as const;

/** Controls whose words overflow their box (clipped), and labels broken one syllable per line (taller than wide). */
async function cramped(page: Page): Promise<string[]> {
  return page.locator('.settings-dialog').evaluate((dialog) => {
    const out: string[] = [];
    for (const el of dialog.querySelectorAll<HTMLElement>('button, a, label, legend, .field__label')) {
      if (el.offsetParent === null || !el.textContent?.trim()) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`clipped: ${el.textContent.trim().slice(0, 30)}`);
      const r = el.getBoundingClientRect();
      if (el.textContent.trim().length > 1 && r.width < 24 && r.height > 40) out.push(`one syllable per line: ${el.textContent.trim().slice(0, 30)}`);
    }
    return out;
  });
}

test('every settings page is reachable from the list, nothing is clipped at 1280×720 or 1440×900, and axe finds nothing serious', async ({ page }) => {
  // Fourteen axe scans (seven pages, two sizes); the 서식 page alone holds the hundred-odd house-style rules.
  test.setTimeout(240_000);
  await ws.start();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  const dialog = page.getByRole('dialog', { name: '환경설정' });
  await dialog.getByTestId('settings-page-targets').click();
  await dialog.getByTestId('target-add').click();
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    for (const id of PAGES) {
      await dialog.getByTestId(`settings-page-${id}`).click();
      await expect(dialog.getByTestId(`settings-body-${id}`)).toBeVisible();
      if (size.width === 1280) await page.screenshot({ path: `/tmp/shots/settings-pages/${id}.png` });
      expect(await cramped(page), `${id} at ${size.width}×${size.height}`).toEqual([]);
      const scan = await new AxeBuilder({ page }).include('.settings-dialog').analyze();
      const serious = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        id,
      ).toEqual([]);
    }
  }
  // A checkbox sits right beside its words.
  await dialog.getByTestId('settings-page-photo').click();
  const box = (await dialog.getByTestId('keep-gps').boundingBox())!;
  const words = (await dialog.getByText('내보낼 때 사진의 위치 정보(GPS) 유지').first().boundingBox())!;
  expect(words.x - (box.x + box.width)).toBeLessThan(16);
});

test('one 저장 tests a new WordPress target first, names why it failed, and saves it with the settings only when the desk insists', async ({ page }) => {
  const notWordPress: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>우리 신문</h1>'));
  await new Promise<void>((r) => notWordPress.listen(0, '127.0.0.1', r));
  const site = `http://127.0.0.1:${(notWordPress.address() as AddressInfo).port}`;
  try {
    await ws.start();
    await page.goto(ws.server.url);
    await page.getByRole('button', { name: '환경설정' }).click();
    const dialog = page.getByRole('dialog', { name: '환경설정' });
    await dialog.getByLabel('통신사 크레디트').fill('뉴스1');
    await dialog.getByTestId('settings-page-targets').click();
    await dialog.getByTestId('target-add').click();
    await dialog.getByTestId('target-kind').selectOption('wordpress');
    await dialog.getByTestId('target-name').fill('본사 홈페이지');
    await dialog.getByTestId('target-url').fill(site);
    await dialog.getByTestId('target-username').fill('desk');
    await dialog.getByTestId('target-secret').fill('abcd efgh ijkl mnop qrst uvwx');
    await expect(dialog.getByTestId('settings-page-newsroom')).toContainText('바뀜');
    // 연결 시험 by itself answers in Korean and stores nothing.
    await dialog.getByTestId('target-test').click();
    await expect(dialog.getByTestId('target-check')).toContainText('주소 오류: 127.0.0.1');
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect(dialog.getByTestId('settings-error')).toContainText('연결 시험에 실패한 출고 대상이 있습니다: ‘본사 홈페이지’');
    await expect(dialog.getByTestId('target-check')).toContainText('워드프레스 사이트가 아닙니다');
    const api = (method: string) => callApi<unknown>(ws.server, method, {});
    expect(await api('publish.targets')).toEqual([]);
    await dialog.getByTestId('settings-save-anyway').click();
    await expect(dialog).toBeHidden();
    expect(await api('publish.targets')).toEqual([expect.objectContaining({ name: '본사 홈페이지', kind: 'wordpress', hasSecret: true })]);
    expect(await api('settings.get')).toMatchObject({ newsroom: { agencyCredit: '뉴스1' } });
  } finally {
    await new Promise((r) => notWordPress.close(r));
  }
});
