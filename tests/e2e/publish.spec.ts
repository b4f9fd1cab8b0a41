import { ACTOR_HEADER, type CallContext } from '../../shared/call-context';
import { existsSync, readFileSync } from 'node:fs';
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
