import { expect, test, type Browser, type Page } from '@playwright/test';
import { useWorkstation } from './support/workstation';

/**
 * 송고 취소, 사본 만들기 and the 휴지통 end to end, in two browsers on one web-mode server: the reporter files
 * and recalls a story, copies it, discards the copy and restores it from the 휴지통, while the desk's window
 * shows the 휴지통 change as it happens (article.changed events, no reload).
 */

const ws = useWorkstation();
const ACROSS = { timeout: 15_000 };
const SHOTS = process.env.BYLINE_SHOTS_DIR ?? '/tmp/shots/trash';
const HEADLINE = '배경훈 장관, 한미 양자기술 협력 가속화';

async function openAs(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(ws.server.url);
  await expect(page.getByRole('heading', { name: /내 기사/ })).toBeVisible();
  return page;
}

async function addProfile(page: Page, p: { name: string; role: 'reporter' | 'desk'; sections?: string[] }): Promise<void> {
  await page.getByTestId('profile-button').click();
  const picker = page.getByTestId('profile-picker');
  if (!(await picker.getByTestId('profile-form').isVisible())) await picker.getByTestId('profile-add').click();
  await picker.getByTestId('profile-name').fill(p.name);
  await picker.getByTestId('profile-email').fill('');
  await picker.getByTestId('profile-role').selectOption(p.role);
  for (const s of p.sections ?? []) await picker.getByLabel(s, { exact: true }).check();
  await picker.getByTestId('profile-create').click();
  await expect(picker).toHaveCount(0);
}

test('recall a filed story, copy it, discard the copy, see it in the 휴지통 live and restore it', async ({ browser }) => {
  test.setTimeout(150_000);
  await ws.start();
  const reporter = await openAs(browser);
  const desk = await openAs(browser);
  await addProfile(reporter, { name: '김기자', role: 'reporter' });
  await addProfile(desk, { name: '박데스크', role: 'desk', sections: ['IT/과학'] });

  // ---- 송고 취소: filed, nobody has taken it up, the reporter takes it back.
  await reporter.getByRole('button', { name: '새 기사' }).click();
  await reporter.getByTestId('headline-input').fill(HEADLINE);
  await reporter.getByTestId('section-select').selectOption('IT/과학');
  await reporter.getByTestId('body-editor').click();
  await reporter.keyboard.insertText('과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문해 양자기술 협력을 논의했다.');
  await reporter.getByTestId('workflow-submit').click();
  await expect(reporter.getByTestId('workflow-state')).toHaveText('송고');
  await expect(desk.getByTestId('queue-tab-count-desk')).toHaveText('1', ACROSS);
  await expect(reporter.getByTestId('trash-discard')).toHaveCount(0);
  await reporter.screenshot({ path: `${SHOTS}/recall-button.png` });
  await reporter.getByTestId('workflow-recall').click();
  await expect(reporter.getByTestId('workflow-state')).toHaveText('작성 중');
  await expect(reporter.getByTestId('headline-input')).not.toHaveAttribute('readonly', '');
  await expect(reporter.getByTestId('workflow-recall')).toHaveCount(0);
  await expect(desk.getByTestId('queue-tab-count-desk')).toHaveText('0', ACROSS);

  // ---- 사본 만들기: a new draft of the reporter's, opened in the editor.
  await reporter.getByTestId('article-copy').click();
  await expect(reporter.getByTestId('headline-input')).toHaveValue(`[사본] ${HEADLINE}`);
  await expect(reporter.getByTestId('body-editor')).toContainText('양자기술 협력을 논의했다');
  await expect(reporter.getByTestId('workflow-state')).toHaveText('작성 중');
  await expect(reporter.getByTestId('story-list')).toContainText(`[사본] ${HEADLINE}`);
  await reporter.screenshot({ path: `${SHOTS}/copy-opened.png` });

  // ---- The desk watches the 휴지통, empty for now.
  await desk.getByTestId('queue-tab-trash').click();
  await expect(desk.getByTestId('trash-queue')).toContainText('휴지통이 비어 있습니다.');

  // ---- 휴지통으로: asked once more, then the copy is read-only with 되살리기, and gone from 내 기사.
  await reporter.getByTestId('trash-discard').click();
  await expect(reporter.getByTestId('trash-discard-confirm')).toContainText('30일 안에는 되살릴 수 있고');
  await reporter.screenshot({ path: `${SHOTS}/discard-confirm.png` });
  await reporter.getByTestId('trash-discard-yes').click();
  await expect(reporter.getByTestId('edit-refusal')).toContainText('휴지통에 있는 기사', ACROSS);
  await expect(reporter.getByTestId('headline-input')).toHaveAttribute('readonly', '');
  await expect(reporter.getByTestId('trash-restore')).toBeVisible();
  await expect(reporter.getByTestId('story-list')).not.toContainText('[사본]', ACROSS);
  await expect(reporter.getByTestId('story-list')).toContainText(HEADLINE);

  // The desk's 휴지통 shows it at once: who discarded it, and when it goes for good.
  const row = desk.getByTestId('trash-row');
  await expect(row).toHaveCount(1, ACROSS);
  await expect(row).toContainText(`[사본] ${HEADLINE}`);
  await expect(row.getByTestId('trash-row-by')).toContainText('버린 사람 김기자');
  await expect(row.getByTestId('trash-row-purge')).toContainText('영구 삭제 예정');
  await desk.screenshot({ path: `${SHOTS}/trash-view.png` });

  // ---- 되살리기 from the reporter's 휴지통: back in 내 기사, editable again, and gone from the desk's 휴지통.
  await reporter.getByTestId('queue-tab-trash').click();
  await reporter.getByTestId('trash-row').getByTestId('trash-row-restore').click();
  await expect(reporter.getByTestId('trash-queue')).toContainText('휴지통이 비어 있습니다.');
  await expect(desk.getByTestId('trash-row')).toHaveCount(0, ACROSS);
  await expect(reporter.getByTestId('headline-input')).not.toHaveAttribute('readonly', '', ACROSS);
  await expect(reporter.getByTestId('trash-restore')).toHaveCount(0);
  await reporter.getByTestId('queue-tab-mine').click();
  await expect(reporter.getByTestId('story-list')).toContainText(`[사본] ${HEADLINE}`);
  await reporter.screenshot({ path: `${SHOTS}/restored.png` });
});
