import http from 'node:http';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * node:http rather than fetch, so that paths, Host and bodies (including bytes that are not UTF-8) go
 * out exactly as written. One keep-alive agent per client, as a browser would reuse its connections.
 */
export function httpClient(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const request = (options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, agent, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(options.body);
    });
  return { request, close: () => agent.destroy() };
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  });
  await Promise.all(lanes);
  return results;
}
