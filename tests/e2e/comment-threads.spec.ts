import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Profile } from '../../shared/profiles';
import { callApi } from './support/api';
import { filedArticle } from './support/filed-article';
import { useWorkstation } from './support/workstation';

/**
 * Comments as conversations, end to end in two browsers on one web-mode server: the desk comments with
 * an @mention picked from the name list by keyboard, the reporter answers in the thread with a mention
 * picked the same way, the desk resolves the thread and opens it again.
 */

const ws = useWorkstation();
const SHOTS = process.env.BYLINE_SHOTS_DIR ?? '/tmp/shots/threads';
const HEADLINE = '배경훈 장관, 한미 양자기술 협력 가속화';

/** A window acting as `who`, picked the way the profile picker leaves it (this window's storage). */
async function openAs(browser: Browser, who: Profile): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } });
  await context.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), who.id);
  const page = await context.newPage();
  await page.goto(ws.server.url);
  await expect(page.getByTestId('profile-button')).toContainText(who.name);
  return page;
}

async function openReview(page: Page, queue: 'desk' | 'mine'): Promise<ReturnType<Page['getByTestId']>> {
  await page.getByTestId(`queue-tab-${queue}`).click();
  const name = new RegExp(HEADLINE.slice(0, 8));
  // 내 기사 lists stories as buttons; a desk queue is a listbox of options.
  const item = queue === 'mine' ? page.getByTestId('story-list').getByRole('button', { name }) : page.getByRole('option', { name });
  await item.click({ timeout: 15_000 });
  await page.getByTestId('workflow-review').click();
  const review = page.getByTestId('review-screen');
  await expect(review).toBeVisible();
  return review;
}

test('desk comments with an @mention, reporter replies picking a name by keyboard, desk resolves and reopens', async ({ browser }) => {
  test.setTimeout(180_000);
  await ws.start();
  const profile = (input: object) => callApi<Profile>(ws.server, 'profiles.create', { email: '', ...input });
  const kim = await profile({ name: '김기자', role: 'reporter' });
  await profile({ name: '김민지', role: 'reporter' });
  const park = await profile({ name: '박데스크', role: 'desk', sections: ['IT/과학'] });
  await profile({ name: '최국장', role: 'chief' });
  const story = await filedArticle(ws.server, kim.id, {
    headline: HEADLINE,
    section: 'IT/과학',
    body: '과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.',
  });
  await callApi(ws.server, 'workflow.startReview', { id: story.id }, { actorId: park.id });

  // ---- The desk writes a general note; @김 offers both 김s, the arrow keys move, Enter picks.
  const desk = await openAs(browser, park);
  const review = await openReview(desk, 'desk');
  const note = review.getByTestId('general-comment-text');
  await note.click();
  await desk.keyboard.type('@김');
  const list = review.getByTestId('mention-list');
  await expect(list.getByRole('option')).toHaveText([/김기자/, /김민지/]);
  await expect(note).toHaveAttribute('aria-activedescendant', (await list.getByRole('option').first().getAttribute('id'))!);
  await desk.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { name: /김민지/ })).toHaveAttribute('aria-selected', 'true');
  await desk.keyboard.press('ArrowUp');
  await desk.keyboard.press('Enter');
  await expect(list).toHaveCount(0);
  await desk.keyboard.type('리드에 방문 일자를 넣으세요. @없는사람 참고.');
  await expect(note).toHaveValue('@김기자 리드에 방문 일자를 넣으세요. @없는사람 참고.');
  await review.getByTestId('general-comment-post').click();
  const thread = review.getByTestId('review-comment');
  await expect(thread).toHaveCount(1);
  // A person who exists is a mention; an @ naming nobody stays text.
  await expect(thread.getByTestId('mention')).toHaveText(['@김기자']);

  // ---- The reporter answers in the thread; Esc closes only the list, not the review screen.
  const reporter = await openAs(browser, kim);
  const mine = await openReview(reporter, 'mine');
  await mine.getByTestId('thread-reply').click();
  const box = mine.getByTestId('thread-reply-text');
  await box.click();
  await reporter.keyboard.type('@박');
  await expect(mine.getByTestId('mention-list').getByRole('option')).toHaveText([/박데스크/]);
  await reporter.screenshot({ path: `${SHOTS}/mention-list.png` });
  // The thread, the reply box and its open list pass axe with nothing serious or critical.
  const scan = await new AxeBuilder({ page: reporter }).include('[data-testid="review-comments"]').analyze();
  expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  await reporter.keyboard.press('Escape');
  await expect(mine.getByTestId('mention-list')).toHaveCount(0);
  await expect(mine).toBeVisible();
  await reporter.keyboard.press('Backspace');
  await reporter.keyboard.type('박');
  await expect(mine.getByTestId('mention-list')).toBeVisible();
  await reporter.keyboard.press('Enter');
  await reporter.keyboard.type('님, 3일(현지시간)로 넣었습니다.');
  await mine.getByTestId('thread-reply-post').click();
  const reply = mine.getByTestId('review-reply');
  await expect(reply).toHaveCount(1);
  await expect(reply).toContainText('@박데스크 님, 3일(현지시간)로 넣었습니다.');
  await expect(reply.getByTestId('mention')).toHaveText(['@박데스크']);

  // ---- The desk, review screen still open, sees the reply arrive; resolves the thread and opens it again.
  await expect(review.getByTestId('review-reply')).toContainText('3일(현지시간)', { timeout: 15_000 });
  await review.screenshot({ path: `${SHOTS}/thread.png` });
  await review.getByTestId('thread-resolve').click();
  await expect(review.getByTestId('thread-resolved')).toContainText('박데스크');
  await expect(review.getByTestId('review-comment')).toHaveAttribute('data-resolved', 'true');
  await desk.screenshot({ path: `${SHOTS}/thread-resolved.png` });
  await review.getByTestId('thread-reopen').click();
  await expect(review.getByTestId('review-comment')).toHaveAttribute('data-resolved', 'false');
  await expect(review.getByTestId('review-comment')).toContainText('다시 엶: 박데스크');
  await expect(review.getByTestId('thread-resolve')).toBeVisible();
});
