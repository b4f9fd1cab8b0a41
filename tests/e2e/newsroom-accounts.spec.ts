import { expect, test } from '@playwright/test';
import { browserAt, setUpFirstAccount, signIn } from './support/newsroom-pages';
import { useNewsroomServer } from './support/newsroom-server';

/**
 * 사용자 관리 on the newsroom server, end to end: the first 편집국장 adds a 데스크 through the screen and
 * reads the temporary password shown once; the 데스크 signs in with it, must change it, and finds no
 * 저장소, 백업 or 출고 대상 panels in 환경설정 (nor 사용자 관리). The 편집국장 disables them after a
 * confirmation; the 데스크's next action is refused and the page is the sign-in page again.
 */
/** Adding a person hashes a temporary password with scrypt at OWASP's cost: seconds on a busy machine. */
const HASHED = { timeout: 20_000 };
const server = useNewsroomServer();

test('a 관리자 adds a 데스크 on the 사용자 관리 screen; the 데스크 changes the temporary password, sees no admin panels, and is out once disabled', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const chief = await browserAt(browser);
  await setUpFirstAccount(chief, server, { name: '최국장', login: 'chief', password: '편집국장의 비밀번호' });
  await signIn(chief, server, 'chief', '편집국장의 비밀번호');
  await expect(chief.getByTestId('signed-in-as')).toHaveText('최국장 · 편집국장');

  // ---- 사용자 관리: the 편집국장 alone so far; a 데스크 without a section is refused where it was typed.
  await chief.getByTestId('accounts-button').click();
  const dialog = chief.getByTestId('accounts-dialog');
  await expect(dialog.getByTestId('account-row-chief')).toContainText('편집국장');
  await dialog.getByTestId('account-add').click();
  await dialog.getByTestId('account-name').fill('박데스크');
  await dialog.getByTestId('account-login').fill('park');
  await dialog.getByTestId('account-title').fill('부장');
  await dialog.getByTestId('account-role').selectOption('desk');
  await dialog.getByTestId('account-submit').click();
  await expect(dialog.getByTestId('account-form-error')).toContainText('데스크는 맡은 섹션을 하나 이상 골라야 합니다');
  await dialog.getByTestId('account-section-IT/과학').check();
  await dialog.getByTestId('account-submit').click();
  await expect(dialog.getByTestId('shown-once')).toContainText('박데스크 님을 추가했습니다', HASHED);
  await expect(dialog.getByTestId('shown-once')).toContainText('지금 한 번만 보여 줍니다');
  const temporary = (await dialog.getByTestId('shown-once-secret').textContent())!;
  expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  await dialog.getByTestId('shown-once-done').click();
  await expect(dialog.getByTestId('account-row-park')).toContainText('IT/과학');
  await expect(dialog.getByTestId('account-row-park').getByTestId('account-state')).toHaveText('임시 비밀번호');
  await expect(dialog.getByTestId('shown-once')).toHaveCount(0);

  // ---- The 데스크 signs in with it and must change it first.
  const desk = await browserAt(browser);
  await signIn(desk, server, 'park', temporary);
  await desk.getByLabel('지금 비밀번호').fill(temporary);
  await desk.getByLabel('새 비밀번호 (10자 이상)').fill('박데스크의 새 비밀번호');
  await desk.getByRole('button', { name: '바꾸기' }).click();
  await expect(desk.getByTestId('signed-in-as')).toHaveText('박데스크 · 데스크', HASHED);
  await expect(desk.getByTestId('accounts-button')).toHaveCount(0);

  // ---- 환경설정 without the panels a 데스크 cannot use; what is shown is read-only and says so.
  await desk.getByRole('button', { name: '환경설정' }).click();
  await expect(desk.getByTestId('settings-read-only')).toContainText('관리자나 편집국장만 바꿀 수 있습니다');
  // Read-only looks it: greyed and dashed, not a white box that invites typing.
  const nameField = desk.getByRole('dialog').getByLabel('이름');
  await expect(nameField).toBeDisabled();
  await expect(nameField).toHaveCSS('border-top-style', 'dashed');
  await expect(nameField).toHaveCSS('background-color', 'rgb(246, 247, 249)');
  await expect(desk.getByTestId('settings-page-storage')).toHaveCount(0);
  await expect(desk.getByTestId('settings-page-backup')).toHaveCount(0);
  await expect(desk.getByTestId('storage-settings')).toHaveCount(0);
  await expect(desk.getByTestId('backup-panel')).toHaveCount(0);
  await expect(desk.getByRole('group', { name: '출고 대상' })).toHaveCount(0);
  await expect(desk.getByRole('button', { name: '저장' })).toHaveCount(0);
  await expect(desk.locator('.toast')).toHaveCount(0);
  await desk.getByRole('button', { name: '닫기' }).click();
  // The 편집국장 still has them all.
  await dialog.getByTestId('accounts-close').click();
  await chief.getByRole('button', { name: '환경설정' }).click();
  await chief.getByTestId('settings-page-storage').click();
  await expect(chief.getByTestId('storage-settings')).toBeVisible();
  await chief.getByTestId('settings-page-backup').click();
  await expect(chief.getByTestId('backup-panel')).toBeVisible();
  await chief.getByRole('button', { name: '취소' }).click();

  // ---- Disabled after a confirmation: the 데스크's next action is refused, then the sign-in page.
  await chief.getByTestId('accounts-button').click();
  const row = dialog.getByTestId('account-row-park');
  await row.getByTestId('account-disable').click();
  await expect(dialog.getByTestId('account-disable-confirm')).toContainText('박데스크 님의 계정을 사용 중지할까요?');
  await dialog.getByTestId('account-disable-yes').click();
  await expect(row.getByTestId('account-state')).toHaveText('사용 중지됨');

  // The 편집국장 cannot disable themself; the refusal shows under their row.
  await dialog.getByTestId('account-row-chief').getByTestId('account-disable').click();
  await dialog.getByTestId('account-disable-yes').click();
  await expect(dialog.getByTestId('account-row-error')).toContainText('자기 계정은 사용 중지할 수 없습니다');

  await desk.getByRole('button', { name: '새 기사' }).click();
  await expect(desk.locator('.toast')).toContainText('사용이 중지된 계정입니다');
  await desk.reload();
  await expect(desk.getByRole('button', { name: '로그인' })).toBeVisible();
  await signIn(desk, server, 'park', '박데스크의 새 비밀번호');
  await expect(desk.getByRole('alert')).toContainText('사용이 중지된 계정');
  for (const page of [chief, desk]) await page.context().close();
});
