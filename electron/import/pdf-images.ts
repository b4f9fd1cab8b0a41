import { MAX_PHOTO_PIXELS } from '../../shared/media';
import { refuse } from './limits';

/** How far from "/Subtype /Image" its dictionary's brackets are looked for; real image dictionaries are a few hundred bytes. */
const WINDOW = 8_192;

/** The bounds of the `<< … >>` dictionary around `at`, counting nested dictionaries; undefined if not found nearby. */
function enclosingDict(text: string, at: number): [number, number] | undefined {
  let depth = 0;
  let start = -1;
  for (let j = at; j > 0 && j > at - WINDOW; j -= 1) {
    const pair = text[j - 1]! + text[j]!;
    if (pair === '>>') {
      depth += 1;
      j -= 1;
    } else if (pair === '<<') {
      if (depth === 0) {
        start = j - 1;
        break;
      }
      depth -= 1;
      j -= 1;
    }
  }
  if (start < 0) return undefined;
  depth = 0;
  for (let j = at; j + 1 < text.length && j < at + WINDOW; j += 1) {
    const pair = text[j]! + text[j + 1]!;
    if (pair === '<<') {
      depth += 1;
      j += 1;
    } else if (pair === '>>') {
      if (depth === 0) return [start, j + 2];
      depth -= 1;
      j += 1;
    }
  }
  return undefined;
}

/**
 * Refuses a PDF naming an image larger than a photo may be (MAX_PHOTO_PIXELS), read from the image
 * dictionaries' own /Width and /Height before pdf.js decodes anything: a megabyte of zeros can declare
 * gigabytes of pixels. An image XObject is a stream, and streams are never inside compressed object
 * streams, so its dictionary is always plain in the file. What this scan cannot see (sizes given by
 * reference, inline images inside content streams) pdf.js's own maxImageSize drops unread.
 */
export function refuseOversizedImages(data: Uint8Array, fileName: string): void {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  for (const match of text.matchAll(/\/Subtype\s*\/Image\b/g)) {
    const bounds = enclosingDict(text, match.index);
    if (!bounds) continue;
    let dict = text.slice(bounds[0] + 2, bounds[1] - 2);
    // Nested dictionaries (DecodeParms) have their own keys; only the image's own count.
    for (let before = ''; before !== dict;) {
      before = dict;
      dict = dict.replace(/<<(?:(?!<<|>>)[\s\S])*>>/g, ' ');
    }
    const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1] ?? 0);
    const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1] ?? 0);
    if (width * height > MAX_PHOTO_PIXELS) {
      throw refuse(
        `'${fileName}'에 든 그림의 화소 수가 너무 많습니다 (${width}×${height}, 최대 ${MAX_PHOTO_PIXELS / 1e6}메가픽셀). 압축 폭탄일 수 있어 가져오지 않았습니다.`,
      );
    }
  }
}
