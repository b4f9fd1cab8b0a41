import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { Revision } from '../../shared/article';
import { editorStateToText } from '../../shared/editor-text';
import { useWorkstation } from './support/workstation';

/**
 * Two editors, two browsers (separate contexts: own cookies, own local journal), one server, one story.
 * The desk saves first; the reporter's save on the older version must meet a conflict, keep the
 * reporter's text on screen until they choose, and either choice must leave the desk's text stored.
 */

const ws = useWorkstation();

const ORIGINAL = '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진';
const DESK_HEADLINE = '[데스크] 한미 양자기술 협력 가속화';
const DESK_LINE = '데스크가 덧붙인 문장: 브룩헤이븐 국립연구소는 노벨상 수상자 7명을 배출했다.';
const REPORTER_HEADLINE = '[기자] 배경훈 장관, 뉴욕서 양자 협력 논의';
const REPORTER_LINE = '기자가 덧붙인 문장: 이행약정 체결은 연내 마무리될 전망이다.';

async function openAs(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(ws.server.url);
  return page;
}

async function openArticle(page: Page): Promise<void> {
  await page
    .getByTestId('story-list')
    .getByRole('button', { name: new RegExp(ORIGINAL.slice(0, 10)) })
    .click();
  await expect(page.getByTestId('headline-input')).toHaveValue(ORIGINAL);
}

async function appendLine(page: Page, line: string): Promise<void> {
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(line);
}

async function revisions(request: APIRequestContext, id: string): Promise<Array<{ version: number; headline: string; text: string }>> {
  const token = new URL(ws.server.url).searchParams.get('token')!;
  const headers = { Authorization: `Bearer ${token}` };
  const list = (await (await request.post(`${ws.server.origin}/api/articles.revisions`, { headers, data: { id } })).json()).value as Array<{ version: number }>;
  const out = [];
  for (const { version } of list) {
    const r = (await (await request.post(`${ws.server.origin}/api/articles.revision`, { headers, data: { id, version } })).json()).value as Revision;
    out.push({ version, headline: r.fields.headline, text: editorStateToText(r.fields.body) });
  }
  return out;
}

/** Both editors open the same saved story (v2); the desk edits and saves (v3); the reporter then saves on v2. */
async function collide(browser: Browser): Promise<{ desk: Page; reporter: Page }> {
  await ws.start();
  const desk = await openAs(browser);
  await desk.getByRole('button', { name: '새 기사' }).click();
  await desk.getByTestId('headline-input').fill(ORIGINAL);
  await desk.getByTestId('body-editor').click();
  await desk.keyboard.insertText('(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.');
  await desk.keyboard.press('Control+s');
  await expect(desk.getByTestId('article-version')).toHaveText('2');

  const reporter = await openAs(browser);
  await openArticle(reporter);
  await expect(reporter.getByTestId('article-version')).toHaveText('2');

  await desk.getByTestId('headline-input').fill(DESK_HEADLINE);
  await appendLine(desk, DESK_LINE);
  await desk.keyboard.press('Control+s');
  await expect(desk.getByTestId('save-status')).toHaveText('저장됨');
  await expect(desk.getByTestId('article-version')).toHaveText('3');

  await reporter.getByTestId('headline-input').fill(REPORTER_HEADLINE);
  await appendLine(reporter, REPORTER_LINE);
  await reporter.keyboard.press('Control+s');
  await expect(reporter.getByRole('alert')).toContainText('저장 충돌');
  // Nothing was overwritten, and the reporter's words are still in front of them.
  await expect(reporter.getByTestId('headline-input')).toHaveValue(REPORTER_HEADLINE);
  await expect(reporter.getByTestId('body-editor')).toContainText(REPORTER_LINE);
  await expect(reporter.getByTestId('article-version')).toHaveText('2');
  return { desk, reporter };
}

async function firstArticleId(request: APIRequestContext): Promise<string> {
  const token = new URL(ws.server.url).searchParams.get('token')!;
  const list = await (await request.post(`${ws.server.origin}/api/articles.list`, { headers: { Authorization: `Bearer ${token}` }, data: {} })).json();
  return list.value.items[0].id as string;
}

test('the second editor gets a conflict; saving their version keeps the desk’s text in the revisions', async ({ browser, request }) => {
  const { desk, reporter } = await collide(browser);
  const id = await firstArticleId(request);
  // Still the desk's version on the server while the reporter decides.
  expect((await revisions(request, id))[0]).toMatchObject({ version: 3, headline: DESK_HEADLINE });

  await reporter.getByRole('button', { name: '내 버전으로 저장' }).click();
  await expect(reporter.getByTestId('save-status')).toHaveText('저장됨');
  await expect(reporter.getByTestId('article-version')).toHaveText('4');
  await expect(reporter.getByTestId('body-editor')).toContainText(REPORTER_LINE);

  const stored = await revisions(request, id);
  expect(stored.map((r) => r.version)).toEqual([4, 3, 2, 1]);
  expect(stored[0]).toMatchObject({ headline: REPORTER_HEADLINE });
  expect(stored[0]!.text).toContain(REPORTER_LINE);
  expect(stored[1]).toMatchObject({ headline: DESK_HEADLINE });
  expect(stored[1]!.text).toContain(DESK_LINE);
  await desk.context().close();
  await reporter.context().close();
});

test('choosing the latest version shows the desk’s text, which stays stored', async ({ browser, request }) => {
  const { desk, reporter } = await collide(browser);
  const id = await firstArticleId(request);

  // The button says what it does: the reporter's unsaved change is dropped at their request.
  await reporter.getByRole('button', { name: '최신 버전 불러오기 (내 변경 버림)' }).click();
  await expect(reporter.getByTestId('headline-input')).toHaveValue(DESK_HEADLINE);
  await expect(reporter.getByTestId('body-editor')).toContainText(DESK_LINE);
  await expect(reporter.getByTestId('article-version')).toHaveText('3');
  await expect(reporter.getByRole('alert')).toHaveCount(0);

  const stored = await revisions(request, id);
  expect(stored.map((r) => r.version)).toEqual([3, 2, 1]);
  expect(stored[0]!.text).toContain(DESK_LINE);

  // From here the reporter edits on top of the desk's version and saves without a conflict.
  await appendLine(reporter, REPORTER_LINE);
  await reporter.keyboard.press('Control+s');
  await expect(reporter.getByTestId('article-version')).toHaveText('4');
  const after = await revisions(request, id);
  expect(after[0]!.text).toContain(DESK_LINE);
  expect(after[0]!.text).toContain(REPORTER_LINE);
  await desk.context().close();
  await reporter.context().close();
});
