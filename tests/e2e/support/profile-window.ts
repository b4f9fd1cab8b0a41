import type { Browser, Page } from '@playwright/test';

/** A window of web mode at `url` with `profileId` already picked (as if picked there earlier). */
export async function openAsProfile(browser: Browser, url: string, profileId: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
  await context.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), profileId);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}
