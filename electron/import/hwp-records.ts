/**
 * The HWP 5 record format (한글 문서 파일 구조 5.0, 4.1): each record is a 32-bit header — tag 10 bits,
 * level 10 bits, size 12 bits, 0xFFF meaning a 32-bit size follows — and its data. Records nest by
 * level, so a stream becomes a tree here; PARA_TEXT becomes text and the places its controls sit.
 */

export const TAG = {
  binData: 0x12,
  style: 0x1a,
  paraHeader: 0x42,
  paraText: 0x43,
  ctrlHeader: 0x47,
  listHeader: 0x48,
  shapeComponent: 0x4c,
  table: 0x4d,
  ole: 0x54,
  picture: 0x55,
} as const;

export interface HwpRecord {
  tag: number;
  level: number;
  data: Uint8Array;
  children: HwpRecord[];
}

/** Records a single stream may hold: a long release has tens of thousands. */
export const MAX_RECORDS = 1_000_000;

export class RecordError extends Error {}

/** A stream's records as a tree by level (children follow their parent with a deeper level). */
export function readRecords(bytes: Uint8Array): HwpRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const roots: HwpRecord[] = [];
  const stack: HwpRecord[] = [];
  let offset = 0;
  let count = 0;
  while (offset < bytes.byteLength) {
    if (offset + 4 > bytes.byteLength) throw new RecordError('truncated header');
    const head = view.getUint32(offset, true);
    offset += 4;
    const tag = head & 0x3ff;
    const level = (head >>> 10) & 0x3ff;
    let size = head >>> 20;
    if (size === 0xfff) {
      if (offset + 4 > bytes.byteLength) throw new RecordError('truncated size');
      size = view.getUint32(offset, true);
      offset += 4;
    }
    if (size > bytes.byteLength - offset) throw new RecordError('record past the end');
    if (++count > MAX_RECORDS) throw new RecordError('too many records');
    const record: HwpRecord = { tag, level, data: bytes.subarray(offset, offset + size), children: [] };
    offset += size;
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children : roots).push(record);
    stack.push(record);
  }
  return roots;
}

/** Reads little-endian fields, answering undefined past the end rather than throwing. */
export class Fields {
  private readonly view: DataView;
  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  u8(at: number): number | undefined {
    return at + 1 <= this.data.byteLength ? this.view.getUint8(at) : undefined;
  }
  u16(at: number): number | undefined {
    return at + 2 <= this.data.byteLength ? this.view.getUint16(at, true) : undefined;
  }
  u32(at: number): number | undefined {
    return at + 4 <= this.data.byteLength ? this.view.getUint32(at, true) : undefined;
  }
  /** A WCHAR array with its 16-bit length in front; `next` is the offset after it. */
  wstring(at: number): { text: string; next: number } | undefined {
    const len = this.u16(at);
    if (len === undefined || at + 2 + len * 2 > this.data.byteLength) return undefined;
    return { text: new TextDecoder('utf-16le').decode(this.data.subarray(at + 2, at + 2 + len * 2)), next: at + 2 + len * 2 };
  }
}

/** Four-letter control ids as stored (a little-endian 32-bit number): 'tbl ', 'gso ', 'head', 'foot'. */
export function ctrlId(record: HwpRecord): string {
  const id = new Fields(record.data).u32(0);
  if (id === undefined) return '';
  return String.fromCharCode((id >>> 24) & 0xff, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff);
}

/** A piece of a paragraph: text, or the n-th control (CTRL_HEADER) of the paragraph at this place. */
export type TextPiece = { text: string } | { control: number };

/** Control characters that are one code unit; every other code below 32 is an inline or extended control of eight. */
const CHAR_CONTROLS = new Set([0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31]);
/** Inline controls (eight units, no CTRL_HEADER of their own): field end, tab, title marks… */
const INLINE_CONTROLS = new Set([4, 5, 6, 7, 8, 9, 19, 20]);

/**
 * PARA_TEXT (UTF-16LE) to text and control places. Tab becomes '\t', line break '\n', the bound and
 * fixed-width spaces a space and the hyphen '-'; extended controls (tables, pictures, headers…) are
 * numbered in the order their CTRL_HEADER records follow the paragraph.
 */
export function paragraphPieces(data: Uint8Array): TextPiece[] {
  const units = data.byteLength >>> 1;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const pieces: TextPiece[] = [];
  let text = '';
  let control = 0;
  let i = 0;
  while (i < units) {
    const c = view.getUint16(i * 2, true);
    if (c >= 32) {
      // Surrogate pairs decode fine as two units in a row.
      text += String.fromCharCode(c);
      i++;
    } else if (CHAR_CONTROLS.has(c)) {
      if (c === 10) text += '\n';
      else if (c === 24) text += '-';
      else if (c === 30 || c === 31) text += ' ';
      i++;
    } else {
      if (c === 9) text += '\t';
      else if (!INLINE_CONTROLS.has(c)) {
        if (text) pieces.push({ text });
        text = '';
        pieces.push({ control: control++ });
      }
      i += 8;
    }
  }
  if (text) pieces.push({ text });
  return pieces;
}

/** Picture ids to BinData streams, from DocInfo's BIN_DATA records (numbered from 1). */
export interface BinItem {
  stream: string;
  /** true/false when the item says; undefined to follow the document. */
  compressed: boolean | undefined;
}

export function binItems(docInfo: HwpRecord[]): Map<number, BinItem> {
  const items = new Map<number, BinItem>();
  let index = 0;
  for (const record of docInfo) {
    if (record.tag !== TAG.binData) continue;
    index++;
    const f = new Fields(record.data);
    const attr = f.u16(0) ?? 0;
    // 0 is a link to a file outside the document, 2 an embedded OLE object: neither is a photo.
    if ((attr & 0xf) !== 1) continue;
    const id = f.u16(2);
    const ext = f.wstring(4)?.text.toLowerCase();
    if (id === undefined || !ext || !/^[a-z0-9]{1,5}$/.test(ext)) continue;
    const compression = (attr >>> 4) & 0x3;
    items.set(index, {
      stream: `BinData/BIN${id.toString(16).toUpperCase().padStart(4, '0')}.${ext}`,
      compressed: compression === 1 ? true : compression === 2 ? false : undefined,
    });
  }
  return items;
}

/** Style ids (their order in DocInfo) to heading levels, from names such as 개요 1 or Heading 2. */
export function headingStyles(docInfo: HwpRecord[]): Map<number, number> {
  const levels = new Map<number, number>();
  let id = 0;
  for (const record of docInfo) {
    if (record.tag !== TAG.style) continue;
    const f = new Fields(record.data);
    const name = f.wstring(0);
    const eng = name && f.wstring(name.next);
    const m = /(?:개요|Outline|제목|Heading)\s*(\d)/i.exec(`${name?.text ?? ''} ${eng?.text ?? ''}`);
    if (m) levels.set(id, Math.min(6, Number(m[1])));
    id++;
  }
  return levels;
}
