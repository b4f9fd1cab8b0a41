import { describe, expect, it } from 'vitest';
import { contract, type Method } from '../../shared/contract';
import { METHOD_PERMISSION, PERMISSIONS, may, type Holder } from '../../shared/permissions';

const METHODS = Object.keys(contract) as Method[];

const reporter: Holder = { role: 'reporter', admin: false };
const desk: Holder = { role: 'desk', admin: false };
const chief: Holder = { role: 'chief', admin: false };
const reporterAdmin: Holder = { role: 'reporter', admin: true };

/**
 * Written out by hand, not derived from the table, so that moving a method to another permission is a
 * change made twice on purpose. R = 기자, D = 데스크, C = 편집국장, A = 기자 with 관리자.
 */
const EXPECTED: Array<[string, string]> = [
  ['articles.save', 'RDCA'],
  ['articles.get', 'RDCA'],
  ['workflow.approve', 'RDCA'], // the state machine, not the permission, keeps a 기자 from approving
  ['workflow.takeLock', 'DC'],
  ['publish.run', 'DC'],
  ['publish.batch', 'DC'],
  ['publish.targets', 'RDCA'],
  ['publish.saveTarget', 'CA'],
  ['storage.save', 'CA'],
  ['backup.restore', 'CA'],
  ['settings.set', 'CA'],
  ['profiles.create', 'CA'],
  ['outbox.save', 'RDCA'],
];

describe('permissions', () => {
  it('names one permission for every contract method and none for a method that does not exist', () => {
    expect(Object.keys(METHOD_PERMISSION).sort()).toEqual([...METHODS].sort());
    for (const m of METHODS) expect([m, PERMISSIONS.includes(METHOD_PERMISSION[m])]).toEqual([m, true]);
  });

  it.each(EXPECTED)('%s is open to %s', (method, who) => {
    const letters = [
      ['R', reporter],
      ['D', desk],
      ['C', chief],
      ['A', reporterAdmin],
    ] as const;
    const open = letters
      .filter(([, h]) => may(h, method as Method))
      .map(([l]) => l)
      .join('');
    expect(open).toBe(who);
  });

  it('a disabled account may call nothing, whatever its role and flag', () => {
    for (const m of METHODS) expect([m, may({ role: 'chief', admin: true, disabled: true }, m)]).toEqual([m, false]);
  });

  it('the 관리자 flag adds the admin methods and nothing else to a 기자', () => {
    const added = METHODS.filter((m) => may(reporterAdmin, m) && !may(reporter, m));
    expect(added.every((m) => METHOD_PERMISSION[m] === 'admin')).toBe(true);
    expect(added).toContain('publish.saveTarget');
    expect(added).not.toContain('publish.run');
  });
});
