import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from './temp';

/** The real WordPress of tests/peers/wordpress-up.sh: whether it can run here, starting it, and reading it directly (not through Byline). */

const here = path.dirname(fileURLToPath(import.meta.url));
const PEER = path.join(here, '..', '..', 'peers', 'wordpress-up.sh');

export const wordpressInstalled = existsSync('/usr/share/wordpress/wp-load.php') && ['/usr/bin/php', '/usr/bin/mysqld_safe'].every((f) => existsSync(f));

export interface WpPeer {
  url: string;
  user: string;
  password: string;
}

/**
 * Starts the peer (idempotent), by default the shared one on port 8089. `own` gives a test file a PHP
 * server of its own (same database) with several PHP workers: the shared one is a single PHP process
 * that other test files keep busy, and that after each publish WP-Cron holds for seconds (its
 * enclosure check asks the site itself for the photos, and waits out its own timeout).
 */
export function startWordPress(own?: { port: number; root: string; workers: number }): WpPeer {
  const env = own ? { ...process.env, WP_PORT: String(own.port), WP_ROOT: own.root, PHP_CLI_SERVER_WORKERS: String(own.workers) } : process.env;
  // The peer leaves MariaDB and PHP running in the background and they keep a pipe open: its output goes
  // to a file instead, or reading it would wait for them to exit.
  const outFile = path.join(makeTempDir('byline-wp-peer-'), 'peer.txt');
  const fd = openSync(outFile, 'w');
  try {
    execFileSync('bash', [PEER], { timeout: 180_000, stdio: ['ignore', fd, fd], env });
  } finally {
    closeSync(fd);
  }
  const out = readFileSync(outFile, 'utf8').trim().split('\n').at(-1)!;
  const [url, user, password] = out.split(' ');
  if (!url || !user || !password) throw new Error(`wordpress-up.sh printed no credentials: ${out}`);
  return { url, user, password };
}

export async function wpGet<T>(wp: WpPeer, route: string, query: Record<string, string> = {}): Promise<T> {
  const u = new URL(wp.url);
  u.searchParams.set('rest_route', route);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  const res = await fetch(u, { headers: { Authorization: `Basic ${Buffer.from(`${wp.user}:${wp.password}`).toString('base64')}` } });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
