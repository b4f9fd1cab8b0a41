import type { ArticleFields } from './article';
import { PhotoRef, type MediaRole } from './media';

export type PlacedPhoto = PhotoRef & { role: MediaRole };

/** Past this depth a body is not walked further: the contract already bounds nesting, this only keeps the walk finite. */
const MAX_DEPTH = 64;

/**
 * A photo reference as a node or gallery item stores it. Missing texts read as empty (a reporter may not
 * have written the caption yet); a reference without a valid library id is not a photo at all.
 */
function refOf(value: unknown): PhotoRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' ? x : '');
  const parsed = PhotoRef.safeParse({ mediaId: v.mediaId, caption: text(v.caption), credit: text(v.credit), alt: text(v.alt) });
  return parsed.success ? parsed.data : undefined;
}

function walk(node: unknown, depth: number, out: PlacedPhoto[]): void {
  if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return;
  const n = node as Record<string, unknown>;
  if (n.type === 'photo') {
    const ref = refOf(n);
    if (ref) out.push({ ...ref, role: 'body' });
  } else if (n.type === 'gallery' && Array.isArray(n.items)) {
    for (const item of n.items) {
      const ref = refOf(item);
      if (ref) out.push({ ...ref, role: 'gallery' });
    }
  }
  // Photos sit at the root today; walking every child keeps a photo found if a later node nests one.
  if (Array.isArray(n.children)) for (const child of n.children) walk(child, depth + 1, out);
}

/**
 * Every photo a story shows, in reading order: the lead photo first, then the body's photo blocks and
 * gallery items. Unknown nodes are passed over, not refused: the body's schema is the editor's business.
 */
export function photosOf(fields: Pick<ArticleFields, 'body' | 'leadPhoto'>): PlacedPhoto[] {
  const out: PlacedPhoto[] = [];
  if (fields.leadPhoto) out.push({ ...fields.leadPhoto, role: 'lead' });
  walk((fields.body as { root?: unknown }).root, 0, out);
  return out;
}
