import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { fieldsOf, type Article } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import config, { CHROMIUM_PATH } from '../e2e/playwright.config';
import { makeDataDir, startWebMode } from '../e2e/support/web-server';
import { koreanParagraphs } from './korean-text';
import { percentile, report } from './report';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const ROUNDS = 5;
const KEYSTROKES_PER_ROUND = 120;
const WARMUP = 20;
/** What is typed: Korean syllables, spaces and punctuation, one input event each. */
const TYPED = '양자 기술 협력을 논의했다. 장관은 2025년 미국을 방문했다. ';

async function buildRendererIfMissing(): Promise<void> {
  if (existsSync(path.join(root, '.vite', 'renderer', 'main_window', 'index.html'))) return;
  await build({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

async function buildBareEditor(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.join(here, 'bare-editor'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

function serveDir(dir: string, stateJson: string): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : path.normalize((req.url ?? '').split('?')[0]!).replace(/^([/\\])+/, '');
    if (name === 'state.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(stateJson);
      return;
    }
    const file = path.join(dir, name);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

/**
 * Two figures per keystroke, both from `beforeinput`:
 * - work: until the editor has handled the input and the browser has laid the page out again (a
 *   message posted from the handler runs after the event's task and Lexical's microtask commit);
 * - frame: until the end of the next frame (a message posted from requestAnimationFrame), which
 *   adds the wait for the display's next refresh.
 */
async function installProbe(page: Page): Promise<void> {
  const editor = page.getByTestId('body-editor');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    const w = window as unknown as { __work: number[]; __frame: number[]; __probed?: boolean };
    w.__work = [];
    w.__frame = [];
    // The bare page is compared twice (without and with 맞춤법): one listener, not two.
    if (w.__probed) return;
    w.__probed = true;
    document.addEventListener(
      'beforeinput',
      () => {
        const t0 = performance.now();
        const afterWork = new MessageChannel();
        afterWork.port1.onmessage = () => {
          document.body.getBoundingClientRect();
          w.__work.push(performance.now() - t0);
        };
        afterWork.port2.postMessage(0);
        requestAnimationFrame(() => {
          const afterFrame = new MessageChannel();
          afterFrame.port1.onmessage = () => w.__frame.push(performance.now() - t0);
          afterFrame.port2.postMessage(0);
        });
      },
      true,
    );
  });
}

async function typeRound(page: Page, keystrokes: number): Promise<{ work: number[]; frame: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __work: number[]; __frame: number[] };
    w.__work = [];
    w.__frame = [];
  });
  for (let i = 0; i < keystrokes; i += 1) {
    const ch = TYPED[i % TYPED.length]!;
    if (ch === ' ' || /[0-9.]/.test(ch)) await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    else await page.keyboard.insertText(ch);
    // A fast typist: about 12 keys a second.
    await page.waitForTimeout(80);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { __work: number[]; __frame: number[] };
    return { work: w.__work, frame: w.__frame };
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Rounds alternate between the two editors so that both see the same machine noise (two cores shared
 * with the server and the browser); each figure is the median over rounds of that round's percentile.
 */
async function compare(byline: Page, bare: Page) {
  await installProbe(byline);
  await installProbe(bare);
  await typeRound(byline, WARMUP);
  await typeRound(bare, WARMUP);
  const rounds: Array<{ a: { work: number[]; frame: number[] }; b: { work: number[]; frame: number[] } }> = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    await byline.bringToFront();
    const a = await typeRound(byline, KEYSTROKES_PER_ROUND);
    await bare.bringToFront();
    const b = await typeRound(bare, KEYSTROKES_PER_ROUND);
    rounds.push({ a, b });
  }
  const fig = (pick: (r: (typeof rounds)[number]) => number[], p: number) => Math.round(median(rounds.map((r) => percentile(pick(r), p))) * 100) / 100;
  return {
    p50: fig((r) => r.a.work, 50),
    bareP50: fig((r) => r.b.work, 50),
    p95: fig((r) => r.a.work, 95),
    bareP95: fig((r) => r.b.work, 95),
    frameP95: fig((r) => r.a.frame, 95),
    bareFrameP95: fig((r) => r.b.frame, 95),
  };
}

/** Typing into a 20,000-character story in Byline's editor, next to a bare Lexical editor in the same run. */
export async function benchTyping(): Promise<void> {
  await buildRendererIfMissing();
  const state = editorStateFromParagraphs(koreanParagraphs(20_000));
  const bareDir = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-bare-'));
  await buildBareEditor(bareDir);
  const bare = await serveDir(bareDir, JSON.stringify(state));
  const data = makeDataDir();
  const server = await startWebMode(data.dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: config.use?.launchOptions?.args });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The figures Byline has always reported are its editor without the spelling check (a preference of the
    // browser, views/spelling/SpellingProvider.tsx); the check's own figure is measured apart, below.
    await page.addInitScript(() => localStorage.setItem('byline.spelling.enabled', 'off'));
    // Seed the story through the app's own API, then open it as a reporter would.
    const token = new URL(server.url).searchParams.get('token')!;
    const call = async (method: string, input: unknown) => {
      const res = await fetch(`${server.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const result = (await res.json()) as { ok: boolean; value: Article; error?: unknown };
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
      return result.value;
    };
    const created = await call('articles.create', { headline: '타이핑 벤치마크' });
    await call('articles.save', { id: created.id, baseVersion: created.version, fields: { ...fieldsOf(created), body: state } });
    await call('settings.set', { lastOpenArticleId: created.id });
    await page.goto(server.url);
    await page
      .getByTestId('story-list')
      .getByRole('button', { name: /타이핑 벤치마크/ })
      .waitFor();
    const barePage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await barePage.goto(bare.url);
    const f = await compare(page, barePage);
    report({ bench: 'typing', metric: 'keystroke_p50', value: f.p50, unit: 'ms', baseline: f.bareP50 });
    report({ bench: 'typing', metric: 'keystroke_p95', value: f.p95, unit: 'ms', target: 16, baseline: f.bareP95 });
    report({ bench: 'typing', metric: 'keystroke_p95_vs_bare', value: Math.round((f.p95 / f.bareP95) * 100) / 100, unit: 'x', target: 1.5 });
    report({ bench: 'typing', metric: 'keystroke_to_frame_p95', value: f.frameP95, unit: 'ms', baseline: f.bareFrameP95 });
    await page.close();

    // The same story with 맞춤법 on: its worker loaded and every paragraph checked before the first keystroke.
    const spelled = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await spelled.goto(server.url);
    await spelled.waitForFunction(() => (CSS.highlights.get('byline-spelling')?.size ?? 0) > 0, undefined, { timeout: 120_000 });
    const s = await compare(spelled, barePage);
    report({ bench: 'typing', metric: 'keystroke_p95_spellcheck', value: s.p95, unit: 'ms', target: 16, baseline: s.bareP95 });
    report({ bench: 'typing', metric: 'keystroke_p95_vs_bare_spellcheck', value: Math.round((s.p95 / s.bareP95) * 100) / 100, unit: 'x', target: 1.5 });
    report({ bench: 'typing', metric: 'keystroke_to_frame_p95_spellcheck', value: s.frameP95, unit: 'ms', baseline: s.bareFrameP95 });
  } finally {
    await browser.close();
    await server.stop();
    bare.close();
    data.remove();
    rmSync(bareDir, { recursive: true, force: true });
  }
}
