import type { ArticleFields } from '../../shared/article';
import { countCharacters, countWords } from '../../shared/counting';
import { escapeHtml } from '../../shared/html-escape';
import type { MediaItem, PhotoRef, RenditionFormat, RenditionWidth } from '../../shared/media';
import type { PhotoSrc } from '../../shared/photo-html';
import { photosOf, type PlacedPhoto } from '../../shared/photo-refs';
import { articleHtml, articleParts, type NewsroomTemplates, type ArticleParts } from '../../shared/article-render';
import { converterMarkup, type HtmlField } from './cms-text';

/**
 * A story as it leaves Byline, whatever the target: the approved version's fields, rendered once by
 * the shared converter (shared/article-render.ts: the agency credit and the 뉴스출처 line are added
 * there, once), with every photo URL chosen by the target.
 */
export interface OutgoingArticle {
  articleId: string;
  version: number;
  createdAt: string;
  /** When the desk approved the version sent (or when it was saved). */
  versionCreatedAt: string;
  fields: ArticleFields;
  parts: ArticleParts;
  /** Headline, deck, lead photo, body, bylines and attribution: the portal page's story block. */
  pageHtml: HtmlField;
  /** What a CMS post carries as its content: the body (credit-led), bylines and the attribution line; the lead photo goes as featured image. */
  contentHtml: HtmlField;
  /** The content as text, one block a line, for counts and ninjs. */
  contentText: string;
  /** Every photo the story shows, lead first, with the library's item where this machine has it. */
  photos: Array<{ ref: PlacedPhoto; item: MediaItem | undefined }>;
}

/** Byline lines and the attribution, as articleHtml closes the story. */
function closingHtml(parts: ArticleParts): string {
  const out: string[] = [];
  for (const line of parts.bylineLines) out.push(`<p class="story-view__byline">${escapeHtml(line)}</p>`);
  if (parts.attributionLine) out.push(`<p class="story-view__attribution">${escapeHtml(parts.attributionLine)}</p>`);
  return out.join('\n');
}

/** Text of converter HTML: block ends become line breaks, entities are decoded. Only for HTML this module made. */
export function htmlText(html: string): string {
  return html
    .replace(/<figure[\s\S]*?<\/figure>/g, '')
    .replace(/<\/(p|h[1-6]|li|blockquote|div)>/g, '\n')
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** A correction as readers are told it: when (the 정정 move) and why (its 정정 사유). */
export interface CorrectionNote {
  at: string;
  reason: string;
}

export const CORRECTION_TITLE_PREFIX = '[정정보도] ';

/** "2026년 3월 5일 10:20", Korean time. */
export function correctionDate(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 9 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}년 ${d.getUTCMonth() + 1}월 ${d.getUTCDate()}일 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** The visible correction notes, oldest first, escaped: "[정정] 2026년 3월 5일 10:20 — <사유>" each. */
export function correctionsHtml(notes: readonly CorrectionNote[]): string {
  return notes.map((n) => `<p class="story-view__correction">${escapeHtml(`[정정] ${correctionDate(n.at)} — ${n.reason.trim()}`)}</p>`).join('\n');
}

export function outgoingArticle(input: {
  articleId: string;
  version: number;
  createdAt: string;
  versionCreatedAt: string;
  fields: ArticleFields;
  newsroom: NewsroomTemplates;
  photoSrc: PhotoSrc;
  media: ReadonlyMap<string, MediaItem>;
  /** Every correction of the story, oldest first: each stays visible at the end of the story. */
  corrections?: readonly CorrectionNote[];
  /** Put "[정정보도] " before the headline of a corrected story. */
  correctionPrefix?: boolean;
}): OutgoingArticle {
  const corrections = (input.corrections ?? []).filter((c) => c.reason.trim() !== '');
  const fields =
    input.correctionPrefix && corrections.length > 0 && !input.fields.headline.startsWith(CORRECTION_TITLE_PREFIX.trim())
      ? { ...input.fields, headline: `${CORRECTION_TITLE_PREFIX}${input.fields.headline}` }
      : input.fields;
  const parts = articleParts(fields, input.newsroom, input.photoSrc);
  const notes = correctionsHtml(corrections);
  const closing = [closingHtml(parts), notes].filter(Boolean).join('\n');
  const contentHtml = closing ? `${parts.bodyHtml}\n${closing}` : parts.bodyHtml;
  const page = articleHtml(parts);
  const pageHtml = notes ? page.replace(/\n<\/article>$/, () => `\n${notes}\n</article>`) : page;
  return {
    articleId: input.articleId,
    version: input.version,
    createdAt: input.createdAt,
    versionCreatedAt: input.versionCreatedAt,
    fields: input.fields,
    parts,
    pageHtml: converterMarkup(pageHtml),
    contentHtml: converterMarkup(contentHtml),
    contentText: htmlText(contentHtml),
    photos: photosOf(input.fields).map((ref) => ({ ref, item: input.media.get(ref.mediaId) })),
  };
}

export function textCounts(text: string): { charCount: number; wordCount: number } {
  return { charCount: countCharacters(text.replace(/\n/g, '')).withSpaces, wordCount: countWords(text) };
}

/** A rendition's file name inside a photo folder, as the media store names it. */
export function renditionFile(width: RenditionWidth, format: RenditionFormat): string {
  return `${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`;
}

export type { PhotoRef };
