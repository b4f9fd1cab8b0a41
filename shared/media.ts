import { z } from 'zod';

/** A photo's identity is the SHA-256 of its bytes, as lower-case hex: importing the same file again finds it. */
export const MediaId = z.string().regex(/^[0-9a-f]{64}$/, '사진 식별자가 올바르지 않습니다');
export type MediaId = z.infer<typeof MediaId>;

export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const;
export const ImageFormat = z.enum(IMAGE_FORMATS);
export type ImageFormat = z.infer<typeof ImageFormat>;

/** Widths every photo is rendered to; a photo narrower than a width gets that rendition at its own width. */
export const RENDITION_WIDTHS = [320, 800, 1600] as const;
export type RenditionWidth = (typeof RENDITION_WIDTHS)[number];
export const RENDITION_FORMATS = ['webp', 'jpeg'] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

/** Largest file accepted for import, and the pixel count above which a file is treated as a decompression bomb. */
export const MAX_PHOTO_BYTES = 100 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 150_000_000;

/**
 * Where a rendition is served, relative to the app's origin: app://byline/media/… on the desktop,
 * http://127.0.0.1:port/media/… in web mode. Never a file:// path.
 */
export function renditionPath(id: MediaId, width: RenditionWidth, format: RenditionFormat): string {
  return `/media/${id}/${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`;
}

/** Parses a rendition path back; undefined for anything else (so the server can refuse it). */
export function parseRenditionPath(pathname: string): { id: MediaId; width: RenditionWidth; format: RenditionFormat } | undefined {
  const m = /^\/media\/([0-9a-f]{64})\/([0-9]+)\.(webp|jpg)$/.exec(pathname);
  if (!m) return undefined;
  const width = Number(m[2]) as RenditionWidth;
  if (!RENDITION_WIDTHS.includes(width)) return undefined;
  return { id: m[1]!, width, format: m[3] === 'jpg' ? 'jpeg' : 'webp' };
}

/**
 * A photo as a story uses it: the library's photo plus this story's caption, credit and alt text
 * (pre-filled from the library, editable per story). Photo nodes, gallery items and the lead photo
 * all carry this shape.
 */
export const PhotoRef = z.strictObject({
  mediaId: MediaId,
  caption: z.string().max(1_000),
  credit: z.string().max(200),
  alt: z.string().max(500),
});
export type PhotoRef = z.infer<typeof PhotoRef>;

/**
 * Reads a photo reference from a body node, a gallery item or a DOM import. Missing texts read as empty (the
 * reporter may not have written the caption yet); without a valid library id it is not a photo at all.
 */
export function readPhotoRef(value: unknown): PhotoRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const parsed = PhotoRef.safeParse({
    mediaId: v.mediaId,
    caption: typeof v.caption === 'string' ? v.caption : '',
    credit: typeof v.credit === 'string' ? v.credit : '',
    alt: typeof v.alt === 'string' ? v.alt : '',
  });
  return parsed.success ? parsed.data : undefined;
}

const IsoTime = z.iso.datetime();

export const Rendition = z.object({
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  format: z.enum(RENDITION_FORMATS),
  bytes: z.number().int().min(0),
  path: z.string(),
});
export type Rendition = z.infer<typeof Rendition>;

/** A photo in the media library. Width and height are after orientation is applied. */
export const MediaItem = z.object({
  id: MediaId,
  fileName: z.string(),
  format: ImageFormat,
  bytes: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  caption: z.string(),
  credit: z.string(),
  creator: z.string(),
  copyright: z.string(),
  alt: z.string(),
  takenAt: IsoTime.nullable(),
  /** Whether the original carries a GPS position; it is never exported unless settings keep it. */
  hasGps: z.boolean(),
  renditions: z.array(Rendition),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type MediaItem = z.infer<typeof MediaItem>;

export const MediaRole = z.enum(['lead', 'body', 'gallery']);
export type MediaRole = z.infer<typeof MediaRole>;

/** A story that uses a photo, and how. */
export const MediaUsage = z.object({
  articleId: z.uuid(),
  headline: z.string(),
  state: z.string(),
  roles: z.array(MediaRole),
  updatedAt: IsoTime,
});
export type MediaUsage = z.infer<typeof MediaUsage>;

/** A photo a story uses, where, and whether the desk may publish it as it stands. */
export interface PhotoProblem {
  mediaId: MediaId;
  role: MediaRole;
  /** 1-based position among the story's photos, for messages ("사진 2"). */
  position: number;
  missing: Array<'caption' | 'credit' | 'alt'>;
}
