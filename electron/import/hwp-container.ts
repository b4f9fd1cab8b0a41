import CFB from 'cfb';
import { inflateRawSync } from 'node:zlib';
import { LIMITS, refuse } from './limits';
import { isCompoundFile } from './zip';

/**
 * The HWP 5 container: an OLE compound file (read with cfb) holding FileHeader, DocInfo,
 * BodyText/SectionN and BinData/BINxxxx.ext streams. This file owns the file-level checks (signature,
 * encryption, distribution lock) and inflating streams under limits; hwp-records.ts reads what is inside.
 */

/** FileHeader property bits (한글 문서 파일 구조 5.0, 표 3). */
const FLAG = {
  compressed: 1 << 0,
  password: 1 << 1,
  distribution: 1 << 2,
  drm: 1 << 4,
  certificateEncrypted: 1 << 8,
  certificateDrm: 1 << 10,
} as const;

export interface HwpContainer {
  version: string;
  compressed: boolean;
  /** A stream's bytes as stored (before inflating), undefined when the file has no such stream. */
  raw(path: string): Uint8Array | undefined;
  /** A stream inflated when `compressed` says so, within the limits. */
  stream(path: string, compressed?: boolean): Uint8Array | undefined;
  /** BodyText section streams, in order. */
  sections(): string[];
  names(): string[];
}

export function openHwp(data: Uint8Array, fileName: string): HwpContainer {
  const damaged = () =>
    refuse(`'${fileName}'을(를) 한글(HWP 5) 문서로 읽을 수 없습니다. 파일이 손상되었을 수 있습니다. 한글에서 열어 HWPX로 다시 저장한 뒤 가져오세요.`);
  // cfb also reads zip and MIME files; only an OLE signature is handed to it.
  if (!isCompoundFile(data)) throw damaged();
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { type: 'buffer' });
  } catch {
    throw damaged();
  }
  const entries = new Map<string, Uint8Array>();
  cfb.FullPaths.forEach((full, i) => {
    const entry = cfb.FileIndex[i];
    if (entry?.type !== 2 || !entry.content) return;
    // Paths are "Root Entry/BodyText/Section0"; the root's own name varies, so it is cut off.
    const path = full.slice(full.indexOf('/') + 1);
    const content = entry.content as Uint8Array;
    entries.set(path, new Uint8Array(content.buffer, content.byteOffset, Math.min(content.byteLength, entry.size)));
  });
  if (entries.size > LIMITS.zipEntries) throw damaged();

  const header = entries.get('FileHeader');
  const signature = header ? new TextDecoder('latin1').decode(header.subarray(0, 17)) : '';
  if (!header || header.byteLength < 40 || signature !== 'HWP Document File') {
    throw refuse(
      `'${fileName}'은(는) 한글(HWP 5) 문서가 아닙니다. 암호가 걸린 오피스 문서이거나 다른 프로그램의 파일일 수 있습니다. 한글 문서라면 한글에서 HWPX로 다시 저장해 가져오세요.`,
    );
  }
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const v = view.getUint32(32, true);
  const version = `${v >>> 24}.${(v >>> 16) & 0xff}.${(v >>> 8) & 0xff}.${v & 0xff}`;
  const flags = view.getUint32(36, true);
  if (flags & (FLAG.password | FLAG.drm | FLAG.certificateEncrypted | FLAG.certificateDrm)) {
    throw refuse(`'${fileName}'은(는) 암호가 걸린 한글 문서입니다. 한글에서 암호를 해제하고 다시 저장한 뒤 가져오세요.`);
  }
  const sectionNames = (folder: string) =>
    [...entries.keys()]
      .map((n) => ({ n, m: new RegExp(`^${folder}/Section(\\d+)$`).exec(n) }))
      .filter((x) => x.m)
      .sort((a, b) => Number(a.m![1]) - Number(b.m![1]))
      .map((x) => x.n);
  // A distribution copy (배포용 문서) keeps its text encrypted in ViewText instead of BodyText.
  if (flags & FLAG.distribution || (sectionNames('BodyText').length === 0 && sectionNames('ViewText').length > 0)) {
    throw refuse(
      `'${fileName}'은(는) 배포용(읽기 전용)으로 잠긴 한글 문서라 내용을 꺼낼 수 없습니다. 배포처에 HWPX·PDF 파일을 받거나, 배포용 문서 설정을 해제한 원본을 받아 가져오세요.`,
    );
  }
  if (v >>> 24 !== 5) throw refuse(`'${fileName}'은(는) 한글 ${v >>> 24} 형식이라 읽을 수 없습니다. 한글에서 HWPX로 다시 저장해 가져오세요.`);
  const compressed = (flags & FLAG.compressed) !== 0;

  let inflatedTotal = 0;
  const stream = (path: string, deflated = compressed): Uint8Array | undefined => {
    const raw = entries.get(path);
    if (!raw || !deflated) return raw;
    let out: Buffer;
    try {
      out = inflateRawSync(raw, { maxOutputLength: LIMITS.zipEntryBytes });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw refuse(`'${fileName}'의 ${path} 부분이 풀면 너무 커집니다. 조작된 파일일 수 있어 가져오지 않았습니다.`);
      }
      throw damaged();
    }
    // The zip reader's bomb test: text records compress about 10:1, never 1000:1.
    if (out.byteLength > 1024 * 1024 && out.byteLength > raw.byteLength * LIMITS.zipRatio) {
      throw refuse(`'${fileName}'의 ${path} 부분이 비정상적으로 많이 압축되어 있습니다. 조작된 파일일 수 있어 가져오지 않았습니다.`);
    }
    inflatedTotal += out.byteLength;
    if (inflatedTotal > LIMITS.zipTotalBytes) throw refuse(`'${fileName}'은(는) 풀면 너무 커집니다. 조작된 파일일 수 있어 가져오지 않았습니다.`);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };

  return {
    version,
    compressed,
    raw: (path) => entries.get(path),
    stream,
    sections: () => sectionNames('BodyText'),
    names: () => [...entries.keys()],
  };
}
