import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { makeDocx } from './documents';

/**
 * Hostile documents for the import tests and `npm run bench -- hostile`, written byte by byte: a zip
 * whose central directory and local headers disagree, a small PDF holding an image of billions of
 * zero bytes, and HTML nested thousands of elements deep.
 */

export interface RawZipEntry {
  /** The name the central directory gives. */
  name: string;
  data: Uint8Array;
  /** The name the local header gives, when it is to disagree. */
  localName?: string;
  /** Uncompressed size written in the local header / the central directory, when it is to lie. */
  localSize?: number;
  centralSize?: number;
  /** Already-deflated bytes (a bomb made in chunks); `data` is then only its CRC's source and may be empty. */
  deflated?: Uint8Array;
  crc?: number;
  /** Extra field bytes for the central directory entry. */
  centralExtra?: Uint8Array;
  /** General purpose flags; bit 11 (names in UTF-8) unless told. */
  flags?: number;
  /** CRC and sizes after the data in a data descriptor, zero in the local header (as streaming writers do). */
  descriptor?: boolean;
}

/** A zip written field by field (APPNOTE 4.3), so a test can make the two directories disagree. */
export function writeZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const compressed = e.deflated ?? deflateRawSync(e.data);
    const crc = e.crc ?? crc32(e.data);
    const centralName = Buffer.from(e.name, 'utf8');
    const localName = Buffer.from(e.localName ?? e.name, 'utf8');
    const extra = Buffer.from(e.centralExtra ?? new Uint8Array());
    const flags = (e.flags ?? 0x0800) | (e.descriptor ? 0x0008 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    if (!e.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(compressed.length, 18);
      local.writeUInt32LE(e.localSize ?? e.data.length, 22);
    }
    local.writeUInt16LE(localName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(e.centralSize ?? e.data.length, 24);
    central.writeUInt16LE(centralName.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    const descriptor = Buffer.alloc(e.descriptor ? 16 : 0);
    if (e.descriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(compressed.length, 8);
      descriptor.writeUInt32LE(e.data.length, 12);
    }
    locals.push(local, localName, Buffer.from(compressed), descriptor);
    centrals.push(central, centralName, extra);
    offset += 30 + localName.length + compressed.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `bytes` zero bytes deflated in chunks (a gigabyte is never held at once), with their CRC-32. */
export async function deflatedZeros(bytes: number): Promise<{ deflated: Buffer; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const stream = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  stream.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  let crc = 0;
  for (let left = bytes; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(part, crc);
    if (!stream.write(part)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await done;
  return { deflated: Buffer.concat(out), crc };
}

/** A body only mammoth would see if it read bytes the checker never checked. */
export const HIDDEN_TEXT = '검사하지 않은 숨은 본문';
export const hiddenDocumentXml = () =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${HIDDEN_TEXT}</w:t></w:r></w:p></w:body></w:document>`,
  );

/** The release's DOCX taken apart, each part as a plain entry. */
export async function docxEntries(): Promise<RawZipEntry[]> {
  const parts = unzipSync(new Uint8Array(await makeDocx()));
  return Object.entries(parts).map(([name, data]) => ({ name, data }));
}

export type DocxTrick = 'duplicate' | 'local-name' | 'local-size' | 'unicode-path';

/**
 * A DOCX the old checker passed while mammoth read something else:
 * - duplicate: a second central entry word/document.xml, unread by the checker (a name is looked up
 *   once), whose local header names the real part so JSZip keeps it; `hidden` is its content.
 * - local-name: an entry the central directory calls word/notes.xml whose local header says word/document.xml.
 * - local-size: word/document.xml's local header declares another size than the central directory.
 * - unicode-path: an entry carrying an Info-ZIP Unicode Path extra field (0x7075) that renames it
 *   word/document.xml for JSZip while the central and local names agree on word/hidden.xml.
 */
export async function makeTrickDocx(trick: DocxTrick, hidden?: RawZipEntry): Promise<Buffer> {
  const entries = await docxEntries();
  const doc = entries.find((e) => e.name === 'word/document.xml')!;
  const secret: RawZipEntry = hidden ?? { name: 'word/document.xml', data: hiddenDocumentXml() };
  switch (trick) {
    case 'duplicate':
      // The real part's local header names another file, so JSZip keeps the hidden one for the name.
      doc.localName = 'word/documenx.xml';
      entries.splice(entries.indexOf(doc), 0, { ...secret, name: 'word/document.xml' });
      break;
    case 'local-name':
      entries.push({ ...secret, name: 'word/notes.xml', localName: 'word/document.xml' });
      break;
    case 'local-size':
      doc.localSize = doc.data.length + 1;
      break;
    case 'unicode-path': {
      const name = 'word/hidden.xml';
      const target = Buffer.from('word/document.xml', 'utf8');
      const extra = Buffer.alloc(4 + 5 + target.length);
      extra.writeUInt16LE(0x7075, 0);
      extra.writeUInt16LE(5 + target.length, 2);
      extra[4] = 1;
      extra.writeUInt32LE(crc32(Buffer.from(name, 'utf8')), 5);
      target.copy(extra, 9);
      // JSZip reads the field only for a name not flagged UTF-8.
      entries.push({ ...secret, name, centralExtra: extra, flags: 0 });
      break;
    }
  }
  return writeZip(entries);
}

/** The 1 GiB bomb of the review: a duplicate word/document.xml of zeros declaring 1,000 bytes. */
export async function makeDuplicateBombDocx(bytes = 1024 * 1024 * 1024): Promise<Buffer> {
  const { deflated, crc } = await deflatedZeros(bytes);
  return makeTrickDocx('duplicate', { name: 'word/document.xml', data: new Uint8Array(1_000), deflated, crc, centralSize: 1_000, localSize: 1_000 });
}

/**
 * A one-page PDF with a line of text and one FlateDecode image of `width`×`height` zero pixels: a
 * few hundred kilobytes that pdf.js would decode to `width`×`height`×channels bytes.
 */
export async function makePdfImageBomb(width = 20_000, height = 20_000, colour: 'gray' | 'rgb' = 'rgb'): Promise<Buffer> {
  const channels = colour === 'rgb' ? 3 : 1;
  const { deflated } = await deflatedZeros(width * height * channels);
  // deflatedZeros makes raw deflate; PDF's FlateDecode wants the zlib wrapper (pdf.js tolerates a bad
  // checksum, so a header and a zero Adler-32 are enough).
  const image = Buffer.concat([Buffer.from([0x78, 0x9c]), deflated, Buffer.alloc(4)]);
  const content = Buffer.from('BT /F1 14 Tf 72 720 Td (Press release with a photo) Tj ET q 200 0 0 200 72 400 cm /Im1 Do Q', 'latin1');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>',
      'latin1',
    ),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', 'latin1'),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /${colour === 'rgb' ? 'DeviceRGB' : 'DeviceGray'} /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`,
        'latin1',
      ),
      image,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A saved page whose body sits `depth` <div>s deep. */
export function makeDeepHtml(depth: number): Buffer {
  return Buffer.from(
    `<!doctype html><html><head><meta charset="utf-8"><title>보도자료</title></head><body>${'<div>'.repeat(depth)}<p>본문</p>${'</div>'.repeat(depth)}</body></html>`,
  );
}

/** A flat but large saved page (`paragraphs` short paragraphs): slow to parse, harmless in shape. */
export function makeLongHtml(paragraphs: number): Buffer {
  return Buffer.from(`<!doctype html><html><head><meta charset="utf-8"></head><body>${'<p><b>가</b>나</p>'.repeat(paragraphs)}</body></html>`);
}
