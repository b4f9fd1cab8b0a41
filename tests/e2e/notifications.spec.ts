import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Profile } from '../../shared/profiles';
import { callApi } from './support/api';
import { filedArticle } from './support/filed-article';
import { useWorkstation } from './support/workstation';

/**
 * 알림, end to end: two browsers (separate contexts, separate picked profiles) on one web-mode server.
 * The desk returns the reporter's story with a reason from the review screen; the reporter's bell counts
 * it live, with no reload, and the notice opens the story with the reason on it.
 */

const ws = useWorkstation();
const ACROSS = { timeout: 15_000 };
const HEADLINE = '배경훈 장관, 뉴욕서 한미 양자기술 협력 논의';
const REASON = '리드에 방문 일자를 넣고, 연구소 정식 명칭을 확인하세요.';
const SHOTS = '/tmp/shots/notify';

async function openAsProfile(browser: Browser, profileId: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } });
  await context.grantPermissions(['notifications'], { origin: ws.server.origin });
  await context.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), profileId);
  // The browser's own Notification, recorded on the way: which desktop notifications the page made.
  await context.addInitScript(() => {
    const Real = window.Notification;
    const shown: Array<{ title: string; body?: string }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body });
      }
    };
  });
  const page = await context.newPage();
  await page.goto(ws.server.url);
  await expect(page.getByRole('heading', { name: /내 기사/ })).toBeVisible();
  return page;
}

test('the desk returns a story; the reporter’s bell counts it live and opens the story with the reason', async ({ browser }) => {
  test.setTimeout(150_000);
  await ws.start();
  const kim = await callApi<Profile>(ws.server, 'profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' });
  const park = await callApi<Profile>(ws.server, 'profiles.create', { name: '박데스크', email: '', role: 'desk', sections: ['IT/과학'] });
  const story = await filedArticle(ws.server, kim.id, {
    headline: HEADLINE,
    section: 'IT/과학',
    body: '과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.',
  });
  await callApi(ws.server, 'workflow.startReview', { id: story.id }, { actorId: park.id });

  const reporter = await openAsProfile(browser, kim.id);
  const desk = await openAsProfile(browser, park.id);
  // Nothing yet: filing and the desk taking it up are not news to the reporter.
  await expect(reporter.getByTestId('notify-bell')).toBeVisible();
  await expect(reporter.getByTestId('notify-count')).toHaveCount(0);

  await desk
    .getByTestId('story-list')
    .getByRole('button', { name: new RegExp(HEADLINE.slice(0, 8)) })
    .click();
  await desk.getByTestId('workflow-review').click();
  const review = desk.getByTestId('review-screen');
  await review.getByTestId('review-return').click();
  await review.getByTestId('review-return-reason').fill(REASON);
  await review.getByTestId('review-return').click();
  await expect(desk.getByTestId('workflow-state')).toHaveText('반려');
  // The desk returned it: their own bell stays quiet.
  await expect(desk.getByTestId('notify-count')).toHaveCount(0);

  await expect(reporter.getByTestId('notify-count')).toHaveText('1', ACROSS);
  await expect(reporter.getByTestId('notify-bell')).toHaveAccessibleName('알림 1건 안 읽음');
  await reporter.screenshot({ path: `${SHOTS}/bell.png` });
  await reporter.getByTestId('notify-bell').click();
  const panel = reporter.getByTestId('notify-panel');
  const item = panel.getByTestId('notify-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('박데스크 님이 기사를 반려했습니다');
  await expect(item).toContainText(HEADLINE);
  await expect(item).toContainText(REASON);
  await expect(item.locator('time')).toHaveText(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}$/);
  // Desktop notifications: asked for only when switched on (granted here), remembered for this person.
  await expect(panel.getByTestId('notify-desktop')).not.toBeChecked();
  await panel.getByTestId('notify-desktop').check();
  await expect(panel.getByTestId('notify-desktop')).toBeChecked();
  await reporter.screenshot({ path: `${SHOTS}/panel.png` });

  await item.click();
  await expect(panel).toHaveCount(0);
  await expect(reporter.getByTestId('headline-input')).toHaveValue(HEADLINE);
  await expect(reporter.getByTestId('return-reason')).toContainText(REASON);
  await expect(reporter.getByTestId('notify-count')).toHaveCount(0);
  await reporter.screenshot({ path: `${SHOTS}/opened.png` });

  // Read is read after a reload too, and the switch stayed on.
  await reporter.reload();
  await expect(reporter.getByTestId('notify-bell')).toBeVisible();
  await expect(reporter.getByTestId('notify-count')).toHaveCount(0);

  // Switched on, the next notice is also a desktop notification; a comment's opens the review screen's comments.
  await callApi(ws.server, 'workflow.comment', { id: story.id, version: story.version, body: '연구소 이름은 정식 명칭으로.' }, { actorId: park.id });
  await expect(reporter.getByTestId('notify-count')).toHaveText('1', ACROSS);
  await expect
    .poll(() => reporter.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications))
    .toEqual([{ title: '박데스크 님이 기사에 의견을 달았습니다', body: `${HEADLINE}\n연구소 이름은 정식 명칭으로.` }]);
  await reporter.getByTestId('notify-bell').click();
  await expect(reporter.getByTestId('notify-desktop')).toBeChecked();
  await reporter.getByTestId('notify-item').first().click();
  await expect(reporter.getByTestId('review-screen')).toBeVisible();
  await expect(reporter.getByTestId('review-comment')).toContainText('연구소 이름은 정식 명칭으로.');
  await reporter.getByTestId('review-close').click();
  await reporter.getByTestId('notify-bell').click();
  await expect(reporter.getByTestId('notify-read-all')).toBeDisabled();
});
