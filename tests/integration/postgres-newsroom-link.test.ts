import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectCertificate, sameFingerprint } from '../../electron/remote/certificate-pin';
import { NewsroomLink } from '../../electron/remote/newsroom-link';
import { remoteDispatch } from '../../electron/remote/remote-dispatch';
import sharp from 'sharp';
import type { AppError } from '../../shared/errors';
import { selfSignedCertificate } from './support/certificate';
import { addPerson, setUpChief, startNewsroom, type Newsroom, type Person } from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/** What a call refused with: the AppError the link throws. */
async function refusal(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
  expect(err, 'the call should have been refused').toBeDefined();
  return err!;
}

describe.skipIf(!PG_URL)(`a workstation's pinned road to its newsroom server (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  let room: Newsroom;
  let roomOpen = false;
  let dir: string;
  let fingerprint: string;
  let chief: Person;
  const links: NewsroomLink[] = [];
  const link = (...args: ConstructorParameters<typeof NewsroomLink>) => {
    const l = new NewsroomLink(...args);
    links.push(l);
    return l;
  };

  beforeAll(async () => {
    const schema = schemaName();
    await openTestPg(schema);
    dir = makeTempDir('byline-newsroom-link-');
    room = await startNewsroom(dir, schema, { tls: true });
    roomOpen = true;
    chief = await setUpChief(room);
    await addPerson(room, chief.actor, { login: 'kim', name: '김기자', role: 'reporter' });
    fingerprint = new X509Certificate(readFileSync(path.join(dir, 'server.pem'))).fingerprint256;
  }, 60_000);

  afterAll(async () => {
    await Promise.all(links.map((l) => l.close()));
    if (roomOpen) await room.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('shows a self-signed certificate as not vouched for, with the fingerprint openssl prints for it', async () => {
    const shown = await inspectCertificate(room.origin);
    expect(shown).toMatchObject({ trusted: false, fingerprint });
    expect(shown.subject).toContain('CN=127.0.0.1');
    expect(sameFingerprint(fingerprint.replace(/:/g, '').toLowerCase(), fingerprint)).toBe(true);
  });

  it('refuses to send a password to a self-signed server nobody confirmed, saying which fingerprint to compare', async () => {
    const err = await refusal(link(room.origin).signIn('kim', 'kim의 새 비밀번호'));
    expect(err).toMatchObject({ code: 'FORBIDDEN', details: { certificate: 'unconfirmed', fingerprint } });
    expect(err.message).toContain(fingerprint);
    expect(err.message).toMatch(/공인 인증기관이 보증하지 않습니다/);
  });

  it('a certificate the trusted roots vouch for just works, without a pin', async () => {
    const roots = link(room.origin, { ca: readFileSync(path.join(dir, 'server.pem')) });
    const session = await roots.signIn('kim', 'kim의 새 비밀번호');
    expect(session).toMatchObject({ mustChangePassword: false });
    expect(session.token).toMatch(/^[\w-]{43}$/);
  });

  it('once confirmed, calls go through as the signed-in person, and the server still decides what they may do', async () => {
    const pinned = link(room.origin, { pin: fingerprint });
    const { token } = await pinned.signIn('kim', 'kim의 새 비밀번호');
    const created = await pinned.call<{ id: string }>('articles.create', { headline: '연결한 워크스테이션에서 쓴 기사' }, token);
    const status = await pinned.call<{ owner: { name: string } }>('workflow.status', { id: created.id }, token);
    expect(status.owner.name).toBe('김기자');
    const forbidden = await refusal(pinned.call('publish.saveTarget', { id: null, name: '몰래 만든 대상', kind: 'bundle' }, token));
    expect(forbidden.code).toBe('FORBIDDEN');
    const wrong = await refusal(pinned.signIn('kim', '틀린 비밀번호'));
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(wrong.message).toMatch(/[가-힣]/);
  });

  it("a workstation's dispatch forwards the contract as the person signed in: checked before it leaves, a photo as bytes", async () => {
    const pinned = link(room.origin, { pin: fingerprint });
    const session: { token?: string } = {};
    const dispatch = remoteDispatch(
      pinned,
      () => session.token,
      () => undefined,
    );
    expect(await dispatch('articles.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: '뉴스룸 서버에 로그인하세요.' } });
    session.token = (await pinned.signIn('kim', 'kim의 새 비밀번호')).token;

    const created = await dispatch('articles.create', { headline: '출장지에서 쓴 기사' }, { actorId: '00000000-0000-4000-8000-000000000000' });
    expect(created).toMatchObject({ ok: true, value: { headline: '출장지에서 쓴 기사' } });
    const id = (created as { value: { id: string } }).value.id;
    // The window's claimed actor never leaves the workstation: the server files it under the session's person.
    expect(await dispatch('workflow.status', { id })).toMatchObject({ ok: true, value: { owner: { name: '김기자' } } });

    expect(await dispatch('articles.create', { headline: '제목', actorId: 'chief' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch('articles.nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });

    const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#3366aa' } })
      .jpeg()
      .toBuffer();
    const imported = await dispatch('media.import', { fileName: '현장.jpg', data: new Uint8Array(jpeg) });
    expect(imported).toMatchObject({ ok: true, value: { reused: false, item: { width: 320, height: 240 } } });
  });

  it('a server out of reach is a Korean STORAGE error, as a database out of reach is', async () => {
    const away = link('https://127.0.0.1:9', { pin: fingerprint });
    const err = await refusal(away.call('articles.list', {}, 'no-token'));
    expect(err.code).toBe('STORAGE');
    expect(err.message).toMatch(/뉴스룸 서버\(127\.0\.0\.1:9\)에 연결할 수 없습니다/);
  });

  it('refuses a swapped certificate at the same address before sending anything, and a re-confirmed fingerprint is accepted', async () => {
    const pinned = link(room.origin, { pin: fingerprint });
    const { token } = await pinned.signIn('kim', 'kim의 새 비밀번호');
    const port = Number(new URL(room.origin).port);
    await room.close();
    roomOpen = false;

    // Someone else answers at the newsroom's address with a certificate of their own, and would take anything.
    const other = selfSignedCertificate(makeTempDir('byline-impostor-'));
    let heard = 0;
    const impostor: Server = createServer({ cert: other.cert, key: other.key }, (_req, res) => {
      heard += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, value: { id: 'impostor' } }));
    });
    await new Promise<void>((resolve) => impostor.listen(port, '127.0.0.1', resolve));
    try {
      const swapped = new X509Certificate(other.cert).fingerprint256;
      const err = await refusal(pinned.call('articles.create', { headline: '가로채인 기사' }, token));
      expect(err).toMatchObject({ code: 'FORBIDDEN', details: { certificate: 'changed', fingerprint: swapped, pinned: fingerprint } });
      expect(err.message).toMatch(/인증서가 바뀌었습니다/);
      expect(heard).toBe(0);

      // The person checks the new fingerprint with the administrator and confirms it: only then it is used.
      expect((await inspectCertificate(room.origin)).fingerprint).toBe(swapped);
      const reconfirmed = link(room.origin, { pin: swapped });
      expect(await reconfirmed.call('articles.create', {}, token)).toEqual({ id: 'impostor' });
      expect(heard).toBe(1);
    } finally {
      await new Promise((resolve) => impostor.close(resolve));
    }
  });

  it('refuses an address that is not https', () => {
    expect(() => new NewsroomLink('http://127.0.0.1:8443')).toThrow(/https:\/\/로 시작해야 합니다/);
  });
});
