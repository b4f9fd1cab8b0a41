import { MAX_PHOTO_BYTES, type MediaItem, type PhotoRef } from '../../shared/media';
import type { BylineClient } from '../client';

export interface ImportOutcome {
  imported: MediaItem[];
  /** One Korean sentence per file that was refused, naming the file. */
  failures: string[];
}

/** What the browser says an image is; the main process checks the bytes themselves again. */
const ACCEPTED = /^image\/(jpeg|png|webp|avif)$/;

export const ACCEPT_ATTRIBUTE = 'image/jpeg,image/png,image/webp,image/avif';

/** Files that look like images from a drop or a paste; everything else is left to whoever else handles it. */
export function imageFilesOf(files: Iterable<File>): File[] {
  return [...files].filter((f) => f.type.startsWith('image/'));
}

/**
 * Imports files one after another (a 24-megapixel JPEG takes a few hundred ms to render; running them
 * in parallel would only make each wait longer). A refused file does not stop the others.
 */
export async function importFiles(client: BylineClient, files: readonly File[]): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], failures: [] };
  for (const file of files) {
    const name = file.name || '붙여넣은 이미지';
    if (file.type && !ACCEPTED.test(file.type)) {
      outcome.failures.push(`${name}: JPEG, PNG, WebP, AVIF 사진만 가져올 수 있습니다.`);
      continue;
    }
    if (file.size > MAX_PHOTO_BYTES) {
      outcome.failures.push(`${name}: 파일이 너무 큽니다 (${Math.round(file.size / 1024 / 1024)} MB, 최대 ${MAX_PHOTO_BYTES / 1024 / 1024} MB).`);
      continue;
    }
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      const { item } = await client.call('media.import', { fileName: safeName(name, file.type), data });
      outcome.imported.push(item);
    } catch (err) {
      outcome.failures.push(`${name}: ${(err as Error).message}`);
    }
  }
  return outcome;
}

/** A pasted image has no name (or "image.png"); a name with separators is the system's, not a path to keep. */
function safeName(name: string, type: string): string {
  const base = name.split(/[/\\]/).pop()?.trim() || 'image';
  if (base.includes('.')) return base.slice(0, 255);
  const ext = type.split('/')[1] ?? 'jpg';
  return `${base}.${ext === 'jpeg' ? 'jpg' : ext}`.slice(0, 255);
}

/** How a library photo enters a story: its library caption, credit and alt text, editable from there on. */
export function refOf(item: MediaItem): PhotoRef {
  return { mediaId: item.id, caption: item.caption, credit: item.credit, alt: item.alt };
}
