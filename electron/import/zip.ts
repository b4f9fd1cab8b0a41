import { crc32, inflateRawSync } from 'node:zlib';
import { LIMITS, refuse } from './limits';

/**
 * A small ZIP reader for DOCX and HWPX, written against the central directory (APPNOTE 4.3) so that every
 * size is checked before anything is inflated: entry count, each entry's declared and actual size
 * (zlib's maxOutputLength stops an entry that lies), the archive's total and the compression ratio.
 * Encrypted entries, ZIP64 and methods other than stored/deflate are refused, not guessed at.
 *
 * Other unzippers (JSZip inside mammoth) name an entry by its local header, not the central directory,
 * and the last of two entries with one name wins: a file whose two directories disagree could have
 * them inflate what was never checked. So each local header must repeat its central entry (name,
 * method, flags, sizes, CRC), a name may appear once, and `validated()` hands on only what was read
 * here, for zip-rebuild.ts to write out again.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the entry's compressed bytes start (after its local header). */
  dataOffset: number;
}

/** An entry as read and checked here: its compressed bytes, whose inflation matched size and CRC. */
export interface ValidatedEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  raw: Uint8Array;
}

/** Flag bits that change how an entry is read: encrypted (0), data descriptor (3), strong encryption (6). */
const READ_FLAGS = 0b0100_1001;
const DATA_DESCRIPTOR = 0b1000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/** An OLE compound file: HWP 5, an old .doc, or an Office file encrypted with a password. */
export function isCompoundFile(data: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return data.length >= 8 && sig.every((b, i) => data[i] === b);
}

export class ZipArchive {
  private readonly view: DataView;
  readonly entries = new Map<string, ZipEntry>();
  private readonly checked = new Map<string, ValidatedEntry>();
  private inflated = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly label: string,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.readDirectory();
  }

  private corrupt(): never {
    throw refuse(`'${this.label}' 파일이 손상되었습니다 (압축 구조를 읽을 수 없습니다). 원본 파일을 다시 받아 가져오세요.`);
  }

  private readDirectory(): void {
    const { view, data } = this;
    let eocd = -1;
    for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i -= 1) {
      if (view.getUint32(i, true) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) this.corrupt();
    const count = view.getUint16(eocd + 10, true);
    const dirSize = view.getUint32(eocd + 12, true);
    const dirOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || dirOffset === 0xffffffff) throw refuse(`'${this.label}'은(는) 지원하지 않는 대용량(ZIP64) 압축 형식입니다.`);
    if (count > LIMITS.zipEntries)
      throw refuse(`'${this.label}'에 든 파일이 너무 많습니다 (${count}개, 최대 ${LIMITS.zipEntries}개). 보도자료 파일이 아닌 것 같습니다.`);
    if (dirOffset + dirSize > data.length) this.corrupt();
    let p = dirOffset;
    let total = 0;
    const decoder = new TextDecoder('utf-8');
    for (let n = 0; n < count; n += 1) {
      if (p + 46 > data.length || view.getUint32(p, true) !== CENTRAL) this.corrupt();
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const crc = view.getUint32(p + 16, true);
      const compressedSize = view.getUint32(p + 20, true);
      const size = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      const localOffset = view.getUint32(p + 42, true);
      if (p + 46 + nameLen > data.length) this.corrupt();
      const nameBytes = data.subarray(p + 46, p + 46 + nameLen);
      const name = decoder.decode(nameBytes);
      p += 46 + nameLen + extraLen + commentLen;
      if (flags & 1) throw refuse(`'${this.label}'은(는) 암호가 걸린 문서입니다. 한글이나 워드에서 암호를 푼 뒤 다시 저장해 가져오세요.`);
      if (this.entries.has(name))
        throw refuse(`'${this.label}'에 같은 이름의 파일(${name.slice(0, 80)})이 두 번 들어 있습니다. 조작되었거나 손상된 문서라 가져오지 않았습니다.`);
      // An unzipper that resolves '..' or a leading '/' would see two of these as one name.
      if (/(?:^|\/)\.\.?(?:\/|$)|^\//.test(name)) this.mismatch(name);
      total += size;
      if (size > LIMITS.zipEntryBytes || total > LIMITS.zipTotalBytes) {
        throw refuse(`'${this.label}'의 압축을 풀면 너무 큽니다 (최대 ${LIMITS.zipTotalBytes / 1024 / 1024} MB). 압축 폭탄이거나 보도자료가 아닌 파일입니다.`);
      }
      const entry: ZipEntry = { name, method, flags, crc, compressedSize, size, localOffset, dataOffset: 0 };
      entry.dataOffset = this.checkLocalHeader(entry, nameBytes);
      this.entries.set(name, entry);
    }
  }

  private mismatch(name: string): never {
    throw refuse(`'${this.label}'의 압축 목록과 파일 머리글이 맞지 않습니다 (${name.slice(0, 80)}). 조작되었거나 손상된 문서라 가져오지 않았습니다.`);
  }

  /** The local header must say what the central directory says; returns where the entry's bytes start. */
  private checkLocalHeader(entry: ZipEntry, nameBytes: Uint8Array): number {
    const { view, data } = this;
    const p = entry.localOffset;
    if (p + 30 > data.length || view.getUint32(p, true) !== LOCAL) this.corrupt();
    const flags = view.getUint16(p + 6, true);
    const nameLen = view.getUint16(p + 26, true);
    const start = p + 30 + nameLen + view.getUint16(p + 28, true);
    if (start + entry.compressedSize > data.length) this.corrupt();
    const sameName = nameLen === nameBytes.length && nameBytes.every((b, i) => data[p + 30 + i] === b);
    if (!sameName || (flags & READ_FLAGS) !== (entry.flags & READ_FLAGS) || view.getUint16(p + 8, true) !== entry.method) this.mismatch(entry.name);
    // With a data descriptor the local header may leave CRC and sizes as zero; otherwise they must agree.
    const local = [view.getUint32(p + 14, true), view.getUint32(p + 18, true), view.getUint32(p + 22, true)];
    const central = [entry.crc, entry.compressedSize, entry.size];
    const deferred = (entry.flags & DATA_DESCRIPTOR) !== 0;
    if (local.some((v, i) => v !== central[i] && !(deferred && v === 0))) this.mismatch(entry.name);
    return start;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** One entry's bytes, inflated with the declared size as a hard cap. */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) this.corrupt();
    const raw = this.data.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    const bomb = () => refuse(`'${this.label}'의 압축을 풀면 너무 큽니다. 압축 폭탄이거나 손상된 파일입니다.`);
    if (entry.size > 4096 && entry.compressedSize > 0 && entry.size / entry.compressedSize > LIMITS.zipRatio) throw bomb();
    let out: Uint8Array;
    if (entry.method === 0) {
      out = raw;
    } else if (entry.method === 8) {
      try {
        out = inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bomb();
        this.corrupt();
      }
    } else {
      throw refuse(`'${this.label}'은(는) 지원하지 않는 압축 방식(${entry.method})을 씁니다.`);
    }
    if (out.length !== entry.size || crc32(out) !== entry.crc) this.corrupt();
    if (!this.checked.has(name)) {
      this.inflated += out.length;
      this.checked.set(name, { name, method: entry.method, crc: entry.crc, size: entry.size, raw });
    }
    if (this.inflated > LIMITS.zipTotalBytes) throw bomb();
    return out;
  }

  /** Every entry, as read and checked by `read`: an entry not read yet is read now. */
  validated(): ValidatedEntry[] {
    return this.names().map((name) => {
      if (!this.checked.has(name)) this.read(name);
      return this.checked.get(name)!;
    });
  }

  text(name: string): string {
    return new TextDecoder('utf-8').decode(this.read(name));
  }
}
