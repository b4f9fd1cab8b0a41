import { escapeHtml } from './html-escape';
import { RENDITION_WIDTHS, renditionPath, type PhotoRef, type RenditionFormat, type RenditionWidth } from './media';

/** Where an exported page finds a rendition: the app's own /media/ route by default, a bundle's relative file in an export. */
export type PhotoSrc = (ref: PhotoRef, width: RenditionWidth, format: RenditionFormat) => string;

export const appPhotoSrc: PhotoSrc = (ref, width, format) => renditionPath(ref.mediaId, width, format);

function srcset(ref: PhotoRef, format: RenditionFormat, src: PhotoSrc): string {
  return RENDITION_WIDTHS.map((w) => `${escapeHtml(src(ref, w, format))} ${w}w`).join(', ');
}

/**
 * A photo as the portal shows it: the picture, then its caption and credit. Every text is escaped and
 * every URL comes from `src`, so nothing a caption holds can become markup. WebP first, JPEG for the rest.
 */
export function photoFigureHtml(ref: PhotoRef, src: PhotoSrc = appPhotoSrc, role: 'body' | 'lead' = 'body'): string {
  const caption = ref.caption.trim();
  const credit = ref.credit.trim();
  const img = `<img src="${escapeHtml(src(ref, 800, 'jpeg'))}"`;
  const alt = `alt="${escapeHtml(ref.alt.trim())}" loading="lazy">`;
  // A CMS holds one file per photo: a srcset naming it at every width would tell the browser a
  // 2048-pixel upload is 320 pixels wide, and it would draw the photo far wider than the column.
  const oneFile = new Set(RENDITION_WIDTHS.flatMap((w) => [src(ref, w, 'jpeg'), src(ref, w, 'webp')])).size === 1;
  const parts = [
    `<figure class="story-photo${role === 'lead' ? ' story-photo--lead' : ''}">`,
    ...(oneFile
      ? [`${img} ${alt}`]
      : [
          '<picture>',
          `<source type="image/webp" srcset="${srcset(ref, 'webp', src)}" sizes="(max-width: 800px) 100vw, 800px">`,
          `${img} srcset="${srcset(ref, 'jpeg', src)}" sizes="(max-width: 800px) 100vw, 800px" ${alt}`,
          '</picture>',
        ]),
  ];
  if (caption || credit) {
    const text = [
      caption && `<span class="story-photo__caption">${escapeHtml(caption)}</span>`,
      credit && `<span class="story-photo__credit">${escapeHtml(credit)}</span>`,
    ];
    parts.push(`<figcaption>${text.filter(Boolean).join(' ')}</figcaption>`);
  }
  parts.push('</figure>');
  return parts.join('');
}

/** A photo story's gallery: its photos in the order the desk set. */
export function galleryHtml(items: readonly PhotoRef[], src: PhotoSrc = appPhotoSrc): string {
  if (items.length === 0) return '';
  return `<div class="story-gallery">${items.map((item) => photoFigureHtml(item, src)).join('')}</div>`;
}
