import CFB from 'cfb';
import { deflateRawSync } from 'node:zlib';
import { RELEASE, captionLine, releasePhoto, type Masthead } from './documents';

/**
 * HWP 5 files written here (한글 문서 파일 구조 5.0): the same release the DOCX, HWPX and PDF tests
 * carry, in an OLE compound file written by cfb with DocInfo and BodyText records, so the record reader
 * is tested on every structure it must follow — and on hostile variants no word processor would write.
 */

const TAG = {
  binData: 0x12,
  style: 0x1a,
  paraHeader: 0x42,
  paraText: 0x43,
  ctrlHeader: 0x47,
  listHeader: 0x48,
  shapeComponent: 0x4c,
  table: 0x4d,
  picture: 0x55,
};

export function record(tag: number, level: number, data: Uint8Array): Buffer {
  const big = data.byteLength >= 0xfff;
  const head = Buffer.alloc(big ? 8 : 4);
  head.writeUInt32LE((tag | (level << 10) | ((big ? 0xfff : data.byteLength) << 20)) >>> 0, 0);
  if (big) head.writeUInt32LE(data.byteLength, 4);
  return Buffer.concat([head, data]);
}

const u16 = (...values: number[]) => Buffer.from(new Uint16Array(values).buffer);
const wstring = (text: string) => Buffer.concat([u16(text.length), Buffer.from(text, 'utf16le')]);
const ctrlIdBytes = (id: string) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(((id.charCodeAt(0) << 24) | (id.charCodeAt(1) << 16) | (id.charCodeAt(2) << 8) | id.charCodeAt(3)) >>> 0, 0);
  return b;
};

/** An extended control character (eight code units) standing where a table, picture or header sits. */
const CONTROL = '\u000b'.repeat(8);
const HEADER_CONTROL = '\u0010'.repeat(8);
const TAB = '\u0009'.repeat(8);

/** A paragraph: its header, its text (with control characters) and the records of its controls. */
export function paragraph(level: number, text: string, controls: Buffer[] = [], style = 0): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(((text.length + 1) | 0x80000000) >>> 0, 0);
  header.writeUInt8(style, 10);
  return Buffer.concat([record(TAG.paraHeader, level, header), record(TAG.paraText, level + 1, Buffer.from(`${text}\r`, 'utf16le')), ...controls]);
}

function cell(level: number, row: number, col: number, text: string): Buffer {
  const list = Buffer.alloc(34);
  list.writeUInt16LE(1, 0);
  list.writeUInt16LE(col, 8);
  list.writeUInt16LE(row, 10);
  list.writeUInt16LE(1, 12);
  list.writeUInt16LE(1, 14);
  return Buffer.concat([record(TAG.listHeader, level, list), paragraph(level, text)]);
}

/** A paragraph holding a table of texts. */
export function tableParagraph(
  level: number,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  place: (row: number, col: number) => [number, number] = (row, col) => [row, col],
): Buffer {
  const cols = Math.max(...rows.map((r) => r.length));
  const table = Buffer.alloc(24);
  table.writeUInt16LE(rows.length, 4);
  table.writeUInt16LE(cols, 6);
  const cells = rows.flatMap((r, i) => r.map((t, j) => cell(level + 2, ...place(i, j), t)));
  return paragraph(level, CONTROL, [
    record(TAG.ctrlHeader, level + 1, Buffer.concat([ctrlIdBytes('tbl '), Buffer.alloc(42)])),
    record(TAG.table, level + 2, table),
    ...cells,
  ]);
}

/** A picture with its caption, `heightCm` tall on the page (0: not said). */
export function pictureParagraph(level: number, binIndex: number, caption: string, heightCm = 8): Buffer {
  const picture = Buffer.alloc(91);
  picture.writeUInt16LE(binIndex, 71);
  const common = Buffer.alloc(42);
  common.writeUInt32LE(Math.round((heightCm * 1.5 * 7200) / 2.54), 12);
  common.writeUInt32LE(Math.round((heightCm * 7200) / 2.54), 16);
  const list = Buffer.alloc(16);
  list.writeUInt16LE(1, 0);
  return paragraph(level, CONTROL, [
    record(TAG.ctrlHeader, level + 1, Buffer.concat([ctrlIdBytes('gso '), common])),
    record(TAG.listHeader, level + 2, list),
    paragraph(level + 2, caption),
    record(TAG.shapeComponent, level + 2, Buffer.alloc(196)),
    record(TAG.picture, level + 3, picture),
  ]);
}

function pageChrome(level: number, id: 'head' | 'foot', text: string): Buffer {
  const list = Buffer.alloc(16);
  list.writeUInt16LE(1, 0);
  return Buffer.concat([
    record(TAG.ctrlHeader, level + 1, Buffer.concat([ctrlIdBytes(id), Buffer.alloc(4)])),
    record(TAG.listHeader, level + 2, list),
    paragraph(level + 2, text),
  ]);
}

export interface HwpOptions {
  photo?: Buffer;
  masthead?: Masthead;
  /** FileHeader property bits: 1 compressed, 2 password, 4 distribution (배포용). */
  flags?: number;
  /** Replace the first section's records. */
  section?: Buffer;
  /** Replace or add streams ("BodyText/Section1", "BinData/BIN0001.png"). */
  extra?: Record<string, Uint8Array>;
  /** Leave streams out ("BodyText/Section0" for a distribution copy's layout). */
  omit?: string[];
}

export async function makeHwp(options: HwpOptions = {}): Promise<Buffer> {
  const photo = options.photo ?? (await releasePhoto());
  const flags = options.flags ?? 1;
  const compressed = (flags & 1) !== 0;
  const pack = (b: Buffer) => (compressed ? deflateRawSync(b) : b);
  const r = RELEASE;
  const m = options.masthead;
  const top = m
    ? [m.box ? tableParagraph(0, [[m.text]]) : paragraph(0, m.text), tableParagraph(0, [['보도시점', r.embargo, '배포', r.distribution]])]
    : [
        tableParagraph(0, [
          [r.issuer, '보도자료'],
          ['보도시점', r.embargo, '배포', r.distribution],
        ]),
      ];
  const chrome = [...(m ? [] : [pageChrome(0, 'head', r.pageHeader)]), pageChrome(0, 'foot', r.pageFooter)];
  const section =
    options.section ??
    Buffer.concat([
      paragraph(0, HEADER_CONTROL.repeat(chrome.length), chrome),
      ...top,
      paragraph(0, r.title),
      paragraph(0, `-${TAB}${r.subtitle} -`),
      paragraph(0, r.lead),
      ...r.items.map((t) => paragraph(0, t)),
      paragraph(0, r.note),
      paragraph(0, r.tableIntro),
      tableParagraph(0, r.table),
      pictureParagraph(0, 1, captionLine()),
      paragraph(0, r.quote),
      tableParagraph(0, r.contact),
      paragraph(0, r.attachment),
    ]);
  const docInfo = Buffer.concat([
    record(TAG.binData, 1, Buffer.concat([u16(1, 1), wstring('png')])),
    record(TAG.style, 1, Buffer.concat([wstring('바탕글'), wstring('Normal'), Buffer.alloc(8)])),
    record(TAG.style, 1, Buffer.concat([wstring('개요 1'), wstring('Outline 1'), Buffer.alloc(8)])),
  ]);
  const header = Buffer.alloc(256);
  header.write('HWP Document File', 0, 'latin1');
  header.writeUInt32LE(0x05010001, 32);
  header.writeUInt32LE(flags, 36);
  const streams: Record<string, Uint8Array> = {
    FileHeader: header,
    DocInfo: pack(docInfo),
    'BodyText/Section0': pack(section),
    'BinData/BIN0001.png': pack(photo),
    ...options.extra,
  };
  const cfb = CFB.utils.cfb_new();
  for (const [path, data] of Object.entries(streams)) if (!options.omit?.includes(path)) CFB.utils.cfb_add(cfb, `/${path}`, Buffer.from(data));
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

export const hwpPack = (b: Buffer) => deflateRawSync(b);
