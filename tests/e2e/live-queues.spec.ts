import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fieldsOf, type Article } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { seed, typedBody } from '../fixtures/seed';
import type { CallContext } from '../../shared/call-context';
import { callApi } from './support/api';
import { useWorkstation } from './support/workstation';

/**
 * Queues that follow the newsroom without polling: the desk's screen shows a story the moment it is
 * filed elsewhere, and says nothing to the server while nothing happens. Then 일괄 출고 from the 승인
 * queue: the desk ticks stories, sends them to an HTML-bundle target and watches the progress.
 */

const ws = useWorkstation();

/** A contract call on this test's server, as another workstation would make it. */
const api = <T>(method: string, input: unknown, context?: CallContext) => callApi<T>(ws.server, method, input, context);

/** A story written and filed through the API, as another workstation's reporter would. */
async function filed(reporterId: string, headline: string): Promise<Article> {
  const created = await api<Article>('articles.create', {}, { actorId: reporterId });
  const story = await api<Article>(
    'articles.save',
    {
      id: created.id,
      baseVersion: created.version,
      fields: {
        ...fieldsOf(created),
        headline,
        deck: seed.deck,
        section: seed.section,
        body: editorStateFromParagraphs(typedBody),
        storyType: 'press_release',
        sourceAttribution: seed.sourceAttribution,
        bylines: [{ name: '김기자', email: '', title: '기자' }],
      },
    },
    { actorId: reporterId },
  );
  await api('workflow.submit', { id: story.id, version: story.version }, { actorId: reporterId });
  return story;
}

async function pickProfile(page: Page, name: string): Promise<void> {
  await page.getByTestId('profile-button').click();
  await page
    .getByTestId('profile-picker')
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await expect(page.getByTestId('profile-button')).toContainText(name);
}

test("the desk's queue shows a story filed elsewhere as it is filed, and asks nothing of the server while idle", async ({ page }) => {
  await ws.start();
  const reporter = await api<{ id: string }>('profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' });
  const desk = await api<{ id: string }>('profiles.create', { name: '박데스크', email: '', role: 'desk', sections: [seed.section] });

  await page.goto(ws.server.url);
  await pickProfile(page, '박데스크');
  await page.getByTestId('queue-tab-desk').click();
  await expect(page.getByTestId('queue-tab-count-desk')).toHaveText('0');

  const story = await filed(reporter.id, '양자 협력 첫 기사');
  // No reload, no poll: the row can only come from the event the filing announced.
  await expect(page.getByTestId('desk-queue-row').filter({ hasText: '양자 협력 첫 기사' })).toBeVisible();
  await expect(page.getByTestId('queue-tab-count-desk')).toHaveText('1');

  const apiCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) apiCalls.push(new URL(r.url()).pathname);
  });
  await page.waitForTimeout(6_000);
  expect(apiCalls).toEqual([]);

  await api('workflow.startReview', { id: story.id }, { actorId: desk.id });
  await api('workflow.approve', { id: story.id, version: story.version }, { actorId: desk.id });
  await expect(page.getByTestId('queue-tab-count-desk')).toHaveText('0');
  await expect(page.getByTestId('queue-tab-count-approved')).toHaveText('1');
});

test('일괄 출고: the desk ticks approved stories, sends them to a bundle target and sees each one through', async ({ page }) => {
  await ws.start();
  const reporter = await api<{ id: string }>('profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' });
  const desk = await api<{ id: string }>('profiles.create', { name: '박데스크', email: '', role: 'desk', sections: [seed.section] });
  const headlines = ['양자 협력 첫째 기사', '양자 협력 둘째 기사', '양자 협력 셋째 기사'];
  const stories: Article[] = [];
  for (const headline of headlines) {
    const story = await filed(reporter.id, headline);
    await api('workflow.startReview', { id: story.id }, { actorId: desk.id });
    await api('workflow.approve', { id: story.id, version: story.version }, { actorId: desk.id });
    stories.push(story);
  }
  await api('publish.saveTarget', { kind: 'html-bundle', name: '포털 묶음', settings: { url: 'https://news.example.com/bundles', folder: 'portal' } });

  await page.goto(ws.server.url);
  await pickProfile(page, '박데스크');
  await page.getByTestId('queue-tab-approved').click();
  await expect(page.getByTestId('desk-queue-row')).toHaveCount(3);
  await expect(page.getByTestId('batch-publish')).toHaveCount(0);

  await page.getByTestId('batch-publish-pick').nth(0).click();
  await expect(page.getByTestId('desk-queue-row').nth(0)).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('batch-publish-start')).toHaveText('선택한 1건 출고');
  await page.getByTestId('batch-publish-all').check();
  await expect(page.getByTestId('batch-publish-start')).toHaveText('선택한 3건 출고');
  // The one target is ticked to begin with (the newsroom has no 기본 출고 대상 yet).
  await expect(page.getByTestId('batch-publish').getByRole('checkbox', { name: '포털 묶음' })).toBeChecked();
  await page.getByTestId('batch-publish-start').click();

  const progress = page.getByTestId('batch-publish-progress');
  // Three exports with their photos: room for a busy CI machine.
  await expect(progress).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
  await expect(page.getByTestId('batch-publish-counts')).toHaveText('출고를 마쳤습니다: 3건 중 성공 3건, 실패 0건');
  await expect(progress.locator('progress')).toHaveAttribute('value', '3');
  await expect(page.getByTestId('batch-publish-failures')).toHaveCount(0);
  for (const story of stories) expect(existsSync(path.join(ws.dataDir, 'exports', 'portal', story.id, 'index.html'))).toBe(true);

  // Each story's own log has the attempt, as a single publish would leave it.
  await page.getByTestId('desk-queue-row').filter({ hasText: headlines[1] }).click();
  await page.getByTestId('inspector-tab-publish').click();
  await expect(page.getByTestId('publish-panel')).toContainText('포털 묶음');
  await page.getByTestId('batch-publish-dismiss').click();
  await expect(page.getByTestId('batch-publish')).toHaveCount(0);
});
