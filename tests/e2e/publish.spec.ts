import { ACTOR_HEADER, type CallContext } from '../../shared/call-context';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { fieldsOf, type Article } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { seed, typedBody } from '../fixtures/seed';
import { callApi } from './support/api';
import { useWorkstation } from './support/workstation';

/**
 * 출고 from the screen: the editor-in-chief adds an HTML-bundle target in 환경설정 and publishes the
 * approved seed story from the inspector's 출고 tab; the attempt is logged and the bundle on disk is the
 * story as the portal shows it. (The filing and approval before it go through the API: desk.spec.ts
 * covers them on screen.)
 */

const ws = useWorkstation();

async function api<T>(request: APIRequestContext, method: string, data: unknown, context: CallContext = {}): Promise<T> {
  const token = new URL(ws.server.url).searchParams.get('token')!;
  const reply = await request.post(`${ws.server.origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(context.actorId ? { [ACTOR_HEADER]: context.actorId } : {}) },
    data,
  });
  const body = (await reply.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

test('the chief adds an HTML-bundle target and publishes the approved story from the 출고 tab', async ({ page, request }) => {
  await ws.start();
  const chief = await api<{ id: string }>(request, 'profiles.create', { name: '최국장', email: 'chief@example.com', role: 'chief', sections: [] });
  const created = await api<Article>(request, 'articles.create', {}, { actorId: chief.id });
  const story = await api<Article>(
    request,
    'articles.save',
    {
      id: created.id,
      baseVersion: created.version,
      fields: {
        ...fieldsOf(created),
        headline: seed.headline,
        deck: seed.deck,
        section: seed.section,
        body: editorStateFromParagraphs(typedBody),
        storyType: 'press_release',
        sourceAttribution: seed.sourceAttribution,
      },
    },
    { actorId: chief.id },
  );
  await api(request, 'workflow.submit', { id: story.id, version: story.version }, { actorId: chief.id });
  await api(request, 'workflow.startReview', { id: story.id }, { actorId: chief.id });
  await api(request, 'workflow.approve', { id: story.id, version: story.version }, { actorId: chief.id });

  await page.goto(ws.server.url);
  await page.getByTestId('profile-button').click();
  await page
    .getByTestId('profile-picker')
    .getByRole('button', { name: /최국장/ })
    .click();
  await page.getByText(seed.headline).first().click();
  await expect(page.getByTestId('headline-input')).toHaveValue(seed.headline);

  await page.getByRole('button', { name: '환경설정' }).click();
  await page.getByTestId('settings-page-targets').click();
  await page.getByTestId('target-add').click();
  await page.getByTestId('target-kind').selectOption('html-bundle');
  await page.getByTestId('target-name').fill('포털 묶음');
  await page.getByTestId('target-url').fill('https://news.example.com/bundles');
  await page.getByTestId('target-folder').fill('portal');
  // An optional address starts empty, not as a bare "https://" the schema would refuse.
  await expect(page.getByTestId('target-logoUrl')).toHaveValue('');
  await page.getByTestId('target-logoUrl').fill('https://news.example.com/logo.png');
  await page.getByTestId('target-ninjs').selectOption('both');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('target-ninjs').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/bundlemeta/bundle-target-form.png' });
  // A bundle has no site to reach: the dialog's 저장 saves it with the settings, without a connection test.
  await page.getByRole('dialog').getByRole('button', { name: '저장' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('button', { name: '환경설정' }).click();
  await page.getByTestId('settings-page-targets').click();
  await expect(page.getByTestId('publish-targets')).toContainText('포털 묶음');
  // The connection test of a bundle target checks its folder under exports, and says so in Korean.
  await page.getByTestId('target-test').click();
  await expect(page.getByTestId('target-check')).toContainText('연결됨: HTML 묶음 — 데이터 폴더의 exports/portal');
  await page.getByRole('button', { name: '취소' }).last().click();

  await page.getByTestId('inspector-tab-publish').click();
  const panel = page.getByTestId('publish-panel');
  await panel.getByRole('button', { name: '출고하기' }).click();
  await expect(panel.getByRole('status')).toContainText('내보냄');
  await expect(panel).toContainText('포털 묶음');

  const index = path.join(ws.dataDir, 'exports', 'portal', story.id, 'index.html');
  expect(existsSync(index)).toBe(true);
  const html = readFileSync(index, 'utf8');
  expect(html).toContain(seed.headline);
  expect(html).toContain('(포탈뉴스통신)');
  expect(html).toContain(`[뉴스출처 : ${seed.sourceAttribution}]`);
  expect(html).toContain('"@type":"NewsArticle"');
  // Both ninjs versions the form chose, and the folder's feed and news sitemap.
  for (const file of [path.join(story.id, 'ninjs.json'), path.join(story.id, 'ninjs-2.2.json'), 'rss.xml', 'news-sitemap.xml'])
    expect(existsSync(path.join(ws.dataDir, 'exports', 'portal', file))).toBe(true);
});

test('a Ghost site is added with its Admin API key, which is refused in Korean when it is not one and never shown again', async ({ page, request }) => {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  await page.getByTestId('settings-page-targets').click();
  await page.getByTestId('target-add').click();
  await page.getByTestId('target-kind').selectOption('ghost');
  await page.getByTestId('target-name').fill('뉴스 블로그');
  // Port 9 on this machine: nothing listens, so the connection test answers at once.
  await page.getByTestId('target-url').fill('http://127.0.0.1:9');
  // A Content API key (26 hex characters, no colon) is what people copy by mistake.
  await page.getByTestId('target-secret').fill('a1b2c3d4e5f6a1b2c3d4e5f6a1');
  await page.getByRole('dialog').getByRole('button', { name: '저장' }).click();
  await expect(page.getByTestId('target-problem')).toContainText('Admin API 키');
  await expect(page.getByTestId('settings-page-targets')).toContainText('고칠 항목이 있음');
  const key = `${'ab12'.repeat(6)}:${'cd34'.repeat(16)}`;
  await page.getByTestId('target-secret').fill(key);
  await page.getByTestId('target-takedown').selectOption('trash');
  await page.getByRole('dialog').getByRole('button', { name: '저장' }).click();
  // The site cannot be reached: the test says so and the target is saved only when the desk insists.
  await expect(page.getByTestId('target-check')).toContainText('주소 오류');
  await page.getByTestId('settings-save-anyway').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  const targets = await api<Array<{ kind: string; hasSecret: boolean; settings: Record<string, unknown> }>>(request, 'publish.targets', {});
  expect(targets).toEqual([
    expect.objectContaining({ kind: 'ghost', hasSecret: true, settings: { url: 'http://127.0.0.1:9', takedown: 'trash', correctionPrefix: false } }),
  ]);
  expect(JSON.stringify(targets)).not.toContain('cd34cd34');
});

test('the form is drawn from the chosen kind’s fields: a WordPress site asks for a user and its password, a bundle for a folder and no secret', async ({
  page,
}) => {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  await page.getByTestId('settings-page-targets').click();
  await page.getByTestId('target-add').click();
  const form = page.getByTestId('publish-targets').locator('.publish-targets__form');
  await page.getByTestId('target-kind').selectOption('wordpress');
  await page.getByTestId('target-url').fill('https://news.example.com');
  await expect(form).toContainText('사용자 이름');
  await expect(form).toContainText('애플리케이션 비밀번호');
  await expect(form).toContainText('휴지통으로 옮기기');
  await expect(page.getByTestId('target-folder')).toHaveCount(0);
  await page.getByTestId('target-kind').selectOption('html-bundle');
  // The address typed for the WordPress site stays: both kinds have one.
  await expect(page.getByTestId('target-url')).toHaveValue('https://news.example.com');
  await expect(form).toContainText('내보낼 폴더 이름');
  await expect(page.getByTestId('target-secret')).toHaveCount(0);
  await expect(page.getByTestId('target-username')).toHaveCount(0);
  await expect(page.getByTestId('target-takedown')).toHaveCount(0);
  await page.getByTestId('target-kind').selectOption('wordpress');
  await page.getByTestId('target-name').fill('본사 사이트');
  await page.getByTestId('target-username').fill('desk');
  await page.getByRole('dialog').getByRole('button', { name: '저장' }).click();
  // A new WordPress target without its password fails its connection test in Korean, nothing saved.
  await expect(page.getByTestId('target-check')).toContainText('워드프레스 애플리케이션 비밀번호를 쓰세요.');
  if (process.env.BYLINE_PANEL_SHOT) await page.getByTestId('publish-targets').screenshot({ path: `${process.env.BYLINE_PANEL_SHOT}-wordpress.png` });
  // The same draft as a bundle is saved; its connection test answers in Korean under it.
  await page.getByTestId('target-kind').selectOption('html-bundle');
  await page.getByTestId('target-folder').fill('portal');
  // 그래도 저장 stays offered after the failed test: the plain 저장 is the one meant here.
  await page.getByRole('dialog').getByRole('button', { name: '저장', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('button', { name: '환경설정' }).click();
  await page.getByTestId('settings-page-targets').click();
  await page.getByTestId('target-test').click();
  await expect(page.getByTestId('target-check')).toContainText('연결됨: HTML 묶음');
  await page.getByRole('button', { name: '편집' }).click();
  await expect(page.getByTestId('target-folder')).toHaveValue('portal');
  if (process.env.BYLINE_PANEL_SHOT) await page.getByTestId('publish-targets').screenshot({ path: `${process.env.BYLINE_PANEL_SHOT}-bundle.png` });
});

test('출고하기 waits for the approval, saying why beside it, instead of being refused by the server', async ({ page }) => {
  await ws.start();
  const chief = await callApi<{ id: string }>(ws.server, 'profiles.create', { name: '최국장', email: '', role: 'chief' });
  await callApi(ws.server, 'publish.saveTarget', {
    kind: 'html-bundle',
    name: '포털 묶음',
    settings: { url: 'https://news.example.com/bundles', folder: 'portal' },
  });
  const created = await callApi<Article>(ws.server, 'articles.create', {}, { actorId: chief.id });
  const fields = { ...fieldsOf(created), headline: seed.headline, section: seed.section, body: editorStateFromParagraphs(typedBody) };
  await callApi(ws.server, 'articles.save', { id: created.id, baseVersion: created.version, fields }, { actorId: chief.id });
  await callApi(ws.server, 'settings.set', { lastOpenArticleId: created.id });
  await page.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), chief.id);
  await page.goto(ws.server.url);
  await expect(page.getByTestId('workflow-state')).toHaveText('작성 중');

  await page.getByTestId('inspector-tab-publish').click();
  const publishNow = page.getByTestId('publish-panel').getByRole('button', { name: '출고하기' });
  await expect(publishNow).toBeDisabled();
  await expect(page.getByTestId('publish-refusal')).toHaveText('승인된 기사만 출고할 수 있습니다. 지금은 ‘작성 중’ 상태입니다.');
  await expect(page.getByTestId('publish-refusal')).toBeVisible();
  if (process.env.BYLINE_PANEL_SHOT) await page.screenshot({ path: `${process.env.BYLINE_PANEL_SHOT}-refusal.png` });

  await page.getByTestId('workflow-submit').click();
  await page.getByTestId('workflow-start-review').click();
  await expect(page.getByTestId('publish-refusal')).toContainText('‘데스크 검토 중’');
  await expect(publishNow).toBeDisabled();
  await page.getByTestId('workflow-approve').click();
  await expect(page.getByTestId('workflow-state')).toHaveText('승인');
  await expect(publishNow).toBeEnabled();
  await expect(page.getByTestId('publish-refusal')).toHaveCount(0);
});

test('출고 in one action: the targets ticked as 기본 출고 대상 are published at once, each with its result and address', async ({ page }) => {
  test.setTimeout(120_000);
  await ws.start();
  const chief = await callApi<{ id: string }>(ws.server, 'profiles.create', { name: '최국장', email: '', role: 'chief' });
  const portal = await callApi<{ id: number }>(ws.server, 'publish.saveTarget', {
    kind: 'html-bundle',
    name: '포털 묶음',
    settings: { url: 'https://news.example.com/bundles', folder: 'portal' },
  });
  const archive = await callApi<{ id: number }>(ws.server, 'publish.saveTarget', {
    kind: 'html-bundle',
    name: '보관 묶음',
    settings: { url: 'https://archive.example.com/b', folder: 'archive' },
  });
  const broken = await callApi<{ id: number }>(ws.server, 'publish.saveTarget', {
    kind: 'html-bundle',
    name: '막힌 묶음',
    settings: { url: 'https://broken.example.com/b', folder: 'broken' },
  });
  // The third target's folder cannot be made: a file stands where it would go.
  mkdirSync(path.join(ws.dataDir, 'exports'), { recursive: true });
  writeFileSync(path.join(ws.dataDir, 'exports', 'broken'), 'not a folder');
  const created = await callApi<Article>(ws.server, 'articles.create', {}, { actorId: chief.id });
  const fields = { ...fieldsOf(created), headline: seed.headline, section: seed.section, body: editorStateFromParagraphs(typedBody) };
  const story = await callApi<Article>(ws.server, 'articles.save', { id: created.id, baseVersion: created.version, fields }, { actorId: chief.id });
  await callApi(ws.server, 'workflow.submit', { id: story.id, version: story.version }, { actorId: chief.id });
  await callApi(ws.server, 'workflow.startReview', { id: story.id }, { actorId: chief.id });
  await callApi(ws.server, 'workflow.approve', { id: story.id, version: story.version }, { actorId: chief.id });
  await callApi(ws.server, 'settings.set', { lastOpenArticleId: story.id });
  await page.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), chief.id);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(ws.server.url);
  await expect(page.getByTestId('workflow-state')).toHaveText('승인');

  // The newsroom ticks its default targets where the targets are listed; the dialog's one 저장 keeps them.
  await page.getByRole('button', { name: '환경설정' }).click();
  const dialog = page.getByRole('dialog', { name: '환경설정' });
  await dialog.getByTestId('settings-page-targets').click();
  await dialog.getByTestId(`default-target-${portal.id}`).check();
  await dialog.getByTestId(`default-target-${broken.id}`).check();
  await expect(dialog.getByTestId(`default-target-${archive.id}`)).not.toBeChecked();
  await expect(dialog.getByTestId('settings-page-targets')).toContainText('바뀜');
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(dialog).toBeHidden();
  const stored = await callApi<{ publishDefaults: { targetIds: number[] } }>(ws.server, 'settings.get', {});
  expect(stored.publishDefaults.targetIds).toEqual([portal.id, broken.id]);

  // 출고 starts with the defaults ticked; the desk adds the archive too and publishes once.
  await page.getByTestId('inspector-tab-publish').click();
  const panel = page.getByTestId('publish-panel');
  await expect(panel.getByTestId(`publish-pick-${portal.id}`)).toBeChecked();
  await expect(panel.getByTestId(`publish-pick-${broken.id}`)).toBeChecked();
  await expect(panel.getByTestId(`publish-pick-${archive.id}`)).not.toBeChecked();
  await panel.getByTestId(`publish-pick-${archive.id}`).check();
  await panel.getByTestId('publish-now').click();
  const results = panel.getByTestId('publish-result');
  await expect(results).toHaveCount(3);
  const portalResult = results.filter({ hasText: '포털 묶음' });
  await expect(portalResult).toContainText('포털 묶음 성공 (내보냄)');
  await expect(portalResult.getByRole('link')).toHaveAttribute('href', /^https:\/\/news\.example\.com\/bundles\//);
  await expect(portalResult.getByRole('link')).toHaveAttribute('target', '_blank');
  await expect(results.filter({ hasText: '보관 묶음' })).toContainText('보관 묶음 성공');
  // One target's failure is said in Korean and stops no other.
  const brokenResult = results.filter({ hasText: '막힌 묶음' });
  await expect(brokenResult).toHaveAttribute('data-ok', 'false');
  await expect(brokenResult).toContainText(/막힌 묶음 실패 — .*[가-힣]/);
  await expect(brokenResult.getByRole('link')).toHaveCount(0);
  // The log lists every attempt, its address a link too.
  await expect(panel.locator('.publish-panel__log a')).toHaveCount(2);
  if (process.env.BYLINE_PANEL_SHOT) await page.screenshot({ path: `${process.env.BYLINE_PANEL_SHOT}-one-action.png` });
  expect(existsSync(path.join(ws.dataDir, 'exports', 'portal', story.id, 'index.html'))).toBe(true);
  expect(existsSync(path.join(ws.dataDir, 'exports', 'archive', story.id, 'index.html'))).toBe(true);
});

test('the editor shows the credit and closing lines the outputs add, and offers to remove a credit typed by hand, so it is published once', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await ws.start();
  const chief = await callApi<{ id: string }>(ws.server, 'profiles.create', { name: '최국장', email: '', role: 'chief' });
  await callApi(ws.server, 'publish.saveTarget', { kind: 'html-bundle', name: '포털 묶음', settings: { url: 'https://news.example.com/b', folder: 'portal' } });
  const created = await callApi<Article>(ws.server, 'articles.create', {}, { actorId: chief.id });
  // seed.body opens with the credit as the press release's author typed it: "(포탈뉴스통신) …".
  const fields = {
    ...fieldsOf(created),
    headline: seed.headline,
    section: seed.section,
    storyType: 'press_release' as const,
    sourceAttribution: seed.sourceAttribution,
    body: editorStateFromParagraphs(seed.body),
  };
  await callApi(ws.server, 'articles.save', { id: created.id, baseVersion: created.version, fields }, { actorId: chief.id });
  await callApi(ws.server, 'settings.set', { lastOpenArticleId: created.id });
  await page.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), chief.id);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(ws.server.url);
  await expect(page.getByTestId('workflow-state')).toHaveText('작성 중');

  await expect(page.getByTestId('lead-credit-label')).toHaveText('(포탈뉴스통신)');
  await expect(page.getByTestId('closing-label')).toHaveText(`[뉴스출처 : ${seed.sourceAttribution}]`);
  // The labels are not the reporter's text: not in the editable body, not counted.
  await expect(page.getByTestId('body-editor')).not.toContainText(`[뉴스출처 :`);
  const notice = page.getByTestId('typed-credit');
  await expect(notice).toContainText('"(포탈뉴스통신)"');
  if (process.env.BYLINE_PANEL_SHOT) await page.screenshot({ path: `${process.env.BYLINE_PANEL_SHOT}-credit.png` });
  await notice.getByTestId('typed-credit-remove').click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('body-editor').locator('p').first()).toHaveText(typedBody[0]!);
  // A 발신지 changes the label as it changes the outputs.
  await page.getByTestId('dateline-input').fill('세종');
  await expect(page.getByTestId('lead-credit-label')).toHaveText('(세종=포탈뉴스통신)');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');

  const saved = await callApi<Article>(ws.server, 'articles.get', { id: created.id });
  await callApi(ws.server, 'workflow.submit', { id: saved.id, version: saved.version }, { actorId: chief.id });
  await callApi(ws.server, 'workflow.startReview', { id: saved.id }, { actorId: chief.id });
  await callApi(ws.server, 'workflow.approve', { id: saved.id, version: saved.version }, { actorId: chief.id });
  await expect(page.getByTestId('workflow-state')).toHaveText('승인', { timeout: 15_000 });
  await page.getByTestId('inspector-tab-publish').click();
  await page.getByTestId('publish-now').click();
  await expect(page.getByTestId('publish-result')).toContainText('성공');
  const html = readFileSync(path.join(ws.dataDir, 'exports', 'portal', created.id, 'index.html'), 'utf8');
  expect(html).toContain(`<p>(세종=포탈뉴스통신) ${typedBody[0]!.slice(0, 10)}`);
  expect(html).not.toContain('(포탈뉴스통신) (포탈뉴스통신)');
  expect(html).not.toContain('(세종=포탈뉴스통신) (포탈뉴스통신)');
});
