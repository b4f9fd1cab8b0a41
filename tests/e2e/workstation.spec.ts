import { expect, test } from '@playwright/test';
import { inspectCertificate } from '../../electron/remote/certificate-pin';
import { browserAt, setUpFirstAccount, signIn } from './support/newsroom-pages';
import { useNewsroomServer } from './support/newsroom-server';
import { freePort, makeDataDir, startWebMode, type RunningServer } from './support/web-server';

/**
 * A reporter's own workstation (`npm run web` on their laptop) joins the newsroom server over TLS from
 * 환경설정, confirming the certificate's fingerprint: no database and no CMS password on it. They sign in on the server's page as this machine draws it,
 * change their temporary password, write and file; the 편집국장, in a browser on the server, returns the
 * story, and the return reaches the workstation live through its relay of the server's events.
 */
const ACROSS = { timeout: 15_000 };
const server = useNewsroomServer();
let workstation: RunningServer | undefined;
const data = makeDataDir();

test.afterAll(async () => {
  await workstation?.stop();
  data.remove();
});

test('a workstation joined to the newsroom server signs its reporter in, files, and hears the desk live', async ({ browser }) => {
  test.setTimeout(180_000);
  const chief = await browserAt(browser);
  await setUpFirstAccount(chief, server, { name: '최국장', login: 'chief', password: '편집국장의 비밀번호' });
  await signIn(chief, server, 'chief', '편집국장의 비밀번호');
  await expect(chief.getByTestId('signed-in-as')).toHaveText('최국장 · 편집국장', ACROSS);
  const created = await chief.request.post(`${server.origin}/api/accounts.create`, {
    data: { login: 'kim', name: '김기자', role: 'reporter' },
    headers: { Origin: server.origin },
  });
  const kimTemp = ((await created.json()) as { value: { temporaryPassword: string } }).value.temporaryPassword;

  // On the reporter's laptop: 환경설정 > 저장소 > 뉴스룸 서버에 연결, checking the fingerprint the administrator gave.
  const { fingerprint } = await inspectCertificate(server.origin);
  const port = await freePort();
  workstation = await startWebMode(data.dir, port);
  const reporter = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage();
  await reporter.goto(workstation.url);
  await reporter.getByRole('button', { name: '환경설정' }).click();
  const settings = reporter.getByRole('dialog', { name: '환경설정' });
  await settings.getByTestId('settings-page-storage').click();
  const join = settings.getByTestId('newsroom-connect');
  await join.getByTestId('newsroom-origin').fill('http://' + new URL(server.origin).host);
  await join.getByTestId('newsroom-inspect').click();
  await expect(join.getByTestId('newsroom-problem')).toContainText('https://');
  await join.getByTestId('newsroom-origin').fill(server.origin);
  await join.getByTestId('newsroom-inspect').click();
  await expect(join.getByTestId('newsroom-fingerprint')).toHaveText(fingerprint);
  await expect(join.getByTestId('newsroom-join')).toBeDisabled();
  await join.getByTestId('newsroom-confirm').check();
  await join.scrollIntoViewIfNeeded();
  await reporter.screenshot({ path: 'test-results/workstation-connect.png' });
  await join.getByTestId('newsroom-join').click();
  await expect(join.getByTestId('newsroom-pending')).toContainText(`다시 시작하면 뉴스룸 서버 ${server.origin}에 연결합니다`);

  // The next start joins the server: no profile picker, the server's sign-in page for this machine.
  await workstation.stop();
  workstation = await startWebMode(data.dir, port);
  await reporter.goto(workstation.url);
  await expect(reporter.getByText(`뉴스룸 서버 ${new URL(server.origin).host}에 로그인합니다.`)).toBeVisible();
  await reporter.getByLabel('아이디').fill('kim');
  await reporter.getByLabel('비밀번호').fill('틀린 비밀번호');
  await reporter.getByRole('button', { name: '로그인' }).click();
  await expect(reporter.getByRole('alert')).toContainText('비밀번호');
  await reporter.getByLabel('아이디').fill('kim');
  await reporter.getByLabel('비밀번호').fill(kimTemp);
  await reporter.getByRole('button', { name: '로그인' }).click();
  await reporter.getByLabel('지금 비밀번호').fill(kimTemp);
  await reporter.getByLabel('새 비밀번호 (10자 이상)').fill('김기자의 새 비밀번호');
  await reporter.getByRole('button', { name: '바꾸기' }).click();
  await expect(reporter.getByTestId('signed-in-as')).toHaveText('김기자 · 기자', ACROSS);

  await reporter.getByRole('button', { name: '새 기사' }).click();
  await reporter.getByTestId('headline-input').fill('출장지 노트북에서 쓴 기사');
  await reporter.getByTestId('section-select').selectOption('IT/과학');
  await reporter.getByTestId('body-editor').click();
  await reporter.keyboard.insertText('과학기술정보통신부는 7일 양자기술 협력 방안을 발표했다.');
  await reporter.getByTestId('workflow-submit').click();
  await expect(reporter.getByTestId('workflow-state')).toHaveText('송고');

  // The 편집국장 on the server sees it filed, and returns it.
  await chief.reload();
  await chief.getByTestId('queue-tab-desk').click();
  await chief.getByTestId('desk-queue-row').filter({ hasText: '출장지 노트북에서 쓴 기사' }).click();
  await chief.getByTestId('workflow-start-review').click();
  await chief.getByTestId('workflow-review').click();
  const review = chief.getByTestId('review-screen');
  await review.getByTestId('review-return-reason').fill('발표 장소를 넣으세요.');
  await review.getByTestId('review-return').click();
  await expect(chief.getByTestId('workflow-state')).toHaveText('반려');

  // The return reaches the workstation through its relay of the server's event stream.
  await expect(reporter.getByTestId('workflow-state')).toHaveText('반려', ACROSS);
  await expect(reporter.getByTestId('return-reason')).toContainText('최국장');
  await reporter.screenshot({ path: 'test-results/workstation-returned.png' });

  // Signing out on the workstation ends the session on the server: the page is the sign-in page again.
  await reporter.getByTestId('sign-out').click();
  await expect(reporter.getByRole('button', { name: '로그인' })).toBeVisible();
  await expect(reporter.getByText(`뉴스룸 서버 ${new URL(server.origin).host}에 로그인합니다.`)).toBeVisible();
  await chief.context().close();
  await reporter.context().close();
});
