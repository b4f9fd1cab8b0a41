import { expect, test } from '@playwright/test';
import type { CallContext } from '../../shared/call-context';
import { callApi } from './support/api';
import { filedArticle } from './support/filed-article';
import { openAsProfile } from './support/profile-window';
import { useWorkstation } from './support/workstation';

/**
 * The review screen decides by itself, from the keyboard: S 검토 시작, R 반려 (the reason first), A 승인,
 * shown on the buttons; letters typed in a field or the editor decide nothing.
 */
const ws = useWorkstation();

const api = <T>(method: string, input: unknown, context?: CallContext) => callApi<T>(ws.server, method, input, context);

test('the desk decides from the review screen with keys: S starts, R asks the reason, A approves; letters typed in a field decide nothing', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await ws.start();
  const reporter = await api<{ id: string }>('profiles.create', { name: '김기자', email: '', role: 'reporter' });
  const chief = await api<{ id: string }>('profiles.create', { name: '최국장', email: '', role: 'chief' });
  await filedArticle(ws.server, reporter.id, { headline: '반려될 기사', section: 'IT/과학', body: '반려될 기사의 본문이다.' });
  await filedArticle(ws.server, reporter.id, { headline: '승인될 기사', section: 'IT/과학', body: '승인될 기사의 본문이다.' });
  const page = await openAsProfile(browser, ws.server.url, chief.id);
  await page.getByTestId('queue-tab-desk').click();
  const rows = page.getByTestId('desk-queue-row');
  const review = page.getByTestId('review-screen');

  await rows.filter({ hasText: '반려될 기사' }).click();
  await page.getByTestId('workflow-review').click();
  await expect(review.getByTestId('review-start')).toHaveAttribute('aria-keyshortcuts', 'S');
  await expect(review.getByTestId('review-start')).toHaveText('S 검토 시작');
  // A modified key is the browser's, not a decision.
  await page.keyboard.press('Control+s');
  await page.keyboard.press('Shift+S');
  await expect(page.getByTestId('workflow-state')).toHaveText('송고');
  await page.keyboard.press('s');
  await expect(page.getByTestId('workflow-state')).toHaveText('데스크 검토 중');
  await expect(review.getByTestId('review-approve')).toHaveText('A 승인');
  await expect(review.getByTestId('review-return')).toHaveAttribute('aria-keyshortcuts', 'R');
  if (process.env.BYLINE_DESK_SHOT) await page.screenshot({ path: `${process.env.BYLINE_DESK_SHOT}-review-keys.png` });

  // R opens the reason; the letters of the reason (an "a" among them) approve nothing; Ctrl+Enter returns.
  await page.keyboard.press('r');
  await expect(review.getByTestId('review-return-reason')).toBeFocused();
  await page.keyboard.type('a date is missing');
  await expect(page.getByTestId('workflow-state')).toHaveText('데스크 검토 중');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('workflow-state')).toHaveText('반려');
  await expect(review.getByTestId('review-state')).toHaveText('반려');
  await page.keyboard.press('a');
  await expect(page.getByTestId('workflow-state')).toHaveText('반려');
  await review.getByTestId('review-close').click();

  await rows.filter({ hasText: '승인될 기사' }).click();
  await expect(page.getByTestId('headline-input')).toHaveValue('승인될 기사');
  await page.getByTestId('workflow-review').click();
  await expect(review.locator('.review__headline')).toHaveText('승인될 기사');
  await page.keyboard.press('s');
  await expect(review.getByTestId('review-approve')).toBeVisible();
  await page.keyboard.press('a');
  await expect(page.getByTestId('workflow-state')).toHaveText('승인');
  await review.getByTestId('review-close').click();
  // Each decision went to the story its screen showed.
  await expect(page.getByTestId('queue-tab-count-approved')).toHaveText('1');
  const listed = await api<{ items: Array<{ headline: string; state: string }> }>('articles.list', {});
  expect(listed.items.map((a) => [a.headline, a.state]).sort()).toEqual([
    ['반려될 기사', 'returned'],
    ['승인될 기사', 'approved'],
  ]);
  await page.context().close();
});
