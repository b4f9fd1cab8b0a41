import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseRenditionPath } from '../../shared/media';
import { renditionName } from './file-store';
import { realInside } from './inside-root';

/** A rendition's content never changes under its path (the path names the photo's hash): cache it for good. */
export const RENDITION_CACHE_CONTROL = 'private, max-age=31536000, immutable';

export interface RenditionFile {
  file: string;
  size: number;
  contentType: string;
}

/**
 * Puts a photo's folder in place when this machine lacks it (MediaService.materialise: a photo imported
 * on another workstation of a shared newsroom). Rejects when it cannot: no such photo, or its original
 * is missing or damaged on the server.
 */
export type Materialise = (id: string) => Promise<unknown>;

/**
 * The file behind `/media/<id>/<width>.<webp|jpg>`, for web mode and the app:// protocol alike; undefined
 * for any other path (originals, which may carry GPS, are never served) or a photo not on disk. Only
 * what parseRenditionPath accepts is joined into a path: a hash, a known width, a known extension.
 * With `materialise` (shared newsroom), a photo not on disk is fetched once and then served from disk.
 */
export async function findRendition(mediaRoot: string, pathname: string, materialise?: Materialise): Promise<RenditionFile | undefined> {
  const parsed = parseRenditionPath(pathname);
  if (!parsed) return undefined;
  const file = path.join(mediaRoot, parsed.id, renditionName(parsed.width, parsed.format));
  let info = await stat(file).catch(() => undefined);
  if (!info && materialise) {
    // An <img> can only be answered 404; the reason goes to the log, for whoever looks after the server.
    const made = await materialise(parsed.id).then(
      () => true,
      (err: unknown) => {
        console.warn('[byline] photo not available from the shared server', parsed.id, err instanceof Error ? err.message : err);
        return false;
      },
    );
    if (made) info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return undefined;
  // A photo folder replaced by a link would serve whatever it leads to under a photo's address.
  const real = await realInside(mediaRoot, file);
  if (!real) return undefined;
  return { file: real, size: info.size, contentType: parsed.format === 'jpeg' ? 'image/jpeg' : 'image/webp' };
}
