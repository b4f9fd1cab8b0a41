import type { ArticleFields, Byline } from './article';
import { editorStateToHtml, escapeHtml } from './editor-html';
import { appPhotoSrc, photoFigureHtml, type PhotoSrc } from './photo-html';
import type { Settings } from './settings';

export type NewsroomTemplates = Settings['newsroom'];

/** Fills {name}-style placeholders; unknown ones stay as typed so a template mistake is visible. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? values[key]! : whole))
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function bylineNames(bylines: readonly Byline[]): string {
  return bylines.map((b) => [b.name, b.title].filter(Boolean).join(' ')).join(', ');
}

/** The parts of a story as the portal lays them out, with the newsroom's credit and attribution applied once, here. */
export interface ArticleParts {
  section: string;
  headline: string;
  deckLines: string[];
  /** Opens the lead paragraph, e.g. "(포탈뉴스통신)"; empty when the outlet uses none. */
  leadPrefix: string;
  /** 대표 사진 with its caption and credit, above the body; empty when the story has none. */
  leadPhotoHtml: string;
  bodyHtml: string;
  bylineLines: string[];
  /** "[뉴스출처 : 과학기술정보통신부]" or empty. */
  attributionLine: string;
}

/**
 * A story without a 발신지 would open "(=포탈뉴스통신)": the placeholder leaves with the "=" that joins it to
 * the credit (on either side), so the lead reads "(포탈뉴스통신)".
 */
function leadTemplateFor(template: string, dateline: string): string {
  return dateline ? template : template.replace(/\{dateline\}\s*=\s*|\s*=\s*\{dateline\}/g, '');
}

/**
 * What opens the lead, e.g. "(포탈뉴스통신)": the outputs put it before the first paragraph and the editor
 * shows it there as a label, from this one function, so what the reporter sees is what is published.
 */
export function leadPrefixOf(fields: Pick<ArticleFields, 'dateline' | 'bylines'>, newsroom: NewsroomTemplates): string {
  const hasCredit = newsroom.agencyCredit.trim() !== '' || !newsroom.leadTemplate.includes('{credit}');
  const dateline = fields.dateline.trim();
  return hasCredit
    ? fillTemplate(leadTemplateFor(newsroom.leadTemplate, dateline), { dateline, credit: newsroom.agencyCredit.trim(), bylines: bylineNames(fields.bylines) })
    : '';
}

/** What closes the story after the body: one line per reporter, then the 뉴스출처 line; as leadPrefixOf, for outputs and editor alike. */
export function closingLinesOf(
  fields: Pick<ArticleFields, 'bylines' | 'sourceAttribution'>,
  newsroom: NewsroomTemplates,
): { bylineLines: string[]; attributionLine: string } {
  return {
    bylineLines: newsroom.bylineTemplate.trim()
      ? fields.bylines.map((b) => fillTemplate(newsroom.bylineTemplate, { name: b.name, title: b.title, email: b.email }))
      : [],
    attributionLine: fields.sourceAttribution.trim() ? fillTemplate(newsroom.attributionTemplate, { source: fields.sourceAttribution.trim() }) : '',
  };
}

export function articleParts(fields: ArticleFields, newsroom: NewsroomTemplates, photoSrc: PhotoSrc = appPhotoSrc): ArticleParts {
  const leadPrefix = leadPrefixOf(fields, newsroom);
  return {
    section: fields.section,
    headline: fields.headline.trim(),
    deckLines: fields.deck
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    leadPrefix,
    leadPhotoHtml: fields.leadPhoto ? photoFigureHtml(fields.leadPhoto, photoSrc, 'lead') : '',
    bodyHtml: editorStateToHtml(fields.body, { leadPrefix, photoSrc }),
    ...closingLinesOf(fields, newsroom),
  };
}

/** The story as one HTML fragment laid out like the portal page: what preview shows and exports start from. */
export function articleHtml(parts: ArticleParts): string {
  const out = ['<article class="story-view">'];
  if (parts.section) out.push(`<div class="story-view__section">${escapeHtml(parts.section)}</div>`);
  out.push(`<h1 class="story-view__headline">${escapeHtml(parts.headline)}</h1>`);
  if (parts.deckLines.length > 0) {
    out.push(`<div class="story-view__deck">${parts.deckLines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`);
  }
  if (parts.leadPhotoHtml) out.push(parts.leadPhotoHtml);
  out.push(`<div class="story-view__body">${parts.bodyHtml}</div>`);
  for (const line of parts.bylineLines) out.push(`<p class="story-view__byline">${escapeHtml(line)}</p>`);
  if (parts.attributionLine) out.push(`<p class="story-view__attribution">${escapeHtml(parts.attributionLine)}</p>`);
  out.push('</article>');
  return out.join('\n');
}
