import { contract } from '../../../shared/contract';
import { seeded } from './prng';

/** Method names that are not in the contract, as a hostile page would try them. */
export function unknownMethods(seed: number, count: number): string[] {
  const rng = seeded(seed);
  const fixed = [
    'articles.delete',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    'articles',
    'ARTICLES.GET',
    'articles.get ',
    ' articles.get',
    'articles.get/',
    'articles.get\u0000',
    'articles..get',
    'articles.get.x',
    '../articles.get',
    'settings.set/../backup.restore',
    '%61rticles.get',
    'x'.repeat(10_000),
    '기사.삭제',
    'backup.delete',
    'shell.openExternal',
    'require',
  ];
  const random = Array.from({ length: Math.max(0, count - fixed.length) }, () =>
    Array.from({ length: rng.int(1, 40) }, () => String.fromCharCode(rng.chance(0.8) ? rng.int(0x21, 0x7e) : rng.int(0xac00, 0xd7a3))).join(''),
  );
  return [...fixed, ...random].filter((name) => !Object.prototype.hasOwnProperty.call(contract, name)).slice(0, count);
}
