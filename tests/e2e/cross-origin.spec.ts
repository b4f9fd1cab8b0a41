import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Response } from '@playwright/test';
import config, { CHROMIUM_PATH } from './playwright.config';
import { useWorkstation } from './support/workstation';

/**
 * Web mode against pages that are not its own, in a real browser. The victim has Byline open (so its
 * session cookie exists) and then visits a page on another origin of the same machine, which tries to
 * read and write through the API; and a DNS-rebinding page reaches 127.0.0.1 under a foreign Host.
 * No API answer may be a 200, nothing may be read, nothing may be written.
 */

const ws = useWorkstation();

// rebind.test resolves to 127.0.0.1 inside this browser only (no DNS query leaves the machine), as an
// attacker's domain does after rebinding. Set for the whole file: Playwright starts a browser per file.
test.use({
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...(config.use?.launchOptions?.args ?? []), '--host-resolver-rules=MAP rebind.test 127.0.0.1'] },
});

/** The attacker's page: every way a page can reach another origin, results left in window.__results. */
function attackerPage(target: string): string {
  return `<!doctype html><meta charset="utf-8"><title>attacker</title>
<iframe name="sink" id="sink"></iframe><iframe id="embed" src="${target}/"></iframe>
<form id="form" method="post" action="${target}/api/articles.create" enctype="text/plain" target="sink">
<input name='{"headline":"외부 페이지가 만든 기사","x":"' value='"}'></form>
<script>
const target = ${JSON.stringify(target)};
const results = {};
const attempt = async (name, fn) => { try { results[name] = await fn(); } catch (e) { results[name] = 'blocked: ' + e.name; } };
(async () => {
  await attempt('cors-json-post', async () => (await fetch(target + '/api/articles.list', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
  await attempt('cors-read-page', async () => (await (await fetch(target + '/', { credentials: 'include' })).text()).slice(0, 50));
  await attempt('no-cors-post', async () => { const r = await fetch(target + '/api/articles.create', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{"headline":"외부 페이지가 만든 기사"}' }); return r.type + ' ' + r.status; });
  await attempt('no-cors-settings', async () => { const r = await fetch(target + '/api/settings.set', { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{"locale":"en"}' }); return r.type + ' ' + r.status; });
  await attempt('form-post', async () => { document.getElementById('form').submit(); await new Promise((r) => setTimeout(r, 500)); return 'submitted'; });
  await attempt('read-embedded-frame', async () => document.getElementById('embed').contentWindow.document.body.innerText);
  window.__results = results;
})();
</script>`;
}

async function serveAttacker(target: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(attackerPage(target));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function articleCount(request: APIRequestContext): Promise<{ total: number; locale: string }> {
  const headers = { Authorization: `Bearer ${new URL(ws.server.url).searchParams.get('token')}` };
  const list = await (await request.post(`${ws.server.origin}/api/articles.list`, { headers, data: {} })).json();
  const settings = await (await request.post(`${ws.server.origin}/api/settings.get`, { headers, data: {} })).json();
  return { total: list.value.total as number, locale: settings.value.locale as string };
}

test('a page on another origin cannot read or write through the API, even with the session cookie present', async ({ page, request }) => {
  await ws.start();
  await page.goto(ws.server.url); // the victim's session: the token traded for the HttpOnly cookie
  await expect(page.getByRole('heading', { name: /내 기사/ })).toBeVisible();
  const before = await articleCount(request);

  const attacker = await serveAttacker(ws.server.origin);
  const apiResponses: Response[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith(`${ws.server.origin}/api/`)) apiResponses.push(r);
  });
  try {
    await page.goto(attacker.origin);
    const read = () => page.evaluate(() => (window as unknown as { __results?: Record<string, string | number> }).__results);
    await expect.poll(read).toBeTruthy();
    const results = (await read())!;
    expect(results['cors-json-post']).toBe('blocked: TypeError');
    expect(results['cors-read-page']).toBe('blocked: TypeError');
    // A no-cors request still leaves the browser (the server must refuse it: Origin); its answer is either
    // opaque or, with Cross-Origin-Resource-Policy: same-origin, withheld altogether.
    expect(results['no-cors-post']).toMatch(/^(opaque 0|blocked: TypeError)$/);
    expect(results['no-cors-settings']).toMatch(/^(opaque 0|blocked: TypeError)$/);
    expect(results['read-embedded-frame']).toMatch(/^blocked: /);
    // What the browser was answered for the attacker's requests: never a 200 from the API. The
    // workstation's own page may still finish a request of its own after the listener is attached
    // (its list refreshes on its own); a browser marks those with the workstation's Origin, which no
    // other page can send.
    const apiAnswers: Array<[string, number]> = [];
    for (const r of apiResponses) {
      if ((await r.request().headerValue('origin')) !== ws.server.origin) apiAnswers.push([r.url(), r.status()]);
    }
    expect(apiAnswers.length).toBeGreaterThan(0);
    expect(apiAnswers.filter(([, status]) => status < 400)).toEqual([]);
    // The embedded workstation never rendered inside the attacker's page (frame-ancestors 'none').
    const embedded = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(ws.server.origin));
    if (embedded)
      expect(
        await embedded
          .locator('body')
          .innerText()
          .catch(() => ''),
      ).not.toContain('내 기사');
  } finally {
    await attacker.close();
  }
  expect(await articleCount(request)).toEqual(before);
});

test.describe('DNS rebinding', () => {
  test('a page reaching 127.0.0.1 under a foreign host name gets 421, even with the token', async ({ page, request }) => {
    await ws.start();
    const before = await articleCount(request);
    const token = new URL(ws.server.url).searchParams.get('token')!;
    const rebound = `http://rebind.test:${new URL(ws.server.origin).port}`;

    const response = await page.goto(`${rebound}/?token=${token}`);
    expect(response?.status()).toBe(421);
    await expect(page.locator('body')).not.toContainText('내 기사');
    // Same-origin from the rebound page's point of view, so nothing stops the request but the Host check.
    const answers = await page.evaluate(async (t) => {
      const post = (method: string, body: string) =>
        fetch(`/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' }, body });
      return [
        (await post('articles.list', '{}')).status,
        (await post('articles.create', '{"headline":"리바인딩"}')).status,
        (await post('settings.set', '{"locale":"en"}')).status,
      ];
    }, token);
    expect(answers).toEqual([421, 421, 421]);
    expect(await articleCount(request)).toEqual(before);
  });
});
