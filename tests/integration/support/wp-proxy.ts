import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP proxy on 127.0.0.1 between Byline and a real WordPress, that injects faults on the
 * requests it is told to: a dropped response after WordPress did the work, a 5xx or 401 answered in
 * WordPress's place, a slow answer. Everything else goes through untouched.
 */

export type Fault =
  /** Forward, let WordPress finish, then cut the connection instead of answering. */
  | { kind: 'drop-after' }
  /** Answer in WordPress's place with this status and a WordPress-shaped error; nothing reaches WordPress. */
  | { kind: 'status'; status: number; code?: string; message?: string }
  /** Forward, and hold WordPress's answer back for `ms`. */
  | { kind: 'delay'; ms: number };

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
    if (fault?.kind === 'status') {
      req.resume();
      req.on('end', () => {
        res.writeHead(fault.status, { 'Content-Type': 'application/json; charset=UTF-8' });
        res.end(JSON.stringify({ code: fault.code ?? 'injected_fault', message: fault.message ?? 'Injected by the test proxy.', data: { status: fault.status } }));
      });
      return;
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, method, path: req.url, headers: { ...req.headers, host: target.host } },
      (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          if (fault?.kind === 'drop-after') {
            res.socket?.destroy();
            return;
          }
          const send = () => {
            if (res.socket?.destroyed) return;
            const headers = { ...up.headers };
            delete headers['transfer-encoding'];
            headers['content-length'] = String(body.length);
            res.writeHead(up.statusCode ?? 502, headers);
            res.end(body);
          };
          if (fault?.kind === 'delay') setTimeout(send, fault.ms);
          else send();
        });
      },
    );
    upstream.on('error', () => res.socket?.destroy());
    req.pipe(upstream);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
