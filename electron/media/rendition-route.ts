import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseRenditionPath } from '../../shared/media';
import { renditionName } from './file-store';

/** A rendition's content never changes under its path (the path names the photo's hash): cache it for good. */
export const RENDITION_CACHE_CONTROL = 'private, max-age=31536000, immutable';

export interface RenditionFile {
  file: string;
  size: number;
  contentType: string;
}

/**
 * The file behind `/media/<id>/<width>.<webp|jpg>`, for web mode and the app:// protocol alike; undefined
 * for any other path (originals, which may carry GPS, are never served) or a photo not on disk. Only
 * what parseRenditionPath accepts is joined into a path: a hash, a known width, a known extension.
 */
export async function findRendition(mediaRoot: string, pathname: string): Promise<RenditionFile | undefined> {
  const parsed = parseRenditionPath(pathname);
  if (!parsed) return undefined;
  const file = path.join(mediaRoot, parsed.id, renditionName(parsed.width, parsed.format));
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return { file, size: info.size, contentType: parsed.format === 'jpeg' ? 'image/jpeg' : 'image/webp' };
}
