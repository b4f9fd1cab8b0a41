import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { selfSignedCertificate } from '../../integration/support/certificate';
import { freePort, makeDataDir } from './web-server';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface RunningNewsroomServer {
  origin: string;
  setupUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `electron/server/cli.ts` as `npm run server` does, over TLS with a self-signed certificate for
 * 127.0.0.1, on its own schema of the test PostgreSQL; waits for the URL and the
 * one-time setup link it prints.
 */
export async function startNewsroomServer(pgUrl: string): Promise<RunningNewsroomServer> {
  const data = makeDataDir();
  const { certFile: cert, keyFile: key } = selfSignedCertificate(data.dir);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'electron/server/cli.ts'), '--listen', `127.0.0.1:${port}`, '--cert', cert, '--key', key, '--data', data.dir],
    {
      cwd: projectRoot,
      env: { ...process.env, BYLINE_DATABASE_URL: pgUrl, BYLINE_DATABASE_SCHEMA: `e2e_server_${randomBytes(4).toString('hex')}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done(data.remove());
      child.once('exit', () => done(data.remove()));
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the newsroom server did not start in time:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const origin = /newsroom server: (https:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const setupUrl = /first account: (https:\/\/\S+)/.exec(output)?.[1];
      if (!origin || !setupUrl) return;
      clearTimeout(timer);
      resolve({ origin, setupUrl, stop });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the newsroom server exited (${code}):\n${output}`));
    });
  });
}

/**
 * One newsroom server for every test of the spec that calls this (at its top level), on the test PostgreSQL:
 * started before the first test, stopped after the last; the spec is skipped without BYLINE_TEST_PG.
 */
export function useNewsroomServer(): RunningNewsroomServer {
  test.skip(!process.env.BYLINE_TEST_PG, 'set BYLINE_TEST_PG (see tests/peers/postgres-up.sh) to run the newsroom server test');
  let server: RunningNewsroomServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startNewsroomServer(process.env.BYLINE_TEST_PG!);
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error('the newsroom server is read before its beforeAll started it');
    return server;
  };
  return {
    get origin() {
      return running().origin;
    },
    get setupUrl() {
      return running().setupUrl;
    },
    stop: () => running().stop(),
  };
}
