import type { ValidatedEntry } from './zip';

/**
 * A fresh zip of entries zip.ts has read and checked, their compressed bytes copied as they were: no
 * extra fields, comments or data descriptors, names in UTF-8, one local header per central entry. What
 * mammoth's unzipper sees is then exactly what the checker inflated, whatever the original file's two
 * directories said.
 */
export function rebuildZip(entries: readonly ValidatedEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const localBytes = entries.reduce((sum, e, i) => sum + 30 + names[i]!.length + e.raw.length, 0);
  const centralBytes = entries.reduce((sum, _e, i) => sum + 46 + names[i]!.length, 0);
  const out = new Uint8Array(localBytes + centralBytes + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x0800, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.raw.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, names[i]!.length, true);
    out.set(names[i]!, p + 30);
    out.set(e.raw, p + 30 + names[i]!.length);
    p += 30 + names[i]!.length + e.raw.length;
  });
  const directory = p;
  entries.forEach((e, i) => {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x0800, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.raw.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, names[i]!.length, true);
    view.setUint32(p + 42, offsets[i]!, true);
    out.set(names[i]!, p + 46);
    p += 46 + names[i]!.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - directory, true);
  view.setUint32(p + 16, directory, true);
  return out;
}
