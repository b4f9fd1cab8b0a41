/**
 * `npm run screenshot`: the README's picture of the workstation, taken from the real app in web mode
 * with the seed story typed in, never drawn by hand.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import config, { CHROMIUM_PATH } from './playwright.config';
import { seed, typedBody } from '../fixtures/seed';
import { makePhoto, withXmp, xmpPacket } from './support/photos';
import { makeDataDir, startWebMode } from './support/web-server';

const here = path.dirname(fileURLToPath(import.meta.url));
const data = makeDataDir();
const server = await startWebMode(data.dir);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: config.use?.launchOptions?.args });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: 'ko-KR' });
  await page.goto(server.url);
  for (const headline of ['국회 본회의, 내년도 예산안 처리', '서울 아침 최저 영하 5도…출근길 빙판 주의']) {
    await page.getByRole('button', { name: '새 기사' }).click();
    await page.getByTestId('headline-input').fill(headline);
    await page.getByTestId('save-button').click();
  }
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill(seed.headline);
  await page.getByTestId('deck-input').fill(seed.deck);
  await page.getByTestId('section-select').selectOption(seed.section);
  await page.getByTestId('story-type-select').selectOption('press_release');
  await page.getByTestId('source-input').fill(seed.sourceAttribution);
  await page.getByTestId('tags-input').fill('양자, 과기정통부, 한미협력');
  await page.getByTestId('body-editor').click();
  // The agency credit "(포탈뉴스통신)" is added at export, not typed by the reporter.
  for (const [i, paragraph] of typedBody.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
  // A lead photo with its caption and credit read from the file's XMP, as an agency photo arrives.
  const photo = withXmp(
    await makePhoto(page, { width: 1600, height: 900, label: 'BNL · 양자' }),
    xmpPacket({ caption: '브룩헤이븐 국립연구소 전자-이온 충돌기 건설 현장', credit: '과학기술정보통신부 제공', creator: '과학기술정보통신부' }),
  );
  await page.getByTestId('lead-file-input').setInputFiles({ name: 'bnl.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByTestId('lead-caption').waitFor();
  await page.keyboard.press('Control+s');
  await page.getByTestId('save-status').filter({ hasText: '저장됨' }).waitFor();
  await page.locator('.article').evaluate((el) => el.scrollTo(0, 0));
  await page.waitForTimeout(400);
  const out = path.join(here, 'screenshots', 'workstation.png');
  await page.screenshot({ path: out });
  console.log(`screenshot: ${path.relative(process.cwd(), out)}`);
  await page.getByTestId('preview-toggle').click();
  const preview = path.join(here, 'screenshots', 'preview.png');
  await page.screenshot({ path: preview });
  console.log(`screenshot: ${path.relative(process.cwd(), preview)}`);
  // 환경설정 on its 출고 대상 page, a WordPress site being added, as a newsroom's first setup looks.
  await page.getByTestId('preview-toggle').click();
  await page.getByRole('button', { name: '환경설정' }).click();
  await page.getByTestId('settings-page-targets').click();
  await page.getByTestId('target-add').click();
  await page.getByTestId('target-kind').selectOption('wordpress');
  await page.getByTestId('target-name').fill('포탈뉴스 홈페이지');
  await page.getByTestId('target-url').fill('https://www.example.com');
  await page.getByTestId('target-username').fill('desk');
  const settingsShot = path.join(here, 'screenshots', 'settings.png');
  await page.screenshot({ path: settingsShot });
  console.log(`screenshot: ${path.relative(process.cwd(), settingsShot)}`);
} finally {
  await browser.close();
  await server.stop();
  data.remove();
}
