import http from 'node:http';
import type net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVENT_STREAMS } from '../../electron/web/event-stream';
import { EVENTS_ROUTE } from '../../shared/contract-events';
import { addPerson, setUpChief, startNewsroom, type Newsroom, type Person } from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

let room: Newsroom;
const open: http.ClientRequest[] = [];

/** Opens one event stream as a workstation does; resolves with the status the server answered. */
function openStream(token: string): Promise<{ status: number; req: http.ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port: room.server.port,
        path: EVENTS_ROUTE,
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        agent: false,
      },
      (res) => {
        if (res.statusCode !== 200) res.resume();
        resolve({ status: res.statusCode ?? 0, req });
      },
    );
    req.on('error', reject);
    open.push(req);
  });
}

/** GET /auth/me on `agent`; resolves with the socket it went over. */
function whoAmI(agent: http.Agent, token: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: room.server.port, path: '/auth/me', headers: { authorization: `Bearer ${token}` }, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(req.socket!));
    });
    req.on('error', reject);
  });
}

/** Someone the 편집국장 adds (through the server's Accounts, as the 사용자 관리 screen's method does), past their temporary password. */
const person = (chief: Person, login: string) => addPerson(room, chief.actor, { login, name: login, role: 'reporter' });

describe.skipIf(!PG_URL)(`the newsroom server's connections (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  let chief: Person;

  beforeAll(async () => {
    const schema = schemaName();
    await openTestPg(schema);
    room = await startNewsroom(makeTempDir('byline-server-streams-'), schema);
    chief = await setUpChief(room);
  }, 60_000);

  afterAll(async () => {
    for (const req of open) req.destroy();
    await room?.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('serves a whole newsroom, not a hundred windows: the limit is per person, and a closed window frees its place', async () => {
    const kim = (await person(chief, 'kim')).token;
    const park = (await person(chief, 'park')).token;
    const kims = await Promise.all(Array.from({ length: MAX_EVENT_STREAMS }, () => openStream(kim)));
    expect(kims.map((s) => s.status)).toEqual(Array<number>(MAX_EVENT_STREAMS).fill(200));
    // A leak in one person's windows stops at their own limit…
    expect((await openStream(kim)).status).toBe(503);
    // …and everyone else's live queues still open: the server's 101st stream is someone else's first.
    expect((await openStream(park)).status).toBe(200);
    expect((await openStream(chief.token)).status).toBe(200);

    kims[0]!.req.destroy();
    await expect.poll(async () => (await openStream(kim)).status, { timeout: 5_000 }).toBe(200);
  });

  it('keeps an idle connection past Node’s 5 s: a workstation saving every 5 s sends on the same socket, not into a reset', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await whoAmI(agent, chief.token);
      await sleep(6_000);
      const second = await whoAmI(agent, chief.token);
      expect(second).toBe(first);
    } finally {
      agent.destroy();
    }
  });
});
