import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database';
import { DATABASE_FILE_NAME } from '../../electron/host/bootstrap';
import { MAX_BODY_BYTES } from '../../electron/web/server';
import { METHODS, type Method } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { makeDataDir, startWebMode, type RunningServer } from '../e2e/support/web-server';
import { logicalDump, sha256File } from '../integration/support/temp';
import { httpClient, inBatches } from './support/http-client';
import { malformedPayloads, unknownMethods, validInputs } from './support/payloads';

/**
 * Every contract method over web mode's HTTP API, fed hundreds of malformed payloads each, against the
 * real `electron/web/cli.ts` process: each answers a typed error with its HTTP status, the process is
 * still running afterwards and answers a valid request, and the database is exactly as it was.
 */

const PER_METHOD = 250;
const SEED = 0x51ab;
const STATUS: Record<string, number> = { VALIDATION: 400, UNKNOWN_METHOD: 404 };

let data: ReturnType<typeof makeDataDir>;
let server: RunningServer;
let client: ReturnType<typeof httpClient>;
let token: string;
let valid: Record<Method, unknown>;

const json = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  client.request({ method: 'POST', path, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers }, body });
const call = async (method: string, input: unknown): Promise<Result<unknown>> =>
  JSON.parse((await json(`/api/${method}`, JSON.stringify(input))).text) as Result<unknown>;

/** The database as a second connection sees it while the server runs (WAL lets a reader in). */
async function dump(): Promise<string> {
  const db = await openDatabase(path.join(data.dir, DATABASE_FILE_NAME));
  try {
    return (await logicalDump(db)).hash;
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  data = makeDataDir();
  server = await startWebMode(data.dir);
  token = new URL(server.url).searchParams.get('token')!;
  client = httpClient(Number(new URL(server.url).port));
  valid = await validInputs(call);
  await call('settings.set', valid['settings.set']);
}, 60_000);

afterAll(async () => {
  client?.close();
  await server?.stop();
  data?.remove();
});

function problem(label: string, status: number, text: string, expected: string): string | undefined {
  let body: Result<unknown>;
  try {
    body = JSON.parse(text) as Result<unknown>;
  } catch {
    return `${label}: ${status} not JSON: ${text.slice(0, 100)}`;
  }
  if (body.ok || body.error.code !== expected || status !== (STATUS[expected] ?? 0)) return `${label}: ${status} ${text.slice(0, 200)}`;
  if (/\n\s+at |\.ts:\d+|node_modules|SQLITE/.test(body.error.message) || body.error.message.length > 2_000) return `${label}: leaks internals`;
  return undefined;
}

// Thousands of requests, and more with every contract method: a slow, shared CI machine must not turn that into a timeout.
describe('HTTP fuzz against web mode', { timeout: 180_000 }, () => {
  it(`refuses ${PER_METHOD} malformed JSON payloads per method, ${METHODS.length} methods, with 400 VALIDATION`, async () => {
    const payloads = malformedPayloads(valid, { seed: SEED, perMethod: PER_METHOD, transport: 'http' });
    const before = await dump();
    const settingsBefore = sha256File(path.join(data.dir, 'settings.json'));
    const problems = await inBatches(payloads, 4, async ({ method, label, payload }, i) => {
      const reply = await json(`/api/${method}`, JSON.stringify(payload));
      return problem(`#${i} ${method} ${label}`, reply.status, reply.text, 'VALIDATION');
    });
    expect(problems.filter(Boolean)).toEqual([]);
    expect(server.process.exitCode).toBeNull();
    expect(await dump()).toBe(before);
    expect(sha256File(path.join(data.dir, 'settings.json'))).toBe(settingsBefore);
  });

  it('refuses bodies that are not JSON, not JSON objects, too large or of another type', async () => {
    const before = await dump();
    const raw: Array<[string, string | Buffer]> = [
      ['truncated', '{"id": "'],
      ['trailing garbage', '{}x'],
      ['NaN literal', '{"limit": NaN}'],
      ['single quotes', "{'id': 1}"],
      ['comment', '{/* */}'],
      ['BOM', '\uFEFF{}'],
      ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
      ['lone surrogate escape', '{"headline": "\\ud800"'],
      ['only whitespace', '   '],
      ['a number', '4e99999'],
      ['deep array', '['.repeat(100_000) + ']'.repeat(100_000)],
    ];
    for (const method of METHODS) {
      for (const [label, body] of raw) {
        const reply = await json(`/api/${method}`, body);
        expect([method, label, problem(label, reply.status, reply.text, 'VALIDATION')]).toEqual([method, label, undefined]);
      }
      const plain = await json(`/api/${method}`, JSON.stringify(valid[method]), { 'Content-Type': 'text/plain' });
      expect([method, plain.status]).toEqual([method, 415]);
    }
    for (const method of ['articles.save', 'settings.set', 'backup.restore'] as const) {
      const reply = await json(`/api/${method}`, Buffer.alloc(MAX_BODY_BYTES + 1, 0x20));
      expect([method, reply.status]).toEqual([method, 413]);
    }
    expect(server.process.exitCode).toBeNull();
    expect(await dump()).toBe(before);
  });

  it('answers unknown methods with 404 UNKNOWN_METHOD', async () => {
    const before = await dump();
    for (const name of unknownMethods(SEED, 100)) {
      const reply = await json(`/api/${encodeURIComponent(name)}`, JSON.stringify(valid['articles.create']));
      expect([name.slice(0, 40), problem(name.slice(0, 40), reply.status, reply.text, 'UNKNOWN_METHOD')]).toEqual([name.slice(0, 40), undefined]);
    }
    expect(await dump()).toBe(before);
  });

  it('is still up and answers valid requests afterwards', async () => {
    expect(server.process.exitCode).toBeNull();
    for (const method of ['articles.get', 'articles.list', 'articles.revisions', 'search.query', 'settings.get'] as const) {
      expect([method, (await call(method, valid[method])).ok]).toEqual([method, true]);
    }
  });
});
