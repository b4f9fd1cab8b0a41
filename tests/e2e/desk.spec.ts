import { expect, test, type Browser, type Page } from '@playwright/test';
import type { CallContext } from '../../shared/call-context';
import { callApi } from './support/api';
import { filedArticle } from './support/filed-article';
import { openAsProfile } from './support/profile-window';
import { useWorkstation } from './support/workstation';

/**
 * The desk, end to end: two browsers (separate contexts, so separate picked profiles) on one web-mode
 * server. The reporter writes and files; the desk takes the story up, edits it, comments on a passage
 * and returns it with a reason; the reporter sees the reason, fixes the story and files it again; the
 * desk approves. Every step is checked on both screens and in the story's history.
 */

const ws = useWorkstation();

/** Moves made in one window reach the other as events (article.changed), with no polling; this is room for a slow CI machine. */
const ACROSS = { timeout: 15_000 };

const HEADLINE = '배경훈 장관은 뉴욕서 양자 협력 논의';
const DESK_HEADLINE = '배경훈 장관이 뉴욕서 양자 협력 논의';
const LEAD = '과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문해 브룩헤이븐 국립연구소와 양자기술 협력을 논의했다.';
const QUOTE = '브룩헤이븐 국립연구소';
const REASON = '리드에 방문 일자를 넣고, 연구소 정식 명칭을 확인하세요.';

async function openAs(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(ws.server.url);
  await expect(page.getByRole('heading', { name: /내 기사/ })).toBeVisible();
  return page;
}

async function addProfile(page: Page, p: { name: string; email: string; role: 'reporter' | 'desk'; sections?: string[] }): Promise<void> {
  await page.getByTestId('profile-button').click();
  const picker = page.getByTestId('profile-picker');
  await expect(picker).toBeVisible();
  if (!(await picker.getByTestId('profile-form').isVisible())) await picker.getByTestId('profile-add').click();
  await picker.getByTestId('profile-name').fill(p.name);
  await picker.getByTestId('profile-email').fill(p.email);
  await picker.getByTestId('profile-role').selectOption(p.role);
  for (const s of p.sections ?? []) await picker.getByLabel(s, { exact: true }).check();
  await picker.getByTestId('profile-create').click();
  await expect(picker).toHaveCount(0);
  await expect(page.getByTestId('profile-button')).toHaveText(`${p.name} · ${p.role === 'desk' ? '데스크' : '기자'}`);
}

async function typeBody(page: Page, text: string): Promise<void> {
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

async function saved(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');
}

/** Selects `quote` inside `testId`'s text the way a mouse drag leaves it, then lets go of the button. */
async function selectPassage(page: Page, testId: string, quote: string): Promise<void> {
  await page.getByTestId(testId).evaluate((root, q) => {
    const text = root.textContent ?? '';
    const start = text.indexOf(q);
    if (start < 0) throw new Error(`no ${q} in ${text}`);
    const range = document.createRange();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let pos = 0;
    let startSet = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.textContent?.length ?? 0;
      if (!startSet && start < pos + len) {
        range.setStart(node, start - pos);
        startSet = true;
      }
      if (startSet && start + q.length <= pos + len) {
        range.setEnd(node, start + q.length - pos);
        break;
      }
      pos += len;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, quote);
}

test('reporter files, desk returns with a reason, reporter fixes and refiles, desk approves', async ({ browser }) => {
  test.setTimeout(150_000);
  await ws.start();
  const reporter = await openAs(browser);
  const desk = await openAs(browser);
  await addProfile(reporter, { name: '김기자', email: 'kim@example.com', role: 'reporter' });
  await addProfile(desk, { name: '박데스크', email: 'park@example.com', role: 'desk', sections: ['IT/과학'] });

  // ---- The reporter writes. A first Ctrl+Enter lists every field still missing, and files nothing.
  await reporter.getByRole('button', { name: '새 기사' }).click();
  await expect(reporter.getByTestId('workflow-state')).toHaveText('작성 중');
  await reporter.getByTestId('story-type-select').selectOption('press_release');
  await reporter.getByTestId('body-editor').click();
  await reporter.keyboard.press('Control+Enter');
  const problems = reporter.getByTestId('submit-problems');
  await expect(problems).toBeVisible();
  await expect(problems.locator('li')).toHaveText([/^제목/, /^본문/, /^뉴스출처/]);
  await expect(reporter.getByTestId('workflow-state')).toHaveText('작성 중');

  await reporter.getByTestId('headline-input').fill(HEADLINE);
  await reporter.getByTestId('section-select').selectOption('IT/과학');
  await reporter.getByTestId('source-input').fill('과학기술정보통신부');
  await typeBody(reporter, LEAD);
  // The byline came from the profile.
  await expect(reporter.getByTestId('byline-row').first().getByLabel('이름')).toHaveValue('김기자');
  await reporter.getByTestId('workflow-priority').selectOption('1');
  await reporter.getByTestId('body-editor').click();
  await reporter.keyboard.press('Control+Enter');
  await expect(reporter.getByTestId('workflow-state')).toHaveText('송고');
  // Nothing is missing; what may be listed is 맞춤법's doubt about a name (브룩헤이븐), which never holds a story back.
  const warnings = reporter.getByTestId('submit-problems');
  await expect(warnings.locator('li').filter({ hasNotText: /^맞춤법/ })).toHaveCount(0);
  if (await warnings.count()) await warnings.getByRole('button', { name: '닫기' }).click();
  await expect(warnings).toHaveCount(0);
  // Filed: the reporter cannot change it while it is with the desk.
  await expect(reporter.getByTestId('headline-input')).toHaveAttribute('readonly', '');
  await expect(reporter.getByTestId('edit-refusal')).toContainText('송고한 기사');

  // A second, plain story, filed after the first: the desk queue puts the higher priority first.
  await reporter.getByRole('button', { name: '새 기사' }).click();
  await reporter.getByTestId('headline-input').fill('두 번째 기사');
  await reporter.getByTestId('section-select').selectOption('IT/과학');
  await typeBody(reporter, '두 번째 기사의 본문이다.');
  await reporter.getByTestId('workflow-submit').click();
  await expect(reporter.getByTestId('workflow-state')).toHaveText('송고');

  // ---- The desk: the queue counts both, ordered by priority; the keyboard opens the first.
  await expect(desk.getByTestId('queue-tab-count-desk')).toHaveText('2', ACROSS);
  await desk.getByTestId('queue-tab-desk').click();
  const rows = desk.getByTestId('desk-queue-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(HEADLINE);
  await expect(rows.nth(0)).toContainText('중요');
  await expect(rows.nth(1)).toContainText('두 번째 기사');
  await desk.getByTestId('desk-queue-list').focus();
  await desk.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await desk.keyboard.press('ArrowUp');
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('headline-input')).toHaveValue(HEADLINE);
  await expect(desk.getByTestId('workflow-state')).toHaveText('송고');
  await desk.getByTestId('workflow-start-review').click();
  await expect(desk.getByTestId('workflow-state')).toHaveText('데스크 검토 중');
  await expect(desk.getByTestId('lock-holder')).toHaveText('잠금: 박데스크 데스크');

  // The reporter, on the first story, sees who holds it.
  await reporter.getByTestId('queue-tab-mine').click();
  await reporter
    .getByTestId('story-list')
    .getByRole('button', { name: new RegExp(HEADLINE.slice(0, 8)) })
    .click();
  await expect(reporter.getByTestId('lock-holder')).toHaveText('잠금: 박데스크 데스크', ACROSS);
  await expect(reporter.getByTestId('edit-refusal')).toContainText('박데스크');

  // ---- The desk edits: a particle in the headline, a sentence in the body.
  await desk.getByTestId('headline-input').fill(DESK_HEADLINE);
  await typeBody(desk, ' 데스크가 덧붙인 문장이다.');
  await saved(desk);

  // The review screen: the reporter's version against the desk's, character by character.
  await desk.getByTestId('workflow-review').click();
  const review = desk.getByTestId('review-screen');
  await expect(review).toBeVisible();
  await expect(review.getByTestId('diff-headline').locator('del')).toHaveText(['은']);
  await expect(review.getByTestId('diff-headline').locator('ins')).toHaveText(['이']);
  await expect(review.getByTestId('diff-body').locator('ins')).toHaveText([' 데스크가 덧붙인 문장이다.']);

  // A comment on a passage, then a return without a reason (refused), then with one.
  await review.getByTestId('review-tab-comment').click();
  await selectPassage(desk, 'annotate-body', QUOTE);
  await expect(review.getByTestId('anchored-comment-form')).toContainText(QUOTE);
  await review.getByTestId('anchored-comment-text').fill('정식 명칭은 ‘브룩헤이븐 국립연구소(BNL)’로.');
  await review.getByTestId('anchored-comment-post').click();
  await expect(review.getByTestId('review-comment')).toHaveCount(1);
  await expect(review.getByTestId('review-comment')).toContainText(QUOTE);
  await expect(review.getByTestId('annotate-body').locator('mark')).toHaveText(QUOTE);

  await review.getByTestId('review-return').click();
  await expect(review.getByRole('alert')).toContainText('반려 사유');
  await review.getByTestId('review-return-reason').fill(REASON);
  await review.getByTestId('review-return').click();
  await expect(desk.getByTestId('workflow-state')).toHaveText('반려');
  await desk.getByTestId('review-close').click();

  // ---- The reporter sees the reason and the comment, and may write again.
  await expect(reporter.getByTestId('workflow-state')).toHaveText('반려', ACROSS);
  await expect(reporter.getByTestId('return-reason')).toContainText(REASON);
  await expect(reporter.getByTestId('return-reason')).toContainText('박데스크');
  await expect(reporter.getByTestId('headline-input')).toHaveValue(DESK_HEADLINE);
  await reporter.getByTestId('workflow-review').click();
  await expect(reporter.getByTestId('review-comment')).toContainText('브룩헤이븐 국립연구소(BNL)');
  await reporter.getByTestId('review-close').click();

  await expect(reporter.getByTestId('headline-input')).not.toHaveAttribute('readonly');
  await typeBody(reporter, ' 방문은 3일(현지시간) 이뤄졌다.');
  await reporter.getByTestId('source-input').fill('과학기술정보통신부 국제협력관');
  await saved(reporter);
  // Writing again took it back to draft; the reason stays in sight until it is filed again.
  await expect(reporter.getByTestId('workflow-state')).toHaveText('작성 중');
  await expect(reporter.getByTestId('return-reason')).toContainText(REASON);
  await reporter.getByTestId('body-editor').click();
  await reporter.keyboard.press('Control+Enter');
  await expect(reporter.getByTestId('workflow-state')).toHaveText('송고');
  await expect(reporter.getByTestId('return-reason')).toHaveCount(0);

  // ---- The desk takes it up again: the review compares what it returned with what came back.
  await expect(desk.getByTestId('workflow-state')).toHaveText('송고', ACROSS);
  await desk.getByTestId('workflow-start-review').click();
  await expect(desk.getByTestId('body-editor')).toContainText('방문은 3일(현지시간) 이뤄졌다.');
  await desk.getByTestId('workflow-review').click();
  const again = desk.getByTestId('review-screen');
  await expect(again.getByTestId('review-versions')).toHaveText(/^반려한 v\d+ → 다시 송고한 v\d+ → 현재 v\d+$/);
  await expect(again.getByTestId('diff-body').locator('ins')).toHaveText([' 방문은 3일(현지시간) 이뤄졌다.']);
  await expect(again.getByTestId('diff-headline')).toContainText('(변경 없음)');
  await expect(again.getByTestId('diff-source').locator('ins')).toHaveText([' 국제협력관']);
  await expect(again.getByTestId('diff-section')).toHaveCount(0);
  // Any two versions from 저장 기록: the first filing against now shows the desk's particle and both additions.
  const firstFiled = again.getByTestId('review-pick-before').locator('option', { hasText: '송고' }).last();
  await again.getByTestId('review-pick-before').selectOption((await firstFiled.getAttribute('value'))!);
  await expect(again.getByTestId('diff-headline').locator('ins')).toHaveText(['이']);
  await expect(again.getByTestId('diff-body').locator('ins')).toHaveText([' 데스크가 덧붙인 문장이다. 방문은 3일(현지시간) 이뤄졌다.']);
  await desk.getByTestId('review-close').click();
  await desk.getByTestId('workflow-approve').click();
  await expect(desk.getByTestId('workflow-state')).toHaveText('승인');
  await expect(desk.getByTestId('queue-tab-count-approved')).toHaveText('1');
  await expect(desk.getByTestId('queue-tab-count-desk')).toHaveText('1');

  await expect(reporter.getByTestId('workflow-state')).toHaveText('승인', ACROSS);
  await expect(reporter.getByTestId('lock-holder')).toHaveCount(0);

  // The history, on either screen: every move, who made it, and the reason.
  await reporter.getByTestId('workflow-review').click();
  const history = reporter.getByTestId('workflow-history').locator('li');
  await expect(history).toHaveCount(7);
  await expect(history.locator('strong')).toHaveText(['송고', '검토 시작', '반려', '다시 쓰기', '송고', '검토 시작', '승인']);
  await expect(history.nth(0)).toContainText('김기자 기자');
  await expect(history.nth(2)).toContainText('박데스크 데스크');
  await expect(history.nth(2)).toContainText(REASON);
  await expect(history.nth(6)).toContainText('데스크 검토 중 → 승인');

  await reporter.context().close();
  await desk.context().close();
});

/** Web mode's API, as another workstation would call it (setup only; the screens are what is tested). */
const api = <T>(method: string, input: unknown, context?: CallContext) => callApi<T>(ws.server, method, input, context);

test('the editor-in-chief takes over a lock; the queue shows the lock and the embargo; the history records it', async ({ browser }) => {
  test.setTimeout(90_000);
  await ws.start();
  type P = { id: string };
  const reporter = await api<P>('profiles.create', { name: '김기자', email: '', role: 'reporter' });
  const desk = await api<P>('profiles.create', { name: '박데스크', email: '', role: 'desk', sections: ['IT/과학'] });
  const chief = await api<P>('profiles.create', { name: '최국장', email: '', role: 'chief' });
  const created = await api<{ id: string; bylines: unknown[] }>('articles.create', { section: 'IT/과학' }, { actorId: reporter.id });
  const embargoAt = new Date(Date.now() + 6 * 3_600_000).toISOString();
  const body = {
    root: { type: 'root', children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: '엠바고가 걸린 보도자료 기사 본문.' }] }] },
  };
  const fields = {
    headline: '엠바고 기사',
    deck: '',
    section: 'IT/과학',
    body,
    storyType: 'straight',
    bylines: created.bylines,
    sourceAttribution: '',
    tags: [],
    summary: '',
    slug: '',
    embargoAt,
    deskNote: '',
    leadPhoto: null,
  };
  const saved = await api<{ version: number }>('articles.save', { id: created.id, baseVersion: 1, fields }, { actorId: reporter.id });
  await api('workflow.submit', { id: created.id, version: saved.version }, { actorId: reporter.id });
  await api('workflow.startReview', { id: created.id }, { actorId: desk.id });

  const deskPage = await openAsProfile(browser, ws.server.url, desk.id);
  const chiefPage = await openAsProfile(browser, ws.server.url, chief.id);
  await expect(chiefPage.getByTestId('profile-button')).toHaveText('최국장 · 편집국장');

  await chiefPage.getByTestId('queue-tab-desk').click();
  const row = chiefPage.getByTestId('desk-queue-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('desk-queue-lock')).toHaveText('잠금: 박데스크');
  await expect(row.getByTestId('desk-queue-embargo')).toContainText('해제 전');
  await row.click();
  await expect(chiefPage.getByTestId('lock-holder')).toHaveText('잠금: 박데스크 데스크');
  await expect(chiefPage.getByTestId('workflow-approve')).toHaveCount(0);

  await deskPage.getByTestId('queue-tab-desk').click();
  await deskPage.getByTestId('desk-queue-row').click();
  await expect(deskPage.getByTestId('workflow-approve')).toBeVisible();

  await chiefPage.getByTestId('workflow-take-lock').click();
  await expect(chiefPage.getByTestId('lock-holder')).toHaveText('잠금: 최국장 편집국장');
  await expect(chiefPage.getByTestId('workflow-approve')).toBeVisible();

  // The desk editor's screen follows: the lock is gone from them, and so are the decisions.
  await expect(deskPage.getByTestId('lock-holder')).toHaveText('잠금: 최국장 편집국장', ACROSS);
  await expect(deskPage.getByTestId('workflow-approve')).toHaveCount(0);
  await expect(deskPage.getByTestId('headline-input')).toHaveAttribute('readonly', '');

  await chiefPage.getByTestId('workflow-review').click();
  const last = chiefPage.getByTestId('workflow-history').locator('li').last();
  await expect(last).toContainText('잠금 인수');
  await expect(last).toContainText('최국장 편집국장');
  await expect(last).toContainText('박데스크 데스크에게서 잠금을 가져옴');

  await deskPage.context().close();
  await chiefPage.context().close();
});

test('the preview follows the story picked in the queue: the pane never shows one story while the buttons act on another', async ({ browser }) => {
  await ws.start();
  const reporter = await api<{ id: string }>('profiles.create', { name: '김기자', email: '', role: 'reporter' });
  const chief = await api<{ id: string }>('profiles.create', { name: '최국장', email: '', role: 'chief' });
  await filedArticle(ws.server, reporter.id, { headline: '가 기사 제목', section: 'IT/과학', body: '가 기사의 본문이다.' });
  await filedArticle(ws.server, reporter.id, { headline: '나 기사 제목', section: 'IT/과학', body: '나 기사의 본문이다.' });
  const page = await openAsProfile(browser, ws.server.url, chief.id);
  await page.getByTestId('queue-tab-desk').click();
  const rows = page.getByTestId('desk-queue-row');
  await rows.filter({ hasText: '가 기사 제목' }).click();
  await page.getByTestId('preview-toggle').click();
  const preview = page.getByTestId('preview');
  await expect(preview.locator('h1')).toHaveText('가 기사 제목');

  await rows.filter({ hasText: '나 기사 제목' }).click();
  await expect(preview.locator('h1')).toHaveText('나 기사 제목');
  await expect(preview).toContainText('나 기사의 본문이다.');
  await expect(preview).not.toContainText('가 기사');
  await expect(page.getByTestId('preview-toggle')).toHaveAttribute('aria-pressed', 'true');
  if (process.env.BYLINE_DESK_SHOT) await page.screenshot({ path: `${process.env.BYLINE_DESK_SHOT}-preview.png` });
  await page.getByTestId('preview-toggle').click();
  await expect(page.getByTestId('headline-input')).toHaveValue('나 기사 제목');
  await page.context().close();
});

test('a desk editor outside the story’s section is told why there is no 검토 시작', async ({ browser }) => {
  await ws.start();
  const reporter = await api<{ id: string }>('profiles.create', { name: '김기자', email: '', role: 'reporter' });
  const desk = await api<{ id: string }>('profiles.create', { name: '박데스크', email: '', role: 'desk', sections: ['IT/과학'] });
  await filedArticle(ws.server, reporter.id, { headline: '금리 동결 기사', section: '경제', body: '한국은행이 기준금리를 동결했다.' });
  await filedArticle(ws.server, reporter.id, { headline: '양자 기술 기사', section: 'IT/과학', body: '양자 기술 협력을 논의했다.' });
  const page = await openAsProfile(browser, ws.server.url, desk.id);
  await page.getByTestId('queue-tab-desk').click();
  await page.getByTestId('desk-queue-section').selectOption('경제');
  await page.getByTestId('desk-queue-row').filter({ hasText: '금리 동결 기사' }).click();
  await expect(page.getByTestId('workflow-state')).toHaveText('송고');
  await expect(page.getByTestId('section-refusal')).toHaveText(
    '이 기사의 섹션(경제)은 내 담당(IT/과학)이 아닙니다. 이 섹션의 데스크나 편집국장이 검토하고 출고합니다.',
  );
  await expect(page.getByTestId('workflow-start-review')).toHaveCount(0);
  if (process.env.BYLINE_DESK_SHOT) await page.screenshot({ path: `${process.env.BYLINE_DESK_SHOT}-section.png` });

  // In the desk's own section the button is there, and no reason.
  await page.getByTestId('desk-queue-section').selectOption('IT/과학');
  await page.getByTestId('desk-queue-row').filter({ hasText: '양자 기술 기사' }).click();
  await expect(page.getByTestId('workflow-start-review')).toBeVisible();
  await expect(page.getByTestId('section-refusal')).toHaveCount(0);
  await page.context().close();
});
