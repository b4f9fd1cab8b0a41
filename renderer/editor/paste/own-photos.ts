import { readPhotoRef, type PhotoRef } from '../../../shared/media';

/**
 * Photo blocks copied within Byline travel as the figure PhotoNode.exportDOM writes (data-media-id,
 * caption and credit spans, alt text). The sanitiser admits no figure, so without this a copied photo
 * would arrive as its caption text alone. Each such figure is set aside before sanitising as a marker
 * paragraph, and put back afterwards as a figure built here from its checked parts: a library id that
 * must look like one, and texts taken as text. Nothing of the pasted figure's own markup survives.
 */
export interface SetAside {
  marker: (index: number) => string;
  refs: PhotoRef[];
}

/** Elements whose content is never text of the story, as the sanitiser drops them (DOMPurify's FORBID_CONTENTS). */
const NOT_TEXT = 'script, style, template, noscript, svg, math, iframe, object, embed, textarea, select, button';

function textOf(el: Element | null): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  for (const junk of Array.from(copy.querySelectorAll(NOT_TEXT))) junk.remove();
  return copy.textContent ?? '';
}

export function setAsideOwnPhotos(body: HTMLElement): SetAside {
  const nonce = crypto.getRandomValues(new Uint32Array(2)).join('');
  // Invisible separators around the marker: typed text will not match it by accident.
  const marker = (index: number) => `\u2063byline-photo-${nonce}-${index}\u2063`;
  const refs: PhotoRef[] = [];
  for (const figure of Array.from(body.querySelectorAll<HTMLElement>('figure[data-media-id]'))) {
    const ref = readPhotoRef({
      mediaId: figure.dataset.mediaId,
      caption: textOf(figure.querySelector('.story-photo__caption')),
      credit: textOf(figure.querySelector('.story-photo__credit')),
      alt: figure.querySelector('img')?.getAttribute('alt') ?? '',
    });
    if (!ref) continue;
    const p = body.ownerDocument.createElement('p');
    p.textContent = marker(refs.length);
    figure.replaceWith(p);
    refs.push(ref);
  }
  return { marker, refs };
}

/** Puts each set-aside photo back where its marker paragraph stands, as a figure PhotoNode's importDOM reads. */
export function restoreOwnPhotos(root: DocumentFragment, aside: SetAside): void {
  if (aside.refs.length === 0) return;
  const doc = root.ownerDocument;
  const byMarker = new Map(aside.refs.map((ref, i) => [aside.marker(i), ref]));
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const ref = byMarker.get(p.textContent ?? '');
    if (!ref) continue;
    const figure = doc.createElement('figure');
    figure.dataset.mediaId = ref.mediaId;
    const img = doc.createElement('img');
    img.setAttribute('alt', ref.alt);
    const figcaption = doc.createElement('figcaption');
    for (const [cls, text] of [
      ['story-photo__caption', ref.caption],
      ['story-photo__credit', ref.credit],
    ] as const) {
      const span = doc.createElement('span');
      span.className = cls;
      span.textContent = text;
      figcaption.append(span);
    }
    figure.append(img, figcaption);
    p.replaceWith(figure);
  }
}
