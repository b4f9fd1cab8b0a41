import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS, type Method } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { useDispatchBackend } from './support/dispatch-harness';
import { GENERIC, specific } from './support/dispatch-hostile-inputs';
import { validInput } from './support/dispatch-valid-inputs';
import { logicalDump, sha256File } from './support/temp';

/* Dispatch: every method refuses malformed input with VALIDATION and writes nothing. */

const h = useDispatchBackend();

async function refusedWithoutWrites(method: Method, cases: Array<[string, unknown]>): Promise<string[]> {
  const settingsFile = path.join(h.dataDir, 'settings.json');
  const problems: string[] = [];
  for (const [label, input] of cases) {
    const before = await logicalDump(h.backend!.db);
    const settingsBefore = existsSync(settingsFile) ? sha256File(settingsFile) : '';
    let result: Result<unknown>;
    try {
      result = await h.call(method, input);
    } catch (err) {
      problems.push(`${label}: threw ${(err as Error).message}`);
      continue;
    }
    if (result.ok || result.error.code !== 'VALIDATION') problems.push(`${label}: ${result.ok ? 'ok' : result.error.code}`);
    if (!result.ok && /node_modules|\.ts:\d+|\n\s+at /.test(result.error.message)) problems.push(`${label}: stack trace in message`);
    if ((await logicalDump(h.backend!.db)).hash !== before.hash) problems.push(`${label}: database changed`);
    if ((existsSync(settingsFile) ? sha256File(settingsFile) : '') !== settingsBefore) problems.push(`${label}: settings changed`);
  }
  return problems;
}

describe('dispatch: malformed input is refused with VALIDATION and writes nothing', () => {
  it.each(METHODS)('%s', async (method) => {
    const cases: Array<[string, unknown]> = [
      ...GENERIC.map(([label, make]): [string, unknown] => [label, make(validInput(method, h.article.id))]),
      ...specific(h.article.id)[method],
    ];
    expect(await refusedWithoutWrites(method, cases)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(METHODS)('%s refuses null', async (method) => {
    expect(await refusedWithoutWrites(method, [['null', null]])).toEqual([]);
  });
});
