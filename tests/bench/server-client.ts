import http from 'node:http';
import { EVENTS_ROUTE } from '../../shared/contract-events';
import { readServerSentEvents } from './event-stream-reader';

/** A request that has not answered in this long is a failed one, not a slow one. */
const REQUEST_TIMEOUT_MS = 30_000;

interface Answer<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

/** POST `path` with a JSON body on the server at `port`; resolves with the value, rejects with the server's own words. */
export function postJson<T>(agent: http.Agent, port: number, path: string, body: unknown, token?: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const text = JSON.stringify(body);
    const headers: http.OutgoingHttpHeaders = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) };
    if (token) headers.Authorization = `Bearer ${token}`;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        let answer: Answer<T>;
        try {
          answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer<T>;
        } catch {
          return reject(new Error(`${path}: HTTP ${res.statusCode}, not JSON`));
        }
        if (answer.ok) resolve(answer.value as T);
        else reject(new Error(`${path}: HTTP ${res.statusCode} ${answer.error?.code}: ${answer.error?.message}`));
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(text);
  });
}

/**
 * One person's workstation on the newsroom server: signs in with a login and password (a bearer token,
 * as a workstation gets), makes contract calls on one keep-alive socket, and keeps one event stream open
 * on a socket of its own. Calls never name an actor: the server takes it from the session.
 */
export class ServerClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private token: string | undefined;
  private stream: http.ClientRequest | undefined;
  private closing = false;

  constructor(
    readonly index: number,
    readonly port: number,
  ) {}

  async signIn(login: string, password: string): Promise<void> {
    const value = await postJson<{ token: string; mustChangePassword: boolean }>(this.agent, this.port, '/auth/sign-in', {
      login,
      password,
      client: 'workstation',
    });
    if (value.mustChangePassword) throw new Error(`${login}: the server still asks for a new password`);
    this.token = value.token;
  }

  call<T>(method: string, input: unknown): Promise<T> {
    return postJson<T>(this.agent, this.port, `/api/${method}`, input, this.token);
  }

  /**
   * Opens GET /events; resolves once the server has answered 200, so nothing sent after is missed.
   * `onDrop` hears of a stream that ends or fails before close() (a dropped stream is an error).
   */
  listen(onEvent: (name: string, data: unknown) => void, onDrop: (why: string) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const headers = { Authorization: `Bearer ${this.token}`, Accept: 'text/event-stream' };
      let answered = false;
      let dropped = false;
      // A dead socket says so twice (the response closes, the request fails): one drop.
      const drop = (why: string) => {
        if (dropped || this.closing) return;
        dropped = true;
        onDrop(`client ${this.index}: event stream ${why}`);
      };
      const req = http.get({ host: '127.0.0.1', port: this.port, path: EVENTS_ROUTE, headers, agent: false }, (res) => {
        answered = true;
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new Error(`${EVENTS_ROUTE}: HTTP ${res.statusCode}`));
        }
        readServerSentEvents(res, onEvent);
        res.on('close', () => drop('closed by the server'));
        resolve();
      });
      req.on('error', (err) => {
        if (!answered) reject(err);
        else drop(err.message);
      });
      this.stream = req;
    });
  }

  close(): void {
    this.closing = true;
    this.stream?.destroy();
    this.agent.destroy();
  }
}
