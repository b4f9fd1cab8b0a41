import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileKeySecretStore } from '../../electron/host/secret-store';
import { SESSION_FILE_NAME } from '../../electron/remote/session-keeper';
import { choiceOf, newsroomFile } from '../../electron/remote/newsroom-file';
import { NewsroomConnectionService } from '../../electron/services/newsroom-connection';
import { joinNewsroom, type Workstation } from '../../electron/remote/workstation';
import { startWebServer, type WebServer } from '../../electron/web/server';
import type { TrustOptions } from '../../electron/remote/certificate-pin';
import { addPerson, bearer, call, openEvents, post, postForm, setUpChief, startNewsroom, type Newsroom, type Person } from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/** A workstation as `npm run web` runs it when it joins a newsroom server: its own local web server in front. */
interface Joined {
  workstation: Workstation;
  web: WebServer;
  origin: string;
  /** The local server's own token, as the browser's cookie carries it. */
  headers: Record<string, string>;
  close(): Promise<void>;
}

describe.skipIf(!PG_URL)(`a workstation joined to its newsroom server (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  let room: Newsroom;
  let dir: string;
  let fingerprint: string;
  let chief: Person;
  let kim: Person;
  const open: Joined[] = [];

  async function join(dataDir: string, trust: TrustOptions): Promise<Joined> {
    const workstation = joinNewsroom({ dataDir, origin: room.origin, trust, secrets: new FileKeySecretStore(path.join(dataDir, 'secret.key')) });
    const staticDir = makeTempDir('byline-app-');
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>바이라인 앱</title>');
    const web = await startWebServer({
      dispatch: workstation.dispatch,
      staticDir,
      events: workstation.events,
      routes: (url, req, res) => workstation.route(url, req, res),
    });
    const origin = `http://127.0.0.1:${web.port}`;
    let closed = false;
    const joined = {
      workstation,
      web,
      origin,
      headers: bearer(web.token),
      close: async () => {
        if (closed) return;
        closed = true;
        await web.close();
        await workstation.close();
      },
    };
    open.push(joined);
    return joined;
  }
  const page = async (ws: Joined, pathname = '/') => (await fetch(`${ws.origin}${pathname}`, { headers: ws.headers })).text();
  const signInForm = (ws: Joined, login: string, password: string) =>
    fetch(`${ws.origin}/auth/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...ws.headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login, password }).toString(),
    });

  beforeAll(async () => {
    const schema = schemaName();
    await openTestPg(schema);
    dir = makeTempDir('byline-workstation-');
    room = await startNewsroom(dir, schema, { tls: true });
    chief = await setUpChief(room);
    kim = await addPerson(room, chief.actor, { login: 'kim', name: '김기자', role: 'reporter' });
    fingerprint = new X509Certificate(readFileSync(path.join(dir, 'server.pem'))).fingerprint256;
  }, 60_000);

  afterAll(async () => {
    await Promise.all(open.map((j) => j.close()));
    await room?.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('asks the person to sign in on the server it names, and answers nothing of the newsroom before', async () => {
    const ws = await join(makeTempDir('byline-ws-'), { pin: fingerprint });
    const html = await page(ws);
    expect(html).toContain('로그인');
    expect(html).toContain(`뉴스룸 서버 <strong>${new URL(room.origin).host}</strong>에 로그인합니다`);
    expect(await call(ws.origin, 'articles.list', {}, ws.headers)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    expect((await fetch(`${ws.origin}/auth/me`, { headers: ws.headers })).status).toBe(401);
    // The local server's own token still guards all of it: a page on this machine without it gets nothing.
    expect((await postForm(ws.origin, '/auth/sign-in', { login: 'kim', password: kim.password })).status).toBe(401);
  });

  it('signs in with the server’s answer in Korean, then forwards the contract, the events and the photos as that person', async () => {
    const ws = await join(makeTempDir('byline-ws-'), { pin: fingerprint });
    const wrong = await signInForm(ws, 'kim', '틀린 비밀번호');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toMatch(/아이디 또는 비밀번호|비밀번호/);

    const right = await signInForm(ws, 'kim', kim.password);
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/');
    expect(await page(ws)).toContain('바이라인 앱');
    const me = await (await fetch(`${ws.origin}/auth/me`, { headers: ws.headers })).json();
    expect(me).toMatchObject({ ok: true, value: { name: '김기자', role: 'reporter' } });

    // The window may claim anyone; the server files the story under the session's person.
    const created = await call(ws.origin, 'articles.create', { headline: '워크스테이션에서 쓴 기사' }, { ...ws.headers, 'x-byline-actor': chief.actor.id });
    expect(created.body).toMatchObject({ ok: true });
    const id = (created.body.value as { id: string }).id;
    expect((await call(ws.origin, 'workflow.status', { id }, ws.headers)).body).toMatchObject({ ok: true, value: { owner: { name: '김기자' } } });
    // What the server forbids a reporter stays forbidden through the workstation.
    expect((await call(ws.origin, 'accounts.list', {}, ws.headers)).body).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // A change made on another machine reaches this workstation's windows through its own event stream.
    const heard = await openEvents(ws.origin, ws.headers);
    try {
      const other = await call(room, 'articles.create', { headline: '국장이 서버에서 쓴 기사' }, bearer(chief.token));
      const otherId = (other.body.value as { id: string }).id;
      await heard.next((e) => e.name === 'article.changed' && (e.data as { articleId: string }).articleId === otherId);
    } finally {
      heard.close();
    }

    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#aa3366' } })
      .jpeg()
      .toBuffer();
    const imported = await call(ws.origin, 'media.import', { fileName: '현장.jpg', data: new Uint8Array(jpeg) }, ws.headers);
    expect(imported.body).toMatchObject({ ok: true });
    const photoId = (imported.body.value as { item: { id: string } }).item.id;
    const rendition = await fetch(`${ws.origin}/media/${photoId}/320.webp`, { headers: ws.headers });
    expect(rendition.status).toBe(200);
    expect(rendition.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await rendition.arrayBuffer())).metadata()).width).toBe(320);
    expect((await fetch(`${ws.origin}/media/${photoId}/320.webp`)).status).toBe(401);
  });

  it('keeps the session sealed across a restart, and signing out ends it on the server too', async () => {
    const data = makeTempDir('byline-ws-');
    const first = await join(data, { pin: fingerprint });
    expect((await signInForm(first, 'kim', kim.password)).status).toBe(303);
    await first.close();
    const sealed = readFileSync(path.join(data, SESSION_FILE_NAME), 'utf8');

    const token = new FileKeySecretStore(path.join(data, 'secret.key')).open((JSON.parse(sealed) as { tokenSealed: string }).tokenSealed);
    expect(sealed).not.toContain(token);
    expect((await call(room, 'articles.list', {}, bearer(token))).status).toBe(200);

    const again = await join(data, { pin: fingerprint });
    expect(await page(again)).toContain('바이라인 앱');
    expect(await (await fetch(`${again.origin}/auth/me`, { headers: again.headers })).json()).toMatchObject({ ok: true, value: { login: 'kim' } });

    const out = await post(again.origin, '/auth/sign-out', {}, again.headers);
    expect(out.body.ok).toBe(true);
    expect(await page(again)).toContain('로그인');
    expect(await call(again.origin, 'articles.list', {}, again.headers)).toMatchObject({ status: 401 });
    // The token the file held no longer opens anything on the server, and the file is gone.
    expect((await call(room, 'articles.list', {}, bearer(token))).status).toBe(401);
    expect(existsSync(path.join(data, SESSION_FILE_NAME))).toBe(false);
  });

  it('a session the server ended sends the person back to sign in, saying why', async () => {
    const ws = await join(makeTempDir('byline-ws-'), { pin: fingerprint });
    expect((await signInForm(ws, 'kim', kim.password)).status).toBe(303);
    await room.server.accounts.setDisabled(chief.actor, kim.actor.id, true);
    try {
      expect(await page(ws)).toContain('로그인이 끝났습니다');
      expect(await call(ws.origin, 'articles.list', {}, ws.headers)).toMatchObject({ status: 401 });
    } finally {
      await room.server.accounts.setDisabled(chief.actor, kim.actor.id, false);
    }
  });

  it('never sends a password to a server whose certificate nobody confirmed, and shows the fingerprint to compare', async () => {
    const ws = await join(makeTempDir('byline-ws-'), {});
    const answer = await signInForm(ws, 'kim', kim.password);
    expect(answer.status).toBe(403);
    const html = await answer.text();
    expect(html).toContain(fingerprint);
    expect(html).toMatch(/공인 인증기관이 보증하지 않습니다/);
  });

  it('뉴스룸 서버에 연결 shows the certificate, saves only a confirmed fingerprint, and the joined workstation can leave again', async () => {
    const data = makeTempDir('byline-ws-');
    const file = newsroomFile(data);
    const here = new NewsroomConnectionService({ file });
    expect(await here.inspect(room.origin)).toMatchObject({ origin: room.origin, fingerprint, trusted: false });
    await expect(here.connect({ origin: room.origin })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(fingerprint) });
    const other = 'AB:'.repeat(31) + 'CD';
    await expect(here.connect({ origin: room.origin, fingerprint: other })).rejects.toMatchObject({ message: expect.stringMatching(/지문.*다릅니다/) });
    expect(file.read()).toBeUndefined();
    expect(await here.connect({ origin: room.origin, fingerprint: fingerprint.replace(/:/g, '').toLowerCase() })).toEqual({
      saved: { origin: room.origin, fingerprint },
      running: null,
      restartPending: true,
    });

    // The next start joins with what was saved, and answers the connection itself, not the server.
    const ws = await join(data, choiceOf(file.read()!).trust);
    expect(await call(ws.origin, 'newsroom.connection', {}, ws.headers)).toMatchObject({
      body: { ok: true, value: { running: room.origin, restartPending: false } },
    });
    expect(await call(ws.origin, 'newsroom.disconnect', {}, ws.headers)).toMatchObject({
      body: { ok: true, value: { saved: null, running: room.origin, restartPending: true } },
    });
    expect(file.read()).toBeUndefined();
    // On the server itself there is nothing to join.
    expect((await call(room, 'newsroom.connection', {}, bearer(chief.token))).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
