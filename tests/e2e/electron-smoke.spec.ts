import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { makeDataDir } from './support/web-server';

/**
 * Only where Electron's binary exists (the npm package installs types alone on machines that cannot
 * download it). Never requires 'electron' itself: that would try to download the binary.
 */
function electronBinary(): string | undefined {
  try {
    const pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const mainBundle = path.resolve('.vite/build/main.cjs');

if (!binary) console.log('[electron-smoke] Electron binary not installed on this machine: the desktop smoke test is skipped.');

test('the desktop window opens the workstation in Korean', async () => {
  test.skip(!binary, 'Electron binary not installed on this machine (the npm package ships types only): desktop smoke test skipped');
  test.skip(!existsSync(mainBundle), 'No .vite/build/main.cjs: run `npm run package` (or `npm start` once) first to build the main process');
  const data = makeDataDir();
  const app = await electron.launch({ executablePath: binary, args: [mainBundle], env: { ...process.env, BYLINE_DATA_DIR: data.dir } });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: /내 기사/ })).toBeVisible();
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    data.remove();
  }
});
