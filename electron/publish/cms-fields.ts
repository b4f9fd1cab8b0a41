import type { PhotoRef } from '../../shared/media';
import { htmlField, plainField, wordpressContent, type HtmlField, type PlainField } from './cms-text';
import type { OutgoingArticle } from './outgoing-article';

/*
 * The one place where a story's typed text becomes the text fields of a CMS payload, target by
 * target, each as the CMS reads it (see cms-text.ts). The payload builders (wordpress-payload.ts,
 * ghost.ts) take only these branded fields.
 *
 * WordPress renders post titles, excerpts, term names and a media item's title, caption and
 * description as HTML, and an editor account holds `unfiltered_html`, so nothing filters them there:
 * all are escaped. Alt text is printed into an attribute by themes (esc_attr, which leaves existing
 * references alone) and passed through sanitize_text_field on the way in (which strips anything
 * that looks like a tag, text included): escaped as well, it survives and shows as typed.
 *
 * Ghost's Admin API keeps title, custom_excerpt, feature_image_alt and tag names as text (its editor
 * and themes escape them); feature_image_caption is HTML (its editor writes rich text there).
 */

export interface WordPressPostText {
  title: HtmlField;
  excerpt: HtmlField;
  content: HtmlField;
}

/** `content` is the post's whole content (post-content.ts); the story's body and closing lines by default. */
export function wordpressPostText(story: OutgoingArticle, content: HtmlField = story.contentHtml): WordPressPostText {
  return {
    title: htmlField(story.parts.headline),
    excerpt: htmlField(story.parts.deckLines.join(' ')),
    content: wordpressContent(content),
  };
}

export interface WordPressMediaText {
  title: HtmlField;
  caption: HtmlField;
  alt_text: HtmlField;
  description: HtmlField;
}

type PhotoText = Pick<PhotoRef, 'caption' | 'credit' | 'alt'>;

/** Caption and credit as the story shows them; the title is the caption's start (the photo's key when it has none). */
export function wordpressMediaText(p: PhotoText, fallbackTitle: string): WordPressMediaText {
  const caption = p.caption.trim();
  const credit = p.credit.trim();
  // The description is rendered through the_content, as a post's content is, with the alt text in
  // the picture it adds there; a caption goes into a [caption] shortcode when an editor inserts the
  // photo elsewhere: shortcodes would run in all three.
  return {
    title: htmlField(Array.from(caption).slice(0, 100).join('') || fallbackTitle),
    caption: wordpressContent(htmlField([caption, credit].filter(Boolean).join(' '))),
    alt_text: wordpressContent(htmlField(p.alt.trim())),
    description: wordpressContent(htmlField(credit ? `사진: ${credit}` : '')),
  };
}

/** A category or tag name; WordPress keeps names escaped ("IT &amp; 과학") and strips what looks like a tag from a raw one. */
export function wordpressTermName(name: string): HtmlField {
  return htmlField(name.trim());
}

export interface GhostPostText {
  title: PlainField;
  html: HtmlField;
  /** The whole deck; ghost.ts cuts it to Ghost's limit. */
  excerpt: PlainField;
  /** Section first: Ghost's primary tag is the first. */
  tags: PlainField[];
  featureImageCaption: HtmlField | null;
  featureImageAlt: PlainField | null;
}

/** Ghost renders feature_image_caption as HTML: caption and credit, escaped, as WordPress gets them. */
export function ghostCaption(caption: string, credit: string): HtmlField {
  return htmlField([caption.trim(), credit.trim()].filter(Boolean).join(' '));
}

export function ghostPostText(story: OutgoingArticle, html: HtmlField = story.contentHtml): GhostPostText {
  const f = story.fields;
  const lead = f.leadPhoto;
  return {
    title: plainField(story.parts.headline),
    html,
    excerpt: plainField(story.parts.deckLines.join(' ')),
    tags: [f.section, ...f.tags].map((t) => plainField(t.trim())).filter(Boolean),
    // The story's own caption and credit for the photo, as WordPress gets them on the featured image.
    featureImageCaption: lead ? ghostCaption(lead.caption, lead.credit) || null : null,
    featureImageAlt: lead ? plainField(lead.alt.trim()) || null : null,
  };
}
