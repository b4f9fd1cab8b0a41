import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../shared/errors';
import { MAX_PHOTO_PIXELS, RENDITION_FORMATS, RENDITION_WIDTHS, type ImageFormat, type RenditionFormat, type RenditionWidth } from '../../shared/media';

/** The decoder's input options for every untrusted file: pixel limit (decompression bombs), refuse truncated data. */
export const UNTRUSTED_INPUT = { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'truncated', sequentialRead: true } as const;

/**
 * WebP at effort 2 encodes a 1600 px rendition in about a third of the time of the default effort 4 for
 * files a few per cent larger: an import must stay well under half a second (npm run bench -- photo).
 */
const WEBP = { quality: 80, effort: 2 } as const;
const JPEG = { quality: 82 } as const;

/** What the decoder found in a file, before any pixel is decoded. */
export interface ImageFacts {
  format: ImageFormat;
  /** After the EXIF orientation is applied, as people see the photo. */
  width: number;
  height: number;
  orientation: number;
}

export interface RenderedFile {
  width: RenditionWidth;
  format: RenditionFormat;
  pixelWidth: number;
  pixelHeight: number;
  data: Buffer;
}

function unreadable(fileName: string): AppError {
  return new AppError('VALIDATION', `'${fileName}' 파일이 손상되었거나 끝까지 읽을 수 없는 사진입니다. 원본 파일을 다시 받아 가져오세요.`);
}

/** sharp's own name for each format it decodes; AVIF is HEIF with AV1 inside. */
function sameFormat(expected: ImageFormat, meta: Metadata): boolean {
  if (expected === 'avif') return meta.format === 'heif' && meta.compression === 'av1';
  return meta.format === expected;
}

/**
 * Reads the header only: dimensions, orientation, and whether the decoder agrees with the sniffed format.
 * A file declaring more pixels than MAX_PHOTO_PIXELS is refused here, before a single row is decoded.
 */
export async function probeImage(bytes: Uint8Array, expected: ImageFormat, fileName: string): Promise<ImageFacts> {
  let meta: Metadata;
  try {
    // Only the header is read here, so the pixel limit is checked below, where a bomb can be named as one.
    meta = await sharp(bytes, { ...UNTRUSTED_INPUT, limitInputPixels: false }).metadata();
  } catch {
    throw unreadable(fileName);
  }
  if (!sameFormat(expected, meta) || !meta.width || !meta.height) throw unreadable(fileName);
  if (meta.width * meta.height > MAX_PHOTO_PIXELS) {
    const megapixels = Math.round((meta.width * meta.height) / 1e6);
    throw new AppError(
      'VALIDATION',
      `'${fileName}' 사진의 화소 수가 너무 많습니다 (${meta.width}×${meta.height}, 약 ${megapixels}메가픽셀, 최대 ${MAX_PHOTO_PIXELS / 1e6}메가픽셀). 압축 폭탄일 수 있어 가져오지 않았습니다.`,
    );
  }
  const oriented = meta.autoOrient ?? { width: meta.width, height: meta.height };
  return { format: expected, width: oriented.width, height: oriented.height, orientation: meta.orientation ?? 1 };
}

interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

function fromPixels(p: Pixels): Sharp {
  return sharp(p.data, { raw: { width: p.width, height: p.height, channels: p.channels } });
}

async function encode(p: Pixels, format: RenditionFormat): Promise<Buffer> {
  // A rendition carries no metadata at all (sharp writes none unless told to): no GPS, no camera serial.
  if (format === 'webp') return fromPixels(p).webp(WEBP).toBuffer();
  const flat = p.channels === 4 ? fromPixels(p).flatten({ background: '#ffffff' }) : fromPixels(p);
  return flat.jpeg(JPEG).toBuffer();
}

async function shrink(p: Pixels, width: number): Promise<Pixels> {
  const { data, info } = await fromPixels(p).resize({ width }).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * Every rendition (RENDITION_WIDTHS × RENDITION_FORMATS), upright and in sRGB. The file is decoded once,
 * straight to the largest width (JPEG shrink-on-load does most of that work inside the decoder), and
 * each smaller width is made from the next larger one rather than from the original: decoding a
 * 24-megapixel JPEG is most of the cost of an import. A photo narrower than a width gets that rendition
 * at its own width.
 */
export async function renderRenditions(bytes: Uint8Array, fileName: string): Promise<RenderedFile[]> {
  const widths = [...RENDITION_WIDTHS].sort((a, b) => b - a);
  let largest: Pixels;
  try {
    const { data, info } = await sharp(bytes, UNTRUSTED_INPUT)
      .autoOrient()
      .resize({ width: widths[0], withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    largest = { data, width: info.width, height: info.height, channels: info.channels };
  } catch {
    throw unreadable(fileName);
  }

  // Encoding starts as soon as a width's pixels exist, so the next shrink overlaps the encoders; two widths
  // of a small photo can be the same pixels, encoded once.
  const encoded = new Map<string, Promise<Buffer>>();
  const files: Array<Promise<RenderedFile>> = [];
  let previous = largest;
  for (const width of widths) {
    const pixels = previous.width > width ? await shrink(previous, width) : previous;
    for (const format of RENDITION_FORMATS) {
      const key = `${pixels.width}.${format}`;
      if (!encoded.has(key)) encoded.set(key, encode(pixels, format));
      const file = encoded.get(key)!.then((data) => ({ width, format, pixelWidth: pixels.width, pixelHeight: pixels.height, data }));
      // Awaited below with the rest; this only keeps a failure from counting as unhandled meanwhile.
      file.catch(() => undefined);
      files.push(file);
    }
    previous = pixels;
  }
  return Promise.all(files);
}
