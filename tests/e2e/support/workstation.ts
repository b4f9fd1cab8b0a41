import { test } from '@playwright/test';
import { callApi } from './api';
import { makeDataDir, startWebMode, type RunningServer } from './web-server';

/** One test's web-mode workstation: a fresh data folder, and a server that can be stopped and started on it. */
export class Workstation {
  private data: ReturnType<typeof makeDataDir> | undefined;
  private running: RunningServer | undefined;

  get dataDir(): string {
    if (!this.data) throw new Error('no data folder outside a test');
    return this.data.dir;
  }

  get server(): RunningServer {
    if (!this.running) throw new Error('the server is not running: call start() first');
    return this.running;
  }

  /** Starts web mode on this test's data folder (port 0: any free port; a fixed port keeps the browser origin). */
  async start(port = 0): Promise<RunningServer> {
    this.running = await startWebMode(this.dataDir, port);
    return this.running;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.running?.stop(signal);
    this.running = undefined;
  }

  reset(): void {
    this.data = makeDataDir();
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.data?.remove();
    this.data = undefined;
  }
}

/** Gives every test in the file its own workstation, cleaned up afterwards whatever happened. */
export function useWorkstation(): Workstation {
  const ws = new Workstation();
  test.beforeEach(() => ws.reset());
  test.afterEach(() => ws.dispose());
  return ws;
}

/**
 * One workstation started once for all the file's tests, for tests that each open a story of their own
 * and look only at it: a web-mode start costs seconds, most of an editor test's time. Before each test the
 * server forgets the story open last, so the page opens on no story as on a fresh workstation; otherwise
 * the last test's story would load at start and race the test's own 새 기사 (its editor already showing).
 */
export function useSharedWorkstation(): Workstation {
  const ws = new Workstation();
  test.beforeAll(async () => {
    ws.reset();
    await ws.start();
  });
  test.beforeEach(async () => {
    await callApi(ws.server, 'settings.set', { lastOpenArticleId: null });
  });
  test.afterAll(() => ws.dispose());
  return ws;
}
