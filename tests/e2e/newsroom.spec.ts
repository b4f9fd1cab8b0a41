import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { fieldsOf, type Article } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { seed, typedBody } from '../fixtures/seed';
import { callApi } from './support/api';
import { makeDataDir, startWebMode, type RunningServer } from './support/web-server';

/**
 * A newsroom on one shared PostgreSQL: two workstations (two web-mode servers, each with its own data
 * folder) and two people. The reporter files on one; the desk's queue on the other shows the story as
 * the database announces it, with no reload and no polling; the desk approves; the reporter's screen
 * shows the approval. Needs BYLINE_TEST_PG (tests/peers/postgres-up.sh; .ci/run starts one).
 */

const PG_URL = process.env.BYLINE_TEST_PG;
test.skip(!PG_URL, 'set BYLINE_TEST_PG (see tests/peers/postgres-up.sh) to run the shared-newsroom test');

const schema = `e2e_${randomBytes(6).toString('hex')}`;
const folders: Array<ReturnType<typeof makeDataDir>> = [];
const servers: RunningServer[] = [];

async function workstation(): Promise<RunningServer> {
  const data = makeDataDir();
  folders.push(data);
  const server = await startWebMode(data.dir, 0, { BYLINE_DATABASE_URL: PG_URL!, BYLINE_DATABASE_SCHEMA: schema });
  servers.push(server);
  return server;
}

test.afterAll(async () => {
  for (const s of servers.splice(0)) await s.stop();
  for (const f of folders.splice(0)) f.remove();
  if (!PG_URL) return;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

async function openAs(browser: Browser, server: RunningServer, profileId: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
  await context.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), profileId);
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: /내 기사/ })).toBeVisible();
  return page;
}

test('the reporter files on one workstation, the desk on another sees it at once and approves, the reporter sees the approval', async ({ browser }) => {
  test.setTimeout(120_000);
  // Both start at once on an empty schema: the migrations' advisory lock lets exactly one migrate.
  const [a, b] = await Promise.all([workstation(), workstation()]);
  const reporter = await callApi<{ id: string }>(a, 'profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' });
  const desk = await callApi<{ id: string }>(b, 'profiles.create', { name: '박데스크', email: '', role: 'desk', sections: [seed.section] });
  // Written on workstation A, as the reporter left it last night.
  const created = await callApi<Article>(a, 'articles.create', {}, { actorId: reporter.id });
  await callApi<Article>(
    a,
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
    { actorId: reporter.id },
  );

  const reporterPage = await openAs(browser, a, reporter.id);
  const deskPage = await openAs(browser, b, desk.id);
  await deskPage.getByTestId('queue-tab-desk').click();
  await expect(deskPage.getByTestId('queue-tab-count-desk')).toHaveText('0');

  await reporterPage.getByText(seed.headline).first().click();
  await expect(reporterPage.getByTestId('headline-input')).toHaveValue(seed.headline);
  await reporterPage.getByTestId('workflow-submit').click();
  await expect(reporterPage.getByTestId('workflow-state')).toHaveText('송고');

  // Workstation B hears of it from PostgreSQL: no reload, no poll.
  const row = deskPage.getByTestId('desk-queue-row').filter({ hasText: seed.headline });
  await expect(row).toBeVisible();
  await row.click();
  await expect(deskPage.getByTestId('headline-input')).toHaveValue(seed.headline);
  await deskPage.getByTestId('workflow-start-review').click();
  await expect(deskPage.getByTestId('workflow-state')).toHaveText('데스크 검토 중');
  await deskPage.getByTestId('workflow-approve').click();
  await expect(deskPage.getByTestId('workflow-state')).toHaveText('승인');

  // And workstation A hears of the approval the same way.
  await expect(reporterPage.getByTestId('workflow-state')).toHaveText('승인');
  await reporterPage.context().close();
  await deskPage.context().close();
});
