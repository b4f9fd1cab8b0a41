import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS, type Method } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { useDispatchBackend } from './support/dispatch-harness';
import { GENERIC, specific } from './support/dispatch-hostile-inputs';
import { validInput } from './support/dispatch-valid-inputs';
import { logicalDump, sha256File } from './support/temp';

/*
 * Dispatch: every method refuses malformed input with VALIDATION and writes nothing. One backend serves
 * the whole file: each call is checked against a dump of the database and settings taken just before it,
 * so a call that wrote anything fails its own test whatever ran before it.
 */

const h = useDispatchBackend({ perFile: true });

// Built once: the inputs include zip and PNG bombs and a 100 MB buffer, seconds of work each time they are made.
let hostileInputs: ReturnType<typeof specific> | undefined;
const hostileFor = (method: Method) => (hostileInputs ??= specific(h.article.id))[method];

async function refusedWithoutWrites(method: Method, cases: Array<[string, unknown]>): Promise<string[]> {
  const settingsFile = path.join(h.dataDir, 'settings.json');
  const settingsHash = () => (existsSync(settingsFile) ? sha256File(settingsFile) : '');
  const problems: string[] = [];
  // The state after one call is the state before the next: one dump per call, each call still checked
  // against the state just before it.
  let before = (await logicalDump(h.backend!.db)).hash;
  let settingsBefore = settingsHash();
  for (const [label, input] of cases) {
    let result: Result<unknown> | undefined;
    try {
      result = await h.call(method, input);
    } catch (err) {
      problems.push(`${label}: threw ${(err as Error).message}`);
    }
    if (result) {
      if (result.ok || result.error.code !== 'VALIDATION') problems.push(`${label}: ${result.ok ? 'ok' : result.error.code}`);
      if (!result.ok && /node_modules|\.ts:\d+|\n\s+at /.test(result.error.message)) problems.push(`${label}: stack trace in message`);
    }
    const after = (await logicalDump(h.backend!.db)).hash;
    const settingsAfter = settingsHash();
    if (result && after !== before) problems.push(`${label}: database changed`);
    if (result && settingsAfter !== settingsBefore) problems.push(`${label}: settings changed`);
    before = after;
    settingsBefore = settingsAfter;
  }
  return problems;
}

describe('dispatch: malformed input is refused with VALIDATION and writes nothing', () => {
  it.each(METHODS)('%s', async (method) => {
    const cases: Array<[string, unknown]> = [
      ...GENERIC.map(([label, make]): [string, unknown] => [label, make(validInput(method, h.article.id))]),
      ...hostileFor(method),
    ];
    expect(await refusedWithoutWrites(method, cases)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(METHODS)('%s refuses null', async (method) => {
    expect(await refusedWithoutWrites(method, [['null', null]])).toEqual([]);
  });
});
