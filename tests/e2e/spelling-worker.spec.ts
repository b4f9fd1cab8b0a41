import { expect, test } from '@playwright/test';
import { useWorkstation } from './support/workstation';

const ws = useWorkstation();

/**
 * The spelling worker in a real browser under the app's own CSP: the built check page starts the
 * worker, the worker fetches dictionary-ko's files as assets and runs hunspell's wasm, and a sentence
 * comes back with the typo flagged and suggested and the solid compound and its particle let through.
 */
test('the spelling worker loads the Korean dictionary in web mode and flags 디랙터, not 과학기술정보통신부는', async ({ page }) => {
  // Loading an 11 MB affix file into wasm takes seconds on a loaded machine.
  test.setTimeout(150_000);
  await ws.start();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(ws.server.url);
  await page.goto(`${ws.server.origin}/spelling-check.html`);
  await expect(page.getByRole('status')).toHaveText('준비되었습니다.', { timeout: 100_000 });

  await page.getByLabel('문장').fill('과학기술정보통신부는 미국 연구소의 디랙터와 협력방안을 논의했다.');
  await page.getByRole('button', { name: '검사' }).click();
  await expect(page.getByRole('status')).toHaveText('틀린 낱말 1개');
  const finding = page.locator('#spelling-findings li');
  await expect(finding).toHaveAttribute('data-word', '디랙터와');
  expect((await finding.getAttribute('data-suggestions'))?.split(' ')[0]).toBe('디렉터와');
  await expect(page.locator('#spelling-findings li[data-word="과학기술정보통신부는"]')).toHaveCount(0);
  expect(violations).toEqual([]);
});
