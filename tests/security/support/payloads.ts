import { contract, METHODS, type Method } from '../../../shared/contract';
import { assertPayloadDepth } from '../../../shared/payload-guard';
import { SHAPES, type Kind } from './payload-shapes';
import { seeded, type Rng } from './prng';

/**
 * Malformed payloads for every contract method, made deterministically from a seed. Each payload is
 * wrong by construction (a field of the wrong type or size, an unknown key, a missing field, nesting
 * past the guard, not an object at all), so that the only right answer is VALIDATION and no write.
 * The contract's own schema is asked afterwards as a check on this generator, never as the oracle.
 */

export type Transport = 'ipc' | 'http';

/** Keys that have hurt JavaScript servers before: prototype pollution, accessors, odd names. */
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__lookupSetter__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'then',
  '',
  ' ',
  '데스크',
  '\u0000',
  'a'.repeat(10_000),
  '$where',
  '../../etc/passwd',
];

const HUGE = () => '가'.repeat(1_000_000);

/** Values of every JSON type, and, over IPC, what structured clone carries beyond JSON. */
function anyValue(rng: Rng, transport: Transport): unknown {
  const json: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, '', '양자', '<script>alert(1)</script>', [], [1, '2', null], {}, { polluted: true }];
  const clone: unknown[] = [
    undefined,
    Number.NaN,
    Infinity,
    -0,
    10n,
    new Date(0),
    new Map([['a', 1]]),
    new Set([1]),
    new Uint8Array([1, 2]),
    /x/g,
    new Error('e'),
    new Array<unknown>(3),
  ];
  return rng.pick(transport === 'ipc' && rng.chance(0.4) ? clone : json);
}

/**
 * A structure nested past MAX_PAYLOAD_DEPTH. Up to 1,000 levels: deeper than that, structured clone
 * itself overflows the stack, so a renderer could not send it over IPC in the first place.
 */
function deep(rng: Rng): unknown {
  let v: unknown = '양자';
  const depth = rng.int(65, 1_000);
  const asArray = rng.chance(0.5);
  for (let i = 0; i < depth; i += 1) v = asArray ? [v] : { type: 'paragraph', children: [v] };
  return v;
}

/** Sets an own property, even `__proto__`, the way JSON.parse would leave it. */
function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A value `kind` never accepts. */
function wrongFor(kind: Kind, valid: unknown, rng: Rng, transport: Transport): unknown {
  const notString = [42, true, null, [], ['x'], { x: 1 }];
  const r = rng.next();
  if (r < 0.05) return deep(rng);
  switch (kind.t) {
    case 'str':
      if (rng.chance(0.5)) return rng.pick(notString);
      return rng.chance(0.1) && kind.max < 1_000_000 ? HUGE() : 'ㄱ'.repeat(kind.max + rng.int(1, 500));
    case 'uuid':
      return rng.pick([
        'not-a-uuid',
        '',
        '../../etc/passwd',
        "x' OR '1'='1",
        `${String(valid)}0`,
        ` ${String(valid)}`,
        String(valid).slice(1),
        42,
        true,
        ...(kind.nullable ? [] : [null]),
        {},
        [valid],
        'a'.repeat(rng.int(37, 100_000)),
      ]);
    case 'int': {
      const options: unknown[] = [String(kind.min), 1.5, kind.min - 1, null, true, [kind.min], { value: kind.min }, '', 'NaN'];
      if (kind.max !== undefined) options.push(kind.max + 1, kind.max * 1000);
      if (transport === 'ipc') options.push(Number.NaN, Infinity, -Infinity, BigInt(kind.min));
      return rng.pick(options);
    }
    case 'bool':
      return rng.pick(['true', 'false', 1, 0, null, [], {}, 'yes']);
    case 'enum':
      return rng.pick(['unknown', '', `${kind.values[0]} `, kind.values[0]!.toUpperCase() + '_', 1, null, [kind.values[0]], { value: kind.values[0] }, '보류']);
    case 'iso':
      return rng.pick(['어제', '2026-13-01T00:00:00Z', '2026-01-01', '2026-01-01 09:00', 1_700_000_000_000, true, {}, ...(kind.nullable ? [] : [null])]);
    case 'email':
      return rng.pick(['hong', '홍길동 기자', '@@', 'hong@', 5, null, ['hong@example.com']]);
    case 'backup-name':
      // '..' and '.' pass the contract's name pattern; the store refuses them (fuzz-ipc.test.ts checks that).
      return rng.pick([
        '../byline.sqlite3',
        '/etc/passwd',
        'byline 1.sqlite3',
        'a/b',
        'C:\\Windows\\win.ini',
        'x'.repeat(101),
        '',
        7,
        null,
        ['byline.sqlite3'],
      ]);
    case 'body':
      return rng.pick([
        {},
        'string body',
        [],
        null,
        { root: null },
        { root: { type: 'paragraph', children: [] } },
        { root: { type: 'root', children: '본문' } },
        { root: { type: 'root', children: [{ type: '' }] } },
        { root: { type: 'root', children: [{ type: 'x'.repeat(65) }] } },
        { root: { type: 'root', children: [{ type: 'text', text: 1 }] } },
        { root: { type: 'root', children: [{ type: 'paragraph', version: 1.5 }] } },
        { root: { type: 'root', children: [{ type: 'paragraph', children: {} }] } },
        { root: { type: 'root', children: [deep(rng)] } },
        { root: { type: 'root', children: [{ type: 'text', text: '가' }, 7] } },
      ]);
    case 'bytes': {
      // What a page could send instead of a file's bytes; over IPC also the typed arrays structured clone keeps.
      const options: unknown[] = [[0xff, 0xd8, 0xff], 'ffd8ffe0', '', { 0: 255, 1: 216 }, null, 42, true, new Uint8Array(0)];
      if (transport === 'ipc') {
        options.push(
          new Uint16Array([0xd8ff]),
          new Int8Array([-1, -40]),
          new Uint8Array([0xff, 0xd8]).buffer,
          new DataView(new ArrayBuffer(4)),
          new Float32Array(2),
          new Uint8Array(0),
        );
        // One over the limit now and then: a 100 MB structured clone is what a hostile renderer could send.
        if (rng.chance(0.02)) return new Uint8Array(kind.max + 1);
      }
      return rng.pick(options);
    }
    case 'file-name':
      return rng.pick([
        '../byline.sqlite3',
        '/etc/passwd',
        'C:\\Windows\\win.ini',
        'a/b.jpg',
        'a\\b.jpg',
        '..',
        '.',
        '',
        '   ',
        'x\u0000.jpg',
        '가'.repeat(256),
        7,
        null,
        ['a.jpg'],
        {},
      ]);
    case 'media-id':
      return rng.pick([
        'AB'.repeat(32),
        'ab'.repeat(31),
        'ab'.repeat(33),
        ` ${'ab'.repeat(32)}`,
        '7d3c1b2a-0f4e-4d5c-9b8a-6e5f4d3c2b1a',
        '../'.repeat(21) + 'a',
        `${'ab'.repeat(31)}/.`,
        '',
        64,
        null,
        [valid],
        {},
      ]);
    case 'arr': {
      const items = Array.isArray(valid) ? valid : [];
      const choice = rng.int(0, 3);
      if (choice === 0) return rng.pick(['x', {}, 5, null, true]);
      if (choice === 1) return Array.from({ length: kind.max + rng.int(1, 20) }, (_, i) => (kind.of.t === 'str' ? `항목${i}` : (items[0] ?? {})));
      if (choice === 2 && kind.min) return [];
      return [...items, wrongFor(kind.of, undefined, rng, transport)];
    }
    case 'obj': {
      const base = (valid && typeof valid === 'object' ? valid : {}) as Record<string, unknown>;
      const keys = Object.keys(kind.fields);
      const choice = rng.int(0, 3);
      if (choice === 0 || keys.length === 0)
        return rng.chance(0.5) ? rng.pick(['x', 5, [], null]) : withOwn(base, rng.pick(HOSTILE_KEYS), anyValue(rng, transport));
      if (choice === 1 && kind.required.length > 0) {
        const copy = { ...base };
        delete copy[rng.pick(kind.required)];
        return copy;
      }
      const key = rng.pick(keys);
      return { ...base, [key]: wrongFor(kind.fields[key]!, base[key], rng, transport) };
    }
  }
}

/** One malformed payload for `method`, built on its valid input. */
function malformed(method: Method, valid: Record<string, unknown>, rng: Rng, transport: Transport): { label: string; payload: unknown } {
  const shape = SHAPES[method];
  const keys = Object.keys(shape.fields);
  const r = rng.next();
  if (r < 0.12) {
    const payload = rng.pick<unknown>([null, 42, -1, 'x', JSON.stringify(valid), true, false, [], [valid], [null]]);
    return { label: 'not an object', payload };
  }
  if (r < 0.3) {
    const key = rng.pick(HOSTILE_KEYS);
    return { label: `key ${JSON.stringify(key.slice(0, 20))}`, payload: withOwn(valid, key, rng.chance(0.5) ? { polluted: true } : anyValue(rng, transport)) };
  }
  if (r < 0.38) return { label: 'deep nesting', payload: rng.chance(0.5) ? deep(rng) : { ...valid, nested: deep(rng) } };
  if (r < 0.42) return { label: 'huge unknown key', payload: { ...valid, x: HUGE() } };
  if (keys.length === 0)
    return {
      label: 'unknown key on an empty input',
      payload: withOwn(valid, rng.pick(['all', 'to', 'locale', 'path', ...HOSTILE_KEYS]), anyValue(rng, transport)),
    };
  if (r < 0.5 && shape.required.length > 0) {
    const copy = { ...valid };
    const key = rng.pick(shape.required);
    delete copy[key];
    return { label: `missing ${key}`, payload: copy };
  }
  if (method === 'articles.save' && r < 0.6) {
    // Inside the fields: the one strict object nested in an input.
    const fields = valid.fields as Record<string, unknown>;
    const fieldsShape = SHAPES['articles.save'].fields.fields as Kind & { t: 'obj' };
    const key = rng.pick(Object.keys(fieldsShape.fields));
    const wrong = rng.chance(0.15)
      ? withOwn(fields, rng.pick(HOSTILE_KEYS), anyValue(rng, transport))
      : { ...fields, [key]: wrongFor(fieldsShape.fields[key]!, fields[key], rng, transport) };
    return { label: `fields.${key}`, payload: { ...valid, fields: wrong } };
  }
  const key = rng.pick(keys);
  return { label: `${key} wrong`, payload: { ...valid, [key]: wrongFor(shape.fields[key]!, valid[key], rng, transport) } };
}

/** What the payload looks like on arrival: structured clone for IPC, JSON for HTTP. */
export function asDelivered(payload: unknown, transport: Transport): unknown {
  return transport === 'ipc' ? structuredClone(payload) : JSON.parse(JSON.stringify(payload) ?? 'null');
}

/** True when the contract (after the depth guard, as dispatch runs them) refuses `delivered`. */
function contractRefuses(method: Method, delivered: unknown): boolean {
  try {
    assertPayloadDepth(delivered);
  } catch {
    return true;
  }
  return !contract[method].input.safeParse(delivered === undefined ? {} : delivered).success;
}

/**
 * `perMethod` malformed payloads for every method. Throws if the generator ever makes one the contract
 * accepts: that would be a bug here (or a hole in the contract), never a case to quietly drop.
 */
export function malformedPayloads(
  valid: Record<Method, unknown>,
  options: { seed: number; perMethod: number; transport: Transport },
): Array<{ method: Method; label: string; payload: unknown }> {
  const rng = seeded(options.seed);
  const out: Array<{ method: Method; label: string; payload: unknown }> = [];
  for (const method of METHODS) {
    for (let i = 0; i < options.perMethod; i += 1) {
      const { label, payload } = malformed(method, valid[method] as Record<string, unknown>, rng, options.transport);
      if (!contractRefuses(method, asDelivered(payload, options.transport))) {
        throw new Error(
          `fuzz generator made a valid ${method} payload (${label}): ${JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 300)}`,
        );
      }
      out.push({ method, label, payload });
    }
  }
  return out;
}

// The fuzz tests import everything from here; the valid inputs and unknown names live in their own files.
export { unknownMethods } from './payloads-unknown-methods';
export { validInputs } from './payloads-valid';
