import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

/** One `npm run server` process of the bench's: its own data folder and port, the shared database and schema. */
export interface ServerProcess {
  name: string;
  pid: number;
  port: number;
  /** The one-time link's token, when this process found the newsroom empty. */
  setupToken?: string;
  /** Resident memory now (VmRSS), in KiB. */
  rssKb(): number;
  /** What the process wrote on stderr, for the bench to show when something went wrong. */
  stderr(): string[];
  /** Whether it has exited (a crash under load is an error the bench reports). */
  exited(): boolean;
  stop(): Promise<void>;
}

export function rssKbOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN);
}

/**
 * Starts electron/server/cli.ts as `npm run server` does (tsx, without the renderer build it does not need
 * here), on loopback without TLS, and waits for the address it prints. The child is Node itself (not an npx
 * wrapper), so its pid is the server's and /proc/<pid>/status is the server's memory.
 */
export async function startServerProcess(
  name: string,
  port: number,
  env: { url: string; schema: string },
  /** The first process on an empty schema prints the one-time setup link after its address: wait for it too. */
  expectSetupLink: boolean,
): Promise<ServerProcess> {
  const data = mkdtempSync(path.join(os.tmpdir(), `byline-bench-server-${name}-`));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'electron/server/cli.ts'), '--listen', `127.0.0.1:${port}`, '--data', data],
    {
      cwd: projectRoot,
      env: { ...process.env, BYLINE_DATABASE_URL: env.url, BYLINE_DATABASE_SCHEMA: env.schema, BYLINE_RENDERER_DIR: data },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const errLines: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => errLines.push(...chunk.toString().split('\n').filter(Boolean)));
  const stop = () =>
    new Promise<void>((done) => {
      const finish = () => {
        rmSync(data, { recursive: true, force: true });
        done();
      };
      if (child.exitCode !== null || child.signalCode !== null) return finish();
      const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.once('exit', () => {
        clearTimeout(force);
        finish();
      });
      child.kill('SIGTERM');
    });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server ${name} did not start within ${START_TIMEOUT_MS} ms:\n${output}${errLines.join('\n')}`)),
        START_TIMEOUT_MS,
      );
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const listening = /newsroom server: http:\/\/127\.0\.0\.1:\d+/.test(output);
        if (listening && (!expectSetupLink || /first account: \S+\n/.test(output))) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server ${name} exited (${code}):\n${output}${errLines.join('\n')}`));
      });
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    name,
    pid: child.pid!,
    port,
    setupToken: /first account: \S+[?&]token=([\w-]+)/.exec(output)?.[1],
    rssKb: () => rssKbOf(child.pid!),
    stderr: () => errLines,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop,
  };
}
