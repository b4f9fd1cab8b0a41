import http from 'node:http';
import net from 'node:net';
import { openPgDatabase } from '../../electron/db/postgres/pg-database';
import { Accounts } from '../../electron/server/accounts';
import { hashPassword, OWASP_COST } from '../../electron/server/passwords';
import { SessionStore, type SessionActor } from '../../electron/server/sessions';
import { fieldsOf, type Article } from '../../shared/article';
import type { EditorStateJson } from '../../shared/editor-state';
import { postJson, type ServerClient } from './server-client';
import type { ServerProcess } from './server-process';

export const BENCH_SECTION = 'IT/과학';
const CHIEF = { login: 'chief', name: '벤치국장', password: '벤치 편집국장의 비밀번호' };
/** The temporary passwords no one will type (see setUpAccounts). */
const SETUP_COST = { N: 2 ** 10, r: 8, p: 1 };

export const loginOf = (i: number) => `desk${String(i).padStart(3, '0')}`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Runs `task` on every item, at most `width` at a time, in order of the items. */
export async function inPool<T, R>(width: number, items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

/**
 * The newsroom the bench signs into: the first 편집국장 through the one-time link process A printed, then
 * `count` 데스크 accounts (section IT/과학) made by the server's own Accounts service as that 편집국장,
 * on the bench's connection to the same schema. Setting up is not measured: the temporary passwords
 * are hashed cheaply, and the step a first sign-in forces (a new password, three hashes at full cost)
 * is stood in for by one password the bench hashed itself at the server's cost, so 200 accounts take
 * seconds rather than hundreds of full hashes, and the sign-ins then measured are ordinary ones.
 * Returns that password.
 */
export async function setUpAccounts(servers: readonly ServerProcess[], count: number, storage: { url: string; schema: string }): Promise<string> {
  const first = servers[0]!;
  if (!first.setupToken) throw new Error('process A printed no setup link: the schema is not empty');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const db = await openPgDatabase(storage.url, { schema: storage.schema, max: 4, applicationName: 'byline-bench-admin' });
  try {
    await postJson(agent, first.port, '/auth/setup', { token: first.setupToken, ...CHIEF });
    const chief = await db.get<{ id: string }>('SELECT id FROM profiles WHERE login = ?', [CHIEF.login]);
    const actor: SessionActor = { id: chief!.id, name: CHIEF.name, login: CHIEF.login, role: 'chief', sections: [], admin: true, mustChangePassword: false };
    const accounts = new Accounts({ db, sessions: new SessionStore(db), cost: SETUP_COST });
    const created = await inPool(
      4,
      Array.from({ length: count }, (_, i) => i),
      (i) => accounts.create(actor, { login: loginOf(i), name: `데스크${i}`, title: '', email: '', role: 'desk', sections: [BENCH_SECTION], admin: false }),
    );
    const password = '벤치 데스크의 비밀번호';
    const hash = await hashPassword(password, OWASP_COST);
    for (const { profileId } of created) {
      await db.run('UPDATE account_passwords SET hash = ?, must_change = false WHERE profile_id = ?', [hash, profileId]);
    }
    return password;
  } finally {
    agent.destroy();
    await db.close();
  }
}

/**
 * The story a signed-in 데스크 keeps saving: written, filed and taken up for review by them, so the desk
 * queue holds it and its lock is theirs. No call names an actor; the session does.
 */
export async function storyInReview(client: ServerClient, body: EditorStateJson): Promise<Article> {
  const created = await client.call<Article>('articles.create', { headline: `서버 벤치 ${client.index}`, section: BENCH_SECTION });
  const written = await client.call<Article>('articles.save', {
    id: created.id,
    baseVersion: created.version,
    fields: { ...fieldsOf(created), body, bylines: [{ name: `데스크${client.index}`, email: '', title: '기자' }] },
  });
  await client.call('workflow.submit', { id: written.id, version: written.version });
  const { article } = await client.call<{ article: Article }>('workflow.startReview', { id: written.id });
  return article;
}
