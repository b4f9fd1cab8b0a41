import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { fieldsOf, type Article } from '../../shared/article';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { articleHtml, articleParts } from '../../shared/article-render';
import { exportProblems, xssVectors, type XssVector } from '../security/support/safe-export';
import { deliverHtml, editorProblems, fireEverything, runControl, watchForXss, type XssWatch } from './support/xss';
import { useSharedWorkstation } from './support/workstation';

/**
 * The XSS corpus (tests/fixtures/xss-vectors.json) pasted and dropped into the real editor in web mode,
 * one vector per clipboard so that no vector can hide another, a few dozen per page load. Nothing may
 * run (page-level hook), load or navigate; the editor holds nothing dangerous, nor does the story once
 * saved, reopened and previewed; and the shared export converter's HTML for the saved story is inert.
 */

// The app's CSP would stop inline handlers on its own; without it, anything the sanitiser let through
// would actually run and be caught, so these tests check the sanitiser rather than the CSP.
test.use({ bypassCSP: true });

// Each test saves and opens a story under its own headline, so one server serves the file.
const ws = useSharedWorkstation();
const vectors = xssVectors();
const PER_PAGE = 30;
const groups = Array.from({ length: Math.ceil(vectors.length / PER_PAGE) }, (_, i) => vectors.slice(i * PER_PAGE, (i + 1) * PER_PAGE));

async function api<T>(request: APIRequestContext, method: string, data: unknown): Promise<T> {
  const token = new URL(ws.server.url).searchParams.get('token')!;
  const reply = await request.post(`${ws.server.origin}/api/${method}`, { headers: { Authorization: `Bearer ${token}` }, data });
  const body = (await reply.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

async function expectNothingRan(page: Page, watch: XssWatch, where: string): Promise<void> {
  await runControl(page, watch);
  expect([where, await watch.ran()]).toEqual([where, ['control']]);
  expect([where, watch.dialogs, watch.probes, watch.navigations, watch.popups]).toEqual([where, [], [], [], []]);
  await page.evaluate(() => ((window as unknown as { __xss: unknown[] }).__xss.length = 0));
}

for (const [n, group] of groups.entries()) {
  const label = `${group[0]!.id} … ${group.at(-1)!.id}`;
  test(`XSS corpus part ${n + 1}/${groups.length} (${group.length} vectors: ${label}) runs nothing when pasted, saved, reopened, previewed or exported`, async ({
    page,
    request,
  }) => {
    const watch = await watchForXss(page);
    await page.goto(ws.server.url);
    await page.getByRole('button', { name: '새 기사' }).click();
    const headline = `XSS 말뭉치 ${n + 1}`;
    await page.getByTestId('headline-input').fill(headline);
    await page.getByTestId('body-editor').click();

    for (const [i, vector] of group.entries()) {
      // The marker comes first: a vector that swallows what follows it (<textarea>, <!--) cannot hide it.
      await deliverHtml(page, `<p>⟦${vector.id}⟧</p>${vector.html}`, i % 3 === 2 ? 'drop' : 'paste');
      await expect(page.getByTestId('body-editor')).toContainText(`⟦${vector.id}⟧`);
    }
    const fired = await fireEverything(page, '[data-testid="body-editor"]');
    expect(fired).toBeGreaterThan(0);
    await expectNothingRan(page, watch, 'pasted');
    expect(await editorProblems(page)).toEqual([]);

    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('save-status')).toHaveText('저장됨');

    await page.reload();
    await page
      .getByTestId('story-list')
      .getByRole('button', { name: new RegExp(headline) })
      .click();
    await expect(page.getByTestId('body-editor')).toContainText(`⟦${group.at(-1)!.id}⟧`);
    await fireEverything(page, '[data-testid="body-editor"]');
    await expectNothingRan(page, watch, 'reopened');
    expect(await editorProblems(page)).toEqual([]);

    await page.getByTestId('preview-toggle').click();
    await expect(page.getByTestId('preview')).toContainText(`⟦${group[0]!.id}⟧`);
    await fireEverything(page, '[data-testid="preview"]');
    await expectNothingRan(page, watch, 'preview');

    const list = await api<{ items: Array<{ id: string; headline: string }> }>(request, 'articles.list', {});
    const article = await api<Article>(request, 'articles.get', { id: list.items.find((s) => s.headline === headline)!.id });
    expect(exportProblems(articleHtml(articleParts(fieldsOf(article), DEFAULT_SETTINGS.newsroom)))).toEqual([]);
  });
}

/** A story that never met the paste sanitiser: imported through the API with the corpus planted in its JSON. */
function importedBody(sample: XssVector[]) {
  const text = (t: string, style = '') => ({ type: 'text', version: 1, text: t, format: 0, style, mode: 'normal', detail: 0 });
  const hrefs = [
    'javascript:window.__xss.push("link")',
    ' javascript:alert(1)',
    'java\tscript:alert(2)',
    'JAVASCRIPT:alert(3)',
    'data:text/html,<script>alert(4)</script>',
    'vbscript:msgbox(5)',
    '\u000ejavascript:alert(6)',
  ];
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        ...sample.map((v) => ({
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [text(v.html)],
        })),
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: hrefs.map((url, i) => ({
            type: 'link',
            version: 1,
            url,
            rel: null,
            target: null,
            title: null,
            direction: null,
            format: '',
            indent: 0,
            children: [text(`가져온 링크 ${i}`)],
          })),
        },
        {
          type: 'heading',
          version: 1,
          tag: 'h2',
          direction: null,
          format: '',
          indent: 0,
          children: [text('스타일을 실은 글', "background:url(javascript:window.__xss.push('style'))")],
        },
      ],
    },
  };
}

test('a story imported through the API with the corpus in its JSON runs nothing in the editor or the preview', async ({ page, request }) => {
  const watch = await watchForXss(page);
  const created = await api<Article>(request, 'articles.create', { headline: '가져온 기사' });
  await api<Article>(request, 'articles.save', { id: created.id, baseVersion: 1, fields: { ...fieldsOf(created), body: importedBody(vectors) } });

  await page.goto(ws.server.url);
  await page
    .getByTestId('story-list')
    .getByRole('button', { name: /가져온 기사/ })
    .click();
  await expect(page.getByTestId('body-editor')).toContainText('가져온 링크 6');
  await fireEverything(page, '[data-testid="body-editor"]');
  await expectNothingRan(page, watch, 'imported, in the editor');
  // Lexical neutralises the unsafe link URLs it is handed (about:blank): none survives as written.
  const hrefs = await page
    .getByTestId('body-editor')
    .locator('a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((h) => !/^(https?:|mailto:|about:blank$)/i.test(h))).toEqual([]);

  await page.getByTestId('preview-toggle').click();
  await expect(page.getByTestId('preview')).toContainText('가져온 링크 6');
  await fireEverything(page, '[data-testid="preview"]');
  await expectNothingRan(page, watch, 'imported, in the preview');
  expect(await page.getByTestId('preview').locator('a').count()).toBe(0);
});
