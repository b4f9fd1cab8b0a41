import { expect, test, type Browser, type Page } from '@playwright/test';
import { callApi } from './support/api';
import { useWorkstation } from './support/workstation';

/**
 * 표기 원칙 in the window: a default rule's finding is underlined in the body (a Custom Highlight, so
 * nothing is added to the document), fixed with one click, listed at 송고 when left; a blocking rule
 * stops 송고; the headline's length turns red over the newsroom's limit.
 */

const ws = useWorkstation();
const SHOTS = '/tmp/shots/housestyle';

async function openAsReporter(browser: Browser): Promise<Page> {
  const reporter = await callApi<{ id: string }>(ws.server, 'profiles.create', { name: '김기자', email: '', role: 'reporter' });
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } });
  await context.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), reporter.id);
  const page = await context.newPage();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await expect(page.getByTestId('body-editor')).toBeVisible();
  return page;
}

/** What the editor underlines, as text: the ranges of one of our highlights. */
function underlined(page: Page, severity: 'warn' | 'block'): Promise<string[]> {
  return page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()), `byline-house-style-${severity}`);
}

test('인공 지능 is underlined, fixed with one click; a finding left is listed at 송고; the headline count turns red', async ({ browser }) => {
  await ws.start();
  const page = await openAsReporter(browser);
  const headline = page.getByTestId('headline-input');
  await headline.fill('정부, 인공지능 산업 육성');
  await expect(page.getByTestId('headline-count')).toHaveText('14/40자');
  await expect(page.getByTestId('headline-count')).toHaveAttribute('data-over', 'false');

  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('정부는 인공 지능 산업을 키운다.');
  await expect(page.getByTestId('house-style-item')).toHaveCount(1);
  await expect(page.getByTestId('house-style-item')).toContainText('인공 지능 → 인공지능');
  await expect.poll(() => underlined(page, 'warn')).toEqual(['인공 지능']);
  // The underline is not in the document: no element wraps the words.
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText('정부는 인공 지능 산업을 키운다.');
  await expect(page.getByTestId('body-editor').locator('p > *')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/body-underline.png` });

  await page.getByTestId('house-style-fix').click();
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText('정부는 인공지능 산업을 키운다.');
  await expect(page.getByTestId('house-style-panel')).toHaveCount(0);
  await expect.poll(() => underlined(page, 'warn')).toEqual([]);

  // A second paragraph with two findings; 모두 고치기 is offered, but the reporter files with one left.
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('빅 데이터 센타도 짓는다.');
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText(['정부는 인공지능 산업을 키운다.', '빅 데이터 센타도 짓는다.']);
  await expect.poll(() => underlined(page, 'warn')).toEqual(['빅 데이터', '센타']);
  await page.getByTestId('house-style-fix').last().click();
  await expect.poll(() => underlined(page, 'warn')).toEqual(['빅 데이터']);

  // Over the limit: 41 characters, the count turns red; 송고 warns and goes through.
  await headline.fill('가'.repeat(41));
  const count = page.getByTestId('headline-count');
  await expect(count).toHaveText('41/40자');
  await expect(count).toHaveAttribute('data-over', 'true');
  await expect(count).toHaveCSS('color', 'rgb(185, 28, 28)');
  await page.screenshot({ path: `${SHOTS}/headline-over-limit.png` });

  await page.getByTestId('workflow-submit').click();
  await expect(page.getByTestId('workflow-state')).toHaveText('송고');
  const problems = page.getByTestId('submit-problems');
  // 맞춤법's own doubts (the lone 빅) are listed after these when its worker answers in time; they are its spec's to check.
  await expect(problems.locator('li').filter({ hasNotText: /^맞춤법/ })).toHaveText([
    /^표기 원칙\(본문 2문단\) '빅 데이터' → '빅데이터'/,
    /^제목 길이 제목이 41자로 기준 40자를 넘습니다/,
  ]);
  await page.screenshot({ path: `${SHOTS}/submit-warnings.png` });
  await page.context().close();
});

test('a blocking rule stops 송고 with the reason; fixing it lets the story go', async ({ browser }) => {
  await ws.start();
  const page = await openAsReporter(browser);
  await page.getByTestId('headline-input').fill('장애인 이동권 기사');
  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('그는 동료의 절름발이 흉내를 냈다.');
  await expect.poll(() => underlined(page, 'block')).toEqual(['절름발이']);
  await expect(page.getByTestId('house-style-item')).toContainText('송고 막음');

  await page.getByTestId('workflow-submit').click();
  const problems = page.getByTestId('submit-problems');
  await expect(problems.locator('li')).toHaveText([/^표기 원칙\(본문 1문단\) '절름발이' → '지체장애인'.*고쳐야 송고됩니다/]);
  await expect(page.getByTestId('workflow-state')).toHaveText('작성 중');
  await page.screenshot({ path: `${SHOTS}/submit-blocked.png` });

  await page.getByTestId('house-style-fix-all').click();
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText('그는 동료의 지체장애인 흉내를 냈다.');
  await page.getByTestId('workflow-submit').click();
  await expect(page.getByTestId('workflow-state')).toHaveText('송고');
  await page.context().close();
});

test('the rules and limits are edited in 환경설정; a bad CSV is refused naming its line and changes nothing', async ({ browser }) => {
  await ws.start();
  const page = await openAsReporter(browser);
  await page.getByRole('button', { name: '환경설정' }).click();
  const dialog = page.getByRole('dialog', { name: '환경설정' });
  await dialog.getByTestId('settings-page-style').click();
  const section = dialog.getByTestId('house-style-settings');
  const before = await section.getByTestId('house-style-rule').count();
  expect(before).toBeGreaterThanOrEqual(50);
  await section.getByTestId('house-style-rule').nth(2).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/settings-default-rules.png` });

  await section.getByTestId('house-style-import').setInputFiles({
    name: 'rules.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('wrong,right,pattern,severity,note\n메세지,메시지,plain,warn,\n(a+)+$,x,pattern,warn,\n'),
  });
  await expect(section.getByTestId('house-style-message')).toContainText('CSV 3번째 줄');
  await expect(section.getByTestId('house-style-rule')).toHaveCount(before);

  await section.getByTestId('house-style-import').setInputFiles({
    name: 'rules.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('wrong,right,pattern,severity,note\n사과문,입장문,plain,block,본사 표기\n'),
  });
  await expect(section.getByTestId('house-style-rule')).toHaveCount(1);
  await section.getByTestId('house-style-headlineLimit').fill('20');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/settings-house-style.png` });
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('headline-input').fill('구청, 사과문 발표');
  await expect(page.getByTestId('headline-count')).toHaveText('10/20자');
  await expect(page.getByTestId('headline-marks').locator('mark')).toHaveText(['사과문']);
  // The underline sits under the word in the textarea: the copy's mark starts where the typed word does.
  const box = await page.getByTestId('headline-marks').locator('mark').boundingBox();
  const field = await page.getByTestId('headline-input').boundingBox();
  expect(box && field && box.y >= field.y && box.y + box.height <= field.y + field.height).toBe(true);
  await page.screenshot({ path: `${SHOTS}/headline-underline.png` });
  await expect(page.getByTestId('headline-finding')).toContainText('사과문 → 입장문');
  await page.getByTestId('headline-finding').getByRole('button').click();
  await expect(page.getByTestId('headline-input')).toHaveValue('구청, 입장문 발표');
  await page.context().close();
});
