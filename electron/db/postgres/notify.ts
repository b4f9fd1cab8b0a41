/**
 * Live queues across workstations: PostgreSQL's LISTEN/NOTIFY.
 *
 * Who sends: triggers on the tables queues and stories are read from (byline_notify_change in
 * migrations/001, attached in 001/004/005/006), not the repositories. A trigger cannot be forgotten by a
 * new repository, a batch job or an admin's psql session, and NOTIFY inside a transaction is delivered
 * only when it commits (and duplicates within one are folded), so listeners never hear of a change that
 * was rolled back. `notify()` below is for news that is no row change (say, "settings changed").
 *
 * Who listens: one PgListener per workstation, on a connection of its own (a pooled one would be handed
 * to queries and lose its LISTEN). Notifications sent while it is disconnected are lost, not queued:
 * after reconnecting it calls onResync, and the caller must re-read what it shows.
 */
import pg from 'pg';
import type { Executor } from '../database';

export const CHANGES_CHANNEL = 'byline_changes';

/** What byline_notify_change() sends: enough to know which story (or photo) to re-read, nothing more. */
export interface Change {
  schema: string;
  table: string;
  op: 'insert' | 'update' | 'delete';
  /** The story's id (the photo's for table 'media'). */
  id: string | null;
  /** The story's version after the change (articles only): a workstation holding an older one is stale. */
  version: number | null;
}

export type ListenerStatus = 'connected' | 'disconnected' | 'stopped';

export interface ListenerOptions {
  connectionString: string;
  channel?: string;
  onPayload: (payload: unknown) => void;
  /** Called after every reconnect (not the first connect): changes made meanwhile were not heard. */
  onResync?: () => void;
  onStatus?: (status: ListenerStatus, error?: unknown) => void;
  /** Reconnect delays grow from min to max (doubling, with jitter) while the server stays away. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /**
   * A listening connection is idle: a server that vanished without closing TCP (power cut, network
   * partition) is noticed only by asking. Every this many ms a ping must answer within the same time.
   */
  pingIntervalMs?: number;
}

/** Sends a notification from code, inside the caller's transaction when `ex` is one. */
export async function notify(ex: Executor, payload: unknown, channel = CHANGES_CHANNEL): Promise<void> {
  await ex.run('SELECT pg_notify(?, ?)', [channel, JSON.stringify(payload)]);
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class PgListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private connectedOnce = false;
  private wake: (() => void) | undefined;
  private readonly loop: Promise<void>;
  /** Resolves once the first LISTEN is in place (never rejects: the listener keeps trying until stopped). */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(private readonly options: ListenerOptions) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    const min = this.options.minDelayMs ?? 100;
    const max = this.options.maxDelayMs ?? 5_000;
    let delay = min;
    while (!this.stopped) {
      const client = await this.connect().catch((err: unknown) => {
        this.options.onStatus?.('disconnected', err);
        return undefined;
      });
      if (client && this.stopped) {
        await client.end().catch(() => undefined);
        break;
      }
      if (!client) {
        await this.sleep(delay * (0.5 + Math.random() / 2));
        delay = Math.min(max, delay * 2);
        continue;
      }
      delay = min;
      this.client = client;
      this.options.onStatus?.('connected');
      if (this.connectedOnce) this.options.onResync?.();
      this.connectedOnce = true;
      this.markReady();
      const lost = await this.untilLost(client);
      this.client = undefined;
      if (!this.stopped) this.options.onStatus?.('disconnected', lost);
    }
    this.options.onStatus?.('stopped');
  }

  private async connect(): Promise<pg.Client> {
    const interval = this.options.pingIntervalMs ?? 15_000;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: interval,
      query_timeout: interval,
      application_name: 'byline-listener',
    });
    // Until untilLost() listens, a failing connection must not become an uncaught 'error' event.
    client.on('error', () => undefined);
    try {
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.channel === (this.options.channel ?? CHANGES_CHANNEL)) this.options.onPayload(parse(msg.payload));
      });
      await client.query(`LISTEN ${client.escapeIdentifier(this.options.channel ?? CHANGES_CHANNEL)}`);
      return client;
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
  }

  /** Waits until the connection ends, errors or stops answering pings; says why. */
  private untilLost(client: pg.Client): Promise<unknown> {
    const interval = this.options.pingIntervalMs ?? 15_000;
    return new Promise((resolve) => {
      let done = false;
      const finish = (why: unknown) => {
        if (done) return;
        done = true;
        clearInterval(timer);
        this.wake = undefined;
        client.end().catch(() => undefined);
        resolve(why);
      };
      const timer = setInterval(() => {
        client.query('SELECT 1').catch(finish);
      }, interval);
      client.on('error', finish);
      client.on('end', () => finish(new Error('connection ended')));
      this.wake = () => finish(undefined);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** True while a LISTEN connection is up. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  /** The server process id of the listening connection (tests end it with pg_terminate_backend). */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }
}

/** Story and photo changes of one schema, parsed; other schemas' (another newsroom's, a test's) are ignored. */
export function listenForChanges(
  options: Omit<ListenerOptions, 'onPayload' | 'channel'> & { schema?: string; onChange: (change: Change) => void },
): PgListener {
  const schema = options.schema ?? 'public';
  return new PgListener({
    ...options,
    onPayload: (payload) => {
      const c = payload as Partial<Change> | null;
      if (c && typeof c === 'object' && c.schema === schema && typeof c.table === 'string') {
        options.onChange({ schema, table: c.table, op: c.op ?? 'update', id: c.id ?? null, version: c.version ?? null });
      }
    },
  });
}
