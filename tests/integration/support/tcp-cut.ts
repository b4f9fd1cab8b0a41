import net from 'node:net';

/**
 * A TCP relay on 127.0.0.1 in front of a server (here PostgreSQL) whose cable the test can pull: `cut()`
 * drops every open connection and refuses new ones, `mend()` lets them through again on the same port.
 * This is what a workstation sees when the newsroom's network goes away, without stopping a server that
 * other test files share.
 */
export class TcpCut {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static forUrl(url: string): TcpCut {
    const u = new URL(url);
    return new TcpCut(u.hostname, Number(u.port || 5432));
  }

  /** The same connection string, through this relay. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  mend(): Promise<void> {
    return this.open();
  }

  close(): Promise<void> {
    return this.cut();
  }
}
