import { escapeHtml } from '../../shared/html-escape';
import { converterMarkup, type HtmlField } from './cms-text';
import type { OutgoingArticle } from './outgoing-article';

/*
 * A WordPress or Ghost post's content as readers see it: the deck on top (the 부제 block, which themes
 * show as a bold lead-in), the body with its photos as figures with caption and credit (the converter's
 * own, shared/photo-html.ts), then the byline when the post prints it, the 뉴스출처 line and any
 * correction notes. The lead photo is not here: it goes as the post's featured image.
 */

/**
 * WordPress draws a photo in a post at its file's full width unless the post holds an image block, whose
 * stylesheet (max-width: 100%) block themes load only then: each figure of the converter's markup is
 * marked as one, with WordPress's own caption class, keeping its picture and caption exactly as they are.
 * Captions are escaped by the converter, so no "</figure>" inside one can end a figure early.
 */
export function wordpressFigures(html: HtmlField): HtmlField {
  return converterMarkup(
    html.replace(
      /<figure class="story-photo">([\s\S]*?)<\/figure>/g,
      (_, inner: string) =>
        `<!-- wp:image -->\n<figure class="wp-block-image story-photo">${inner.replace('<figcaption>', '<figcaption class="wp-element-caption">')}</figure>\n<!-- /wp:image -->`,
    ),
  );
}

/** The 부제: each deck line, bold, in one block a theme can style by its class. */
export function deckBlock(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return `<p class="byline-deck"><strong>${lines.map((l) => escapeHtml(l)).join('<br>')}</strong></p>`;
}

/** "김기자 기자, 이기자 특파원". */
export function bylineText(story: OutgoingArticle): string {
  return story.fields.bylines.map((b) => [b.name.trim(), b.title.trim()].filter(Boolean).join(' ')).join(', ');
}

/**
 * The post's content. `byline` prints the reporters' names at the end of the body, unless the newsroom's
 * byline template already prints them there. `mark` is an HTML comment readers never see (story-key.ts).
 */
export function postContent(story: OutgoingArticle, options: { byline: boolean; mark?: string }): HtmlField {
  const { parts } = story;
  // contentHtml is the body, then the closing lines (outgoing-article.ts): the byline goes between them.
  const closing = story.contentHtml.slice(parts.bodyHtml.length).replace(/^\n/, '');
  const names = options.byline && parts.bylineLines.length === 0 ? bylineText(story) : '';
  const blocks = [
    deckBlock(parts.deckLines),
    parts.bodyHtml,
    names && `<p class="byline-author">${escapeHtml(names)}</p>`,
    closing,
    options.mark && `<!--${options.mark}-->`,
  ];
  return converterMarkup(blocks.filter(Boolean).join('\n'));
}
