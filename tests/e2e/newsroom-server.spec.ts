import { expect, test } from '@playwright/test';
import { browserAt, setUpFirstAccount, signIn } from './support/newsroom-pages';
import { useNewsroomServer } from './support/newsroom-server';

/**
 * The newsroom server over TLS, end to end: the first 편집국장 is made through the printed one-time
 * link, adds a 기자 and a 데스크, and the two sign in from their own browsers. The reporter files, the
 * desk returns with a reason, the reporter fixes and files again, the desk approves; neither ever picks a
 * profile — each is whoever signed in. A 기자 asking the API to approve, publish or change targets is
 * refused, and a request naming another actor is refused.
 */
const ACROSS = { timeout: 15_000 };
const server = useNewsroomServer();

test('two people sign in over TLS and run the desk loop as themselves; a 기자 cannot approve, publish or speak for another', async ({ browser }) => {
  test.setTimeout(180_000);
  // ---- The first 편집국장, through the printed link; the link then works no more.
  const chief = await browserAt(browser);
  await setUpFirstAccount(chief, server, { name: '최국장', login: 'chief', password: '편집국장의 비밀번호' });
  await signIn(chief, server, 'chief', '편집국장의 비밀번호');
  await expect(chief.getByTestId('signed-in-as')).toHaveText('최국장 · 편집국장');
  await expect(chief.getByTestId('profile-button')).toHaveCount(0);

  const add = async (body: object) => {
    const r = await chief.request.post(`${server.origin}/api/accounts.create`, { data: body, headers: { Origin: server.origin } });
    expect(r.status(), await r.text()).toBe(200);
    return ((await r.json()) as { value: { temporaryPassword: string } }).value.temporaryPassword;
  };
  const kimTemp = await add({ login: 'kim', name: '김기자', role: 'reporter' });
  const parkTemp = await add({ login: 'park', name: '박데스크', role: 'desk', sections: ['IT/과학'] });
  const replay = await chief.request.post(`${server.origin}/auth/setup`, {
    data: { token: new URL(server.setupUrl).searchParams.get('token'), login: 'evil', name: '공격자', password: '공격자가 고른 비밀번호' },
    headers: { Origin: server.origin },
  });
  expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/이미 사용/);

  // ---- Each signs in with the temporary password and must change it first.
  const reporter = await browserAt(browser);
  await signIn(reporter, server, 'kim', kimTemp);
  await reporter.getByLabel('지금 비밀번호').fill(kimTemp);
  await reporter.getByLabel('새 비밀번호 (10자 이상)').fill('김기자의 새 비밀번호');
  await reporter.getByRole('button', { name: '바꾸기' }).click();
  await expect(reporter.getByTestId('signed-in-as')).toHaveText('김기자 · 기자');
  const desk = await browserAt(browser);
  await signIn(desk, server, 'park', parkTemp);
  await desk.getByLabel('지금 비밀번호').fill(parkTemp);
  await desk.getByLabel('새 비밀번호 (10자 이상)').fill('박데스크의 새 비밀번호');
  await desk.getByRole('button', { name: '바꾸기' }).click();
  await expect(desk.getByTestId('signed-in-as')).toHaveText('박데스크 · 데스크');

  // ---- The reporter files: the story is theirs because the session says who they are.
  await reporter.getByRole('button', { name: '새 기사' }).click();
  await expect(reporter.getByTestId('workflow-state')).toHaveText('작성 중');
  await reporter.getByTestId('headline-input').fill('양자기술 협력, 서버에서 송고');
  await reporter.getByTestId('section-select').selectOption('IT/과학');
  await reporter.getByTestId('body-editor').click();
  await reporter.keyboard.insertText('과학기술정보통신부는 7일 한미 양자기술 협력 방안을 발표했다.');
  await reporter.getByTestId('workflow-submit').click();
  await expect(reporter.getByTestId('workflow-state')).toHaveText('송고');

  // ---- What the 기자 may not do, asked of the API directly.
  const articleId = await reporter.evaluate(async () => {
    const r = await fetch('/api/articles.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return ((await r.json()) as { value: { items: Array<{ id: string }> } }).value.items[0]!.id;
  });
  for (const [method, input] of [
    ['workflow.approve', { id: articleId, version: 1, note: '' }],
    ['publish.run', { articleId, targetId: 1 }],
    ['publish.saveTarget', { kind: 'html-bundle', name: 'x', settings: { baseUrl: 'https://example.com', folder: 'x' } }],
    ['articles.create', { headline: '남의 이름으로', actorId: '00000000-0000-4000-8000-000000000000' }],
  ] as const) {
    const r = await reporter.request.post(`${server.origin}/api/${method}`, { data: input, headers: { Origin: server.origin } });
    const code = ((await r.json()) as { error?: { code: string } }).error?.code;
    expect([method, code]).toEqual([method, method === 'articles.create' ? 'VALIDATION' : 'FORBIDDEN']);
  }

  // ---- The desk returns it with a reason; the reporter sees it, fixes and files again; the desk approves.
  await expect(desk.getByTestId('queue-tab-count-desk')).toHaveText('1', ACROSS);
  await desk.getByTestId('queue-tab-desk').click();
  await desk.getByTestId('desk-queue-row').first().click();
  await desk.getByTestId('workflow-start-review').click();
  await expect(desk.getByTestId('workflow-state')).toHaveText('데스크 검토 중');
  await expect(desk.getByTestId('lock-holder')).toHaveText('잠금: 박데스크 데스크');
  // Opening a story asked nothing a 데스크 may not do (the window remembers it, not the newsroom's settings).
  await expect(desk.locator('.toast')).toHaveCount(0);
  await desk.getByTestId('workflow-review').click();
  const review = desk.getByTestId('review-screen');
  await review.getByTestId('review-return-reason').fill('리드에 발표 장소를 넣으세요.');
  await review.getByTestId('review-return').click();
  await expect(desk.getByTestId('workflow-state')).toHaveText('반려');
  await desk.getByTestId('review-close').click();

  await expect(reporter.getByTestId('workflow-state')).toHaveText('반려', ACROSS);
  await expect(reporter.getByTestId('return-reason')).toContainText('박데스크');
  await reporter.getByTestId('body-editor').click();
  await reporter.keyboard.press('End');
  await reporter.keyboard.insertText(' 발표는 세종청사에서 있었다.');
  await expect(reporter.getByTestId('workflow-state')).toHaveText('작성 중');
  await reporter.keyboard.press('Control+Enter');
  await expect(reporter.getByTestId('workflow-state')).toHaveText('송고');

  await expect(desk.getByTestId('workflow-state')).toHaveText('송고', ACROSS);
  await desk.getByTestId('workflow-start-review').click();
  await desk.getByTestId('workflow-approve').click();
  await expect(desk.getByTestId('workflow-state')).toHaveText('승인');
  await expect(reporter.getByTestId('workflow-state')).toHaveText('승인', ACROSS);

  // ---- Signing out ends the session: the page is the sign-in page again.
  await reporter.getByTestId('sign-out').click();
  await expect(reporter.getByRole('button', { name: '로그인' })).toBeVisible();
  for (const page of [chief, reporter, desk]) await page.context().close();
});
