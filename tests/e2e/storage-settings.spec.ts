import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import pg from 'pg';
import { freePort } from './support/web-server';
import { useWorkstation } from './support/workstation';

/**
 * 환경설정 > 저장소 in web mode: a newsroom admin types the shared server in, tests the connection,
 * saves, and the next start opens it. The PostgreSQL half needs BYLINE_TEST_PG (tests/peers/postgres-up.sh).
 */

const ws = useWorkstation();
const PG_URL = process.env.BYLINE_TEST_PG;

async function openStorageSection(page: Page): Promise<Locator> {
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '환경설정' }).click();
  await page.getByRole('dialog', { name: '환경설정' }).getByTestId('settings-page-storage').click();
  const section = page.getByRole('dialog', { name: '환경설정' }).getByTestId('storage-settings');
  await expect(section.getByTestId('storage-running')).toBeVisible();
  return section;
}

async function fillServer(
  section: Locator,
  server: { host: string; port: number; database: string; user: string; schema?: string },
  password: string,
): Promise<void> {
  await section.getByTestId('storage-engine-postgres').check();
  await section.getByTestId('storage-host').fill(server.host);
  await section.getByTestId('storage-port').fill(String(server.port));
  await section.getByTestId('storage-database').fill(server.database);
  await section.getByTestId('storage-user').fill(server.user);
  await section.getByTestId('storage-password').fill(password);
  await section.getByTestId('storage-schema').fill(server.schema ?? '');
  await section.getByTestId('storage-sslmode').selectOption('disable');
}

test('a server that refuses is said so in Korean, and this computer stays the storage', async ({ page }) => {
  await ws.start();
  const section = await openStorageSection(page);
  await expect(section.getByTestId('storage-running')).toContainText('이 컴퓨터 (SQLite)');
  await expect(section).toContainText('다시 시작해야 적용됩니다');
  await expect(section).toContainText('기사는 옮겨지지 않습니다');
  await fillServer(section, { host: '127.0.0.1', port: await freePort(), database: 'byline', user: 'desk' }, 'pw');
  await section.getByRole('button', { name: '연결 시험' }).click();
  await expect(section.getByTestId('storage-test-result')).toContainText('연결을 거부했습니다');
});

test.describe(() => {
  test.skip(!PG_URL, 'set BYLINE_TEST_PG (tests/peers/postgres-up.sh) to run');

  test('the admin fills the newsroom server in, tests it, saves, and the next start opens it', async ({ page }) => {
    const url = new URL(PG_URL!);
    const password = decodeURIComponent(url.password);
    const schema = `e2e_${Date.now().toString(36)}`;
    const server = { host: url.hostname, port: Number(url.port || 5432), database: url.pathname.slice(1), user: decodeURIComponent(url.username), schema };
    try {
      await ws.start();
      let section = await openStorageSection(page);
      await fillServer(section, server, 'not-the-password');
      await section.getByRole('button', { name: '연결 시험' }).click();
      await expect(section.getByTestId('storage-test-result')).toContainText('비밀번호를 받아들이지 않았습니다');

      await section.getByTestId('storage-password').fill(password);
      await section.getByRole('button', { name: '연결 시험' }).click();
      await expect(section.getByTestId('storage-test-result')).toContainText('연결했습니다');
      await section.getByRole('button', { name: '다음 시작부터 사용' }).click();
      await expect(section.getByTestId('storage-saved')).toContainText('다음에 바이라인을 시작할 때 적용됩니다');
      await expect(section.getByTestId('storage-password')).toHaveValue('');
      await expect(section.getByTestId('storage-password')).toHaveAttribute('placeholder', /저장된 비밀번호 유지/);
      expect(readFileSync(path.join(ws.dataDir, 'storage.json'), 'utf8')).not.toContain(password);

      await ws.stop();
      await ws.start();
      section = await openStorageSection(page);
      await expect(section.getByTestId('storage-running')).toContainText(`뉴스룸 공유 데이터베이스 (${server.host}:${server.port}/${server.database})`);
      await expect(section.getByTestId('storage-host')).toHaveValue(server.host);
      await expect(section.getByTestId('storage-password')).toHaveValue('');
      // Nothing typed: the stored password is used.
      await section.getByRole('button', { name: '연결 시험' }).click();
      await expect(section.getByTestId('storage-test-result')).toContainText('연결했습니다');
    } finally {
      await ws.stop();
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.end());
    }
  });
});
