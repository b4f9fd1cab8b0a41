import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Real image files for the photo library's tests, made with sharp (and, where sharp cannot write
 * something, such as IPTC-IIM or a lying PNG header, byte by byte as the formats define it).
 */

export type TestFormat = 'jpeg' | 'png' | 'webp' | 'avif';

/** A deterministic picture: gradients, a pattern and noise from `seed`, so two seeds never share bytes. */
export function pixels(width: number, height: number, seed: number, channels: 3 | 4 = 3): Buffer {
  const data = Buffer.alloc(width * height * channels);
  let s = seed >>> 0 || 1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const noise = (s >>> 25) - 64;
      const wave = Math.sin((x + seed) / 37) * Math.cos(y / 23) * 50;
      const i = (y * width + x) * channels;
      data[i] = Math.max(0, Math.min(255, (x / width) * 200 + wave + noise * 0.3 + 20));
      data[i + 1] = Math.max(0, Math.min(255, (y / height) * 180 - wave + noise * 0.3 + 30));
      data[i + 2] = Math.max(0, Math.min(255, 128 + wave + noise * 0.4 + (seed % 50)));
      if (channels === 4) data[i + 3] = x < width / 4 ? 128 : 255;
    }
  }
  return data;
}

export async function makeImage(format: TestFormat, options: { width: number; height: number; seed: number; alpha?: boolean }): Promise<Buffer> {
  const channels = options.alpha ? 4 : 3;
  const image = sharp(pixels(options.width, options.height, options.seed, channels), { raw: { width: options.width, height: options.height, channels } });
  if (format === 'jpeg') return image.jpeg({ quality: 90 }).toBuffer();
  if (format === 'png') return image.png().toBuffer();
  if (format === 'webp') return image.webp({ quality: 85 }).toBuffer();
  return image.avif({ quality: 60, effort: 0 }).toBuffer();
}

export interface PhotoText {
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
}

/** An XMP packet as IPTC Core writes it: dc:description, dc:creator, dc:rights, photoshop:Credit. */
export function xmpPacket(text: Partial<PhotoText> & { dateCreated?: string }): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const lines = [
    text.caption !== undefined ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(text.caption)}</rdf:li></rdf:Alt></dc:description>` : '',
    text.creator !== undefined ? `<dc:creator><rdf:Seq><rdf:li>${esc(text.creator)}</rdf:li></rdf:Seq></dc:creator>` : '',
    text.copyright !== undefined ? `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${esc(text.copyright)}</rdf:li></rdf:Alt></dc:rights>` : '',
    text.credit !== undefined ? `<photoshop:Credit>${esc(text.credit)}</photoshop:Credit>` : '',
    text.dateCreated !== undefined ? `<photoshop:DateCreated>${text.dateCreated}</photoshop:DateCreated>` : '',
  ];
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
${lines.filter(Boolean).join('\n')}
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
}

/** IPTC-IIM datasets of record 2 by number: 80 By-line, 110 Credit, 116 Copyright Notice, 120 Caption-Abstract. */
export const IPTC = { byline: 80, headline: 105, credit: 110, source: 115, copyright: 116, caption: 120, dateCreated: 55, timeCreated: 60 } as const;

/**
 * An APP13 "Photoshop 3.0" segment holding an IPTC-IIM block (8BIM resource 0x0404), as photo desks'
 * tools write it: 1:90 declares UTF-8 (ESC % G) unless `encoding` is given, then the 2:xx datasets.
 */
export function iptcSegment(datasets: Array<[number, string]>, encode: (text: string) => Buffer = (t) => Buffer.from(t, 'utf8'), declareUtf8 = true): Buffer {
  const dataset = (record: number, number: number, value: Buffer) => {
    const head = Buffer.from([0x1c, record, number, 0, 0]);
    head.writeUInt16BE(value.length, 3);
    return Buffer.concat([head, value]);
  };
  const iim = Buffer.concat([
    ...(declareUtf8 ? [dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47]))] : []),
    dataset(2, 0, Buffer.from([0x00, 0x04])),
    ...datasets.map(([n, text]) => dataset(2, n, encode(text))),
  ]);
  const padded = iim.length % 2 === 0 ? iim : Buffer.concat([iim, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length);
  const resource = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0x00, 0x00]), size, padded]);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  return segment(0xed, payload);
}

/** An APP1 XMP segment. */
export function xmpSegment(packet: string): Buffer {
  return segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(packet, 'utf8')]));
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** Puts segments right after the JPEG's SOI (and after any APP0/APP1 already there, as cameras order them). */
export function withSegments(jpeg: Buffer, ...segments: Buffer[]): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  let at = 2;
  while (jpeg[at] === 0xff && (jpeg[at + 1] === 0xe0 || jpeg[at + 1] === 0xe1)) at += 2 + jpeg.readUInt16BE(at + 2);
  return Buffer.concat([jpeg.subarray(0, at), ...segments, jpeg.subarray(at)]);
}

export interface NewsPhotoOptions {
  width: number;
  height: number;
  seed: number;
  /** EXIF orientation; 6 means the camera was turned: the stored pixels are landscape, the photo portrait. */
  orientation?: number;
  gps?: { latitude: number; longitude: number };
  iptc?: Array<[number, string]>;
  xmp?: string;
  /** EXIF DateTimeOriginal ("2026:01:15 10:30:00") and its offset ("+09:00"). */
  taken?: { at: string; offset?: string };
}

/** "37/1 33/1 3000/100" */
function rational(value: number): string {
  const abs = Math.abs(value);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 6000);
  return `${d}/1 ${m}/1 ${s}/100`;
}

/** A camera JPEG as an agency sends it: EXIF (orientation, GPS, date), XMP and IPTC-IIM as asked. */
export async function newsPhoto(o: NewsPhotoOptions): Promise<Buffer> {
  let image = sharp(pixels(o.width, o.height, o.seed), { raw: { width: o.width, height: o.height, channels: 3 } }).jpeg({ quality: 90 });
  const exif: Record<string, Record<string, string>> = { IFD0: { Make: 'Byline Test Camera', Model: 'T-1', BodySerialNumber: 'SN-0042' } };
  if (o.gps) {
    exif.IFD3 = {
      GPSLatitudeRef: o.gps.latitude < 0 ? 'S' : 'N',
      GPSLatitude: rational(o.gps.latitude),
      GPSLongitudeRef: o.gps.longitude < 0 ? 'W' : 'E',
      GPSLongitude: rational(o.gps.longitude),
    };
  }
  if (o.taken) exif.IFD2 = { DateTimeOriginal: o.taken.at, ...(o.taken.offset ? { OffsetTimeOriginal: o.taken.offset } : {}) };
  image = image.withExif(exif);
  if (o.orientation) image = image.withMetadata({ orientation: o.orientation });
  let jpeg: Buffer = await image.toBuffer();
  const extra: Buffer[] = [];
  if (o.xmp) extra.push(xmpSegment(o.xmp));
  if (o.iptc) extra.push(iptcSegment(o.iptc));
  if (extra.length) jpeg = withSegments(jpeg, ...extra);
  return jpeg;
}

/** The first part of a file, as an interrupted download leaves it. */
export function truncated(file: Buffer, keep = 0.6): Buffer {
  return Buffer.from(file.subarray(0, Math.floor(file.length * keep)));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid PNG of a few hundred bytes whose header declares `width`×`height`
 * greyscale pixels, all black, that would take gigabytes once decoded.
 */
export function pngBomb(width = 40_000, height = 40_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  // A few rows are enough for a decoder to start; the header is what must be refused.
  const rows = deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Bytes from a fixed seed: no image format's signature. */
export function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let s = seed;
  for (let i = 0; i < length; i += 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  if (out[0] === 0xff || out[0] === 0x89) out[0] = 0x42;
  return out;
}
