import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { makeDocx, makeHwpx, RELEASE } from '../integration/support/documents';
import { dropFiles } from './support/photos';
import { useWorkstation } from './support/workstation';

/**
 * 보도자료 가져오기 end to end in web mode: a DOCX press release (written by the `docx` package) dropped
 * on the queue becomes a 보도자료 draft; the reporter checks the proposals, edits the headline, opens
 * the story, and finds it, its photo and the set-aside contact table again after a reload.
 */

const ws = useWorkstation();
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('a DOCX dropped on the queue becomes a draft whose proposals the reporter confirms', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await expect(page.getByTestId('import-button')).toHaveText('보도자료 가져오기');

  await dropFiles(page, '[data-testid="story-list"]', [{ name: '양자전략_보도자료.docx', type: DOCX_TYPE, bytes: await makeDocx() }]);

  const panel = page.getByTestId('import-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('import-proposal-headline')).toHaveValue(RELEASE.title);
  await expect(panel.getByTestId('import-proposal-deck')).toHaveValue(RELEASE.subtitle);
  await expect(panel.getByTestId('import-proposal-sourceAttribution')).toHaveValue(RELEASE.issuer);
  await expect(panel.getByTestId('import-proposal-embargoAt')).not.toHaveValue('');
  await expect(panel.getByTestId('import-aside-contact')).toContainText('홍길동');
  await expect(panel.getByTestId('import-aside-header')).toContainText(RELEASE.embargo);

  // The reporter shortens the headline, then confirms everything and opens the story.
  const edited = '양자컴퓨터 상용화 5년 앞당긴다…1조 원 투입';
  await panel.getByTestId('import-proposal-headline').fill(edited);
  await panel.getByTestId('import-confirm-open').click();

  await expect(page.getByTestId('headline-input')).toHaveValue(edited);
  await expect(page.getByTestId('deck-input')).toHaveValue(RELEASE.subtitle);
  await expect(page.getByTestId('source-input')).toHaveValue(RELEASE.issuer);
  await expect(page.getByTestId('story-type-select')).toHaveValue('press_release');
  const body = page.getByTestId('body-editor');
  await expect(body).toContainText(RELEASE.lead.replace(/^□\s*/, ''));
  await expect(body).not.toContainText('044-202-4930');
  await expect(page.getByTestId('photo-block')).toHaveCount(1);
  await expect(page.getByTestId('story-list')).toContainText(edited);

  // After a reload the draft, its confirmations and the set-aside boilerplate are all still there.
  await page.getByTestId('import-panel-close').click();
  await page.reload();
  await expect(page.getByTestId('headline-input')).toHaveValue(edited);
  await page.getByTestId('import-show').click();
  await expect(page.getByTestId('import-panel')).toContainText('확인함');
  await expect(page.getByTestId('import-aside-contact')).toContainText('사무관 김철수 (044-202-4931)');
});

test('an HWPX picked in the file dialog opens as a draft without confirming, its proposals still to check', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByTestId('import-file').setInputFiles({ name: '양자전략.hwpx', mimeType: 'application/hwp+zip', buffer: await makeHwpx() });
  await expect(page.getByTestId('import-proposal-headline')).toHaveValue(RELEASE.title);
  await page.getByRole('button', { name: '확인하지 않고 열기' }).click();
  await expect(page.getByTestId('headline-input')).toHaveValue(RELEASE.title);
  await expect(page.getByTestId('import-panel').getByRole('button', { name: '확인', exact: true })).toHaveCount(4);
});

test('after 확인하고 기사 열기 the panel shows the story as it now is and drops the warnings the reporter fixed', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  // A masthead, a 보도시점 without a time and a lead that names no ministry: two warnings.
  const p = (text: string) => `<hp:p><hp:run><hp:t>${text}</hp:t></hp:run></hp:p>`;
  const section =
    '<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">' +
    ['보 도 자 료', '보도시점: 2026. 2. 10.(화)', RELEASE.title, '□ 정부는 10일 양자기술 전략을 발표했다.'].map(p).join('') +
    '</hs:sec>';
  const buffer = await makeHwpx({ extra: { 'Contents/section0.xml': Buffer.from(section) } });
  await page.getByTestId('import-file').setInputFiles({ name: '양자전략.hwpx', mimeType: 'application/hwp+zip', buffer });
  const panel = page.getByTestId('import-panel');
  // The conversion worker's cold start on a busy machine can outlast the default 5 s.
  await expect(panel.getByTestId('import-proposal-headline')).toHaveValue(RELEASE.title, { timeout: 20_000 });
  await expect(panel.getByTestId('import-warnings').locator('li')).toHaveCount(2);

  await panel.getByTestId('import-proposal-sourceAttribution').fill(RELEASE.issuer);
  await expect(panel.getByTestId('import-warnings')).not.toContainText('뉴스출처');
  await panel.getByTestId('import-confirm-open').click();

  await expect(page.getByTestId('source-input')).toHaveValue(RELEASE.issuer);
  await expect(panel.getByTestId('import-proposal-sourceAttribution')).toHaveText(RELEASE.issuer);
  await expect(panel.getByTestId('import-warnings')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('import-panel-after-open.png') });

  // A headline changed in the editor shows in the panel once it is saved.
  await page.getByTestId('headline-input').fill('양자컴퓨터 5년 앞당긴다');
  await expect(panel.getByTestId('import-proposal-headline')).toHaveText('양자컴퓨터 5년 앞당긴다');
});

test('a real ministry release in HWP 5 picked in the file dialog opens as a clean draft', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  const buffer = readFileSync(new URL('../fixtures/hwp/농식품부_펫푸드_보도자료.hwp', import.meta.url));
  await page.getByTestId('import-file').setInputFiles({ name: '농식품부_펫푸드_보도자료.hwp', mimeType: 'application/x-hwp', buffer });
  const panel = page.getByTestId('import-panel');
  // The first file of a run waits for the untrusted-file worker to load its readers.
  await expect(panel.getByTestId('import-proposal-headline')).toHaveValue('농식품부, 2027년 펫푸드 수출액 5억불 달성을 위한 지원 본격 추진!', {
    timeout: 30_000,
  });
  await expect(panel.getByTestId('import-proposal-sourceAttribution')).toHaveValue('농림축산식품부');
  await expect(panel.getByTestId('import-aside-contact')).toContainText('김현우');
  await page.screenshot({ path: test.info().outputPath('hwp-import-panel.png') });
  await panel.getByTestId('import-confirm-open').click();
  await expect(page.getByTestId('source-input')).toHaveValue('농림축산식품부');
  await expect(page.getByTestId('body-editor')).toContainText('충북 음성 우리와(주) 펫푸드 생산공장을 방문하여');
  await expect(page.getByTestId('body-editor')).not.toContainText('044-201-2651');
  await page.screenshot({ path: test.info().outputPath('hwp-imported-draft.png') });
  // The 정책브리핑 banner and 공공누리 mark under the release are not photos of the story.
  await expect(page.getByTestId('photo-block')).toHaveCount(0);
});

test('a file that is not a press release is refused with a reason and no story appears', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await dropFiles(page, '[data-testid="story-list"]', [
    {
      name: '예전문서.hwp',
      type: 'application/x-hwp',
      bytes: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]),
    },
  ]);
  await expect(page.getByTestId('import-error')).toContainText('HWPX');
  await expect(page.getByTestId('queue-count')).toHaveText('0');
});
