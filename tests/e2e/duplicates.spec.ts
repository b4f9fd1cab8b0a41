import { expect, test, type Browser, type Page } from '@playwright/test';
import { makeDocx, RELEASE } from '../integration/support/documents';
import { callApi } from './support/api';
import { useWorkstation } from './support/workstation';

/**
 * Issue 23 end to end in web mode: a reporter imports a press release a colleague already imported; the
 * import panel says so with the colleague's story as a link, the story's workflow bar says it again before
 * 송고, and the link opens the colleague's story. BYLINE_DUPES_SHOT=<folder> saves the panel and the bar.
 */

const ws = useWorkstation();
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SHOT = process.env.BYLINE_DUPES_SHOT;

async function openAs(browser: Browser, profileId: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } });
  await context.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), profileId);
  const page = await context.newPage();
  await page.goto(ws.server.url);
  return page;
}

async function importRelease(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: DOCX_TYPE, buffer });
  // The conversion worker's cold start on a busy machine can outlast the default 5 s.
  await expect(page.getByTestId('import-proposal-headline')).toHaveValue(RELEASE.title, { timeout: 20_000 });
}

test('a release a colleague already imported is named in the import panel and before 송고, and the link opens it', async ({ browser }) => {
  test.setTimeout(90_000);
  await ws.start();
  const api = <T>(method: string, input: unknown) => callApi<T>(ws.server, method, input);
  const kim = await api<{ id: string }>('profiles.create', { name: '김하늘', email: '', role: 'reporter' });
  const lee = await api<{ id: string }>('profiles.create', { name: '이민지', email: '', role: 'reporter' });
  const docx = await makeDocx();

  // 김하늘 imports the release first and gives it a headline of her own.
  const first = await openAs(browser, kim.id);
  await importRelease(first, '양자전략_보도자료.docx', docx);
  await expect(first.getByTestId('duplicate-finding')).toHaveCount(0);
  await first.getByTestId('import-proposal-headline').fill('양자컴퓨터 상용화 5년 앞당긴다…1조 원 투입');
  await first.getByTestId('import-confirm-open').click();
  await expect(first.getByTestId('headline-input')).toHaveValue('양자컴퓨터 상용화 5년 앞당긴다…1조 원 투입');
  await first.context().close();

  // 이민지 imports the same release from her own copy of the file.
  const page = await openAs(browser, lee.id);
  await importRelease(page, '보도자료(양자).docx', docx);
  const finding = page.getByTestId('import-panel').getByTestId('duplicate-finding');
  await expect(finding).toContainText('같은 보도자료를 이미 가져온 기사가 있습니다');
  await expect(finding.getByTestId('duplicate-match')).toHaveCount(1);
  await expect(finding.getByTestId('duplicate-match')).toContainText('양자컴퓨터 상용화 5년 앞당긴다…1조 원 투입, 김하늘 기자, ');
  await expect(finding.getByTestId('duplicate-match')).toContainText(/\d\d:\d\d/);
  if (SHOT) await page.screenshot({ path: `${SHOT}/import-panel-duplicate.png` });

  // She opens her draft anyway: before 송고 the workflow bar says it again.
  await page.getByRole('button', { name: '확인하지 않고 열기' }).click();
  await expect(page.getByTestId('headline-input')).toHaveValue(RELEASE.title);
  await page.getByTestId('import-panel-close').click();
  const atSubmit = page.getByTestId('workflow-bar').getByTestId('duplicate-finding');
  await expect(atSubmit).toContainText('김하늘 기자');
  if (SHOT) await page.screenshot({ path: `${SHOT}/workflow-bar-duplicate.png` });

  // The headline opens 김하늘's story.
  await atSubmit.getByTestId('duplicate-open').click();
  await expect(page.getByTestId('headline-input')).toHaveValue('양자컴퓨터 상용화 5년 앞당긴다…1조 원 투입');
  await expect(page.getByTestId('workflow-bar').getByTestId('duplicate-match')).toContainText(`${RELEASE.title}, 이민지 기자`);
});
