import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP proxy on 127.0.0.1 between Byline and a real WordPress, that injects faults on the
 * requests it is told to: a dropped response after WordPress did the work, a 5xx or 401 answered in
 * WordPress's place, a slow answer, a request held back and delivered late. Everything else goes
 * through untouched.
 */

export type Fault =
  /** Forward, let WordPress finish, then cut the connection instead of answering. */
  | { kind: 'drop-after' }
  /** Answer in WordPress's place with this status and a WordPress-shaped error; nothing reaches WordPress. */
  | { kind: 'status'; status: number; code?: string; message?: string }
  /** Forward, and hold WordPress's answer back for `ms`. */
  | { kind: 'delay'; ms: number }
  /** Keep the request here; it reaches WordPress only when the test calls `release()` (see `WpProxy.hold`). */
  | { kind: 'hold'; held: HeldRequest }
  /** Run `before` before forwarding and `after` once WordPress answered, before the answer goes back: orders this request against a held one. */
  | { kind: 'hook'; before?: () => Promise<unknown>; after?: () => Promise<unknown> };

/**
 * A request the proxy took in but did not pass on, as a slow network or a queueing front end does: the
 * client gives up on it, and WordPress still gets it, late, when the test says.
 */
export class HeldRequest {
  /** Settles once the request reached the proxy. */
  readonly arrived: Promise<void>;
  private arrive!: () => void;
  private deliver: (() => Promise<number>) | undefined;

  constructor() {
    this.arrived = new Promise<void>((resolve) => (this.arrive = resolve));
  }

  /** @internal the proxy's side */
  hand(deliver: () => Promise<number>): void {
    this.deliver = deliver;
    this.arrive();
  }

  /** Passes the request on to WordPress; resolves with WordPress's status once it answered, whether or not the client still listens. */
  async release(): Promise<number> {
    await this.arrived;
    const deliver = this.deliver;
    if (!deliver) throw new Error('held request released twice');
    this.deliver = undefined;
    return deliver();
  }
}

export interface Rule {
  method?: string;
  /** Matched against the REST route (`rest_route`), e.g. /^\/wp\/v2\/posts$/. */
  route: RegExp;
  fault: Fault;
  /** How many matching requests get the fault; then the rule is spent. */
  times: number;
}

export interface SeenRequest {
  method: string;
  route: string;
  fault: Fault['kind'] | null;
}

export class WpProxy {
  readonly seen: SeenRequest[] = [];
  private rules: Rule[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(upstream: string): Promise<WpProxy> {
    const target = new URL(upstream);
    const holder: { proxy?: WpProxy } = {};
    const server = http.createServer((req, res) => holder.proxy!.handle(req, res, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.proxy = new WpProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.proxy;
  }

  inject(rule: Omit<Rule, 'times'> & { times?: number }): void {
    this.rules.push({ ...rule, times: rule.times ?? 1 });
  }

  /** The next matching request is kept back until the returned handle releases it. */
  hold(rule: { method?: string; route: RegExp }): HeldRequest {
    const held = new HeldRequest();
    this.inject({ ...rule, fault: { kind: 'hold', held } });
    return held;
  }

  clear(): void {
    this.rules = [];
    this.seen.length = 0;
  }

  count(method: string, route: RegExp): number {
    return this.seen.filter((r) => r.method === method && route.test(r.route)).length;
  }

  private take(method: string, route: string): Fault | undefined {
    const rule = this.rules.find((r) => r.times > 0 && (!r.method || r.method === method) && r.route.test(route));
    if (!rule) return undefined;
    rule.times -= 1;
    return rule.fault;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, target: URL): void {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const route = url.searchParams.get('rest_route') ?? url.pathname;
    const method = req.method ?? 'GET';
    const fault = this.take(method, route);
    this.seen.push({ method, route, fault: fault?.kind ?? null });
    // The whole request is read first, so that a held one can still be delivered after the client gave up.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (fault?.kind === 'status') {
        res.writeHead(fault.status, { 'Content-Type': 'application/json; charset=UTF-8' });
        res.end(
          JSON.stringify({ code: fault.code ?? 'injected_fault', message: fault.message ?? 'Injected by the test proxy.', data: { status: fault.status } }),
        );
        return;
      }
      const deliver = async (): Promise<number> => {
        if (fault?.kind === 'hook' && fault.before) await fault.before();
        let answer: Upstream;
        try {
          answer = await forward(target, method, req.url ?? '/', req.headers, body);
        } catch {
          res.socket?.destroy();
          return 0;
        }
        if (fault?.kind === 'hook' && fault.after) await fault.after();
        if (fault?.kind === 'drop-after') {
          res.socket?.destroy();
          return answer.status;
        }
        const send = () => {
          if (res.socket?.destroyed || res.headersSent) return;
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        };
        if (fault?.kind === 'delay') setTimeout(send, fault.ms);
        else send();
        return answer.status;
      };
      if (fault?.kind === 'hold') fault.held.hand(deliver);
      else void deliver();
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

interface Upstream {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

function forward(target: URL, method: string, path: string, headers: http.IncomingHttpHeaders, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const upstream = http.request({ host: target.hostname, port: target.port, method, path, headers: { ...headers, host: target.host } }, (up) => {
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('error', reject);
      up.on('end', () => {
        const answer = Buffer.concat(chunks);
        const out: http.OutgoingHttpHeaders = { ...up.headers };
        delete out['transfer-encoding'];
        out['content-length'] = String(answer.length);
        resolve({ status: up.statusCode ?? 502, headers: out, body: answer });
      });
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}
