import type { Browser, Page } from '@playwright/test';

/** A browser of its own for one person: its own cookies, so each signs in as themself. */
export async function browserAt(browser: Browser): Promise<Page> {
  // The certificate is the test's own, self-signed: this context trusts it as an installed one would be.
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 }, ignoreHTTPSErrors: true });
  return context.newPage();
}

/** Fills in the newsroom server's sign-in page at its origin and presses 로그인. */
export async function signIn(page: Page, server: { origin: string }, login: string, password: string): Promise<void> {
  await page.goto(server.origin);
  await page.getByLabel('아이디').fill(login);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
}

/** Makes the newsroom's first account (a 편집국장) through the one-time link the server printed. */
export async function setUpFirstAccount(page: Page, server: { setupUrl: string }, who: { name: string; login: string; password: string }): Promise<void> {
  await page.goto(server.setupUrl);
  await page.getByLabel('이름').fill(who.name);
  await page.getByLabel('아이디').fill(who.login);
  await page.getByLabel('비밀번호 (10자 이상)').fill(who.password);
  await page.getByRole('button', { name: '계정 만들기' }).click();
}
