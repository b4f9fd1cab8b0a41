import { expect, test } from '@playwright/test';
import { freePort } from './support/web-server';
import { useWorkstation } from './support/workstation';

const ws = useWorkstation();

test('autosave stores the story after a pause in typing, without Ctrl+S', async ({ page }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('자동 저장 시험');
  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('배경훈 장관은 뉴욕을 방문했다.');
  await expect(page.getByTestId('save-status')).toHaveText('저장되지 않은 변경 있음');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨', { timeout: 10_000 });
  await expect(page.getByTestId('story-list')).toContainText('자동 저장 시험');
});

test('text typed after the server is killed comes back on restart, and the user is told', async ({ page }) => {
  // The unsaved copy lives in the browser's storage for this origin, so the server comes back on the same port.
  const port = await freePort();
  await ws.start(port);
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('복구 시험');
  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('저장된 첫 문단.');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨', { timeout: 10_000 });

  // The server dies mid-story; the reporter keeps typing and the save cannot land.
  await ws.stop('SIGKILL');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('서버가 죽은 뒤에 쓴 둘째 문단.');
  await expect(page.getByTestId('save-status')).toHaveText('저장 실패', { timeout: 10_000 });
  await expect(page.getByRole('alert')).toContainText('서버에 연결할 수 없습니다');

  await ws.start(port);
  await page.goto(ws.server.url);
  await expect(page.getByTestId('story-notice')).toContainText('저장되지 않았던 변경 사항을 복구했습니다');
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText(['저장된 첫 문단.', '서버가 죽은 뒤에 쓴 둘째 문단.']);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');

  // Once stored, the journal is gone: a reload shows the story without a recovery notice.
  await page.reload();
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText(['저장된 첫 문단.', '서버가 죽은 뒤에 쓴 둘째 문단.']);
  await expect(page.getByTestId('story-notice')).toHaveCount(0);
});
