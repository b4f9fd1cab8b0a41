import { z } from 'zod';
import { Article, ArticleId } from './article';

/** Largest document accepted for import (a release with a few photos is a few MB; a 50 MB file is an archive, not a release). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The formats a press release arrives in. `hwp` is HWP 5, the binary Hangul format. */
export const ImportFormat = z.enum(['docx', 'hwpx', 'hwp', 'pdf', 'html']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/**
 * What the release's boilerplate was: the 보도자료 box (issuer, 보도시점/배포 times), the 담당부서 contact
 * table, page headers and footers, 붙임 attachment lists. Kept beside the story, never in its body.
 */
export const SetAsideKind = z.enum(['header', 'embargo', 'contact', 'page_header', 'page_footer', 'attachment']);
export type SetAsideKind = z.infer<typeof SetAsideKind>;

export const SetAsideItem = z.object({ kind: SetAsideKind, text: z.string().max(20_000) });
export type SetAsideItem = z.infer<typeof SetAsideItem>;

/** What the release proposes for the story's fields; the reporter confirms or edits each. */
export const ImportProposals = z.object({
  headline: z.string().max(300),
  deck: z.string().max(2_000),
  sourceAttribution: z.string().max(100),
  embargoAt: z.iso.datetime().nullable(),
  /** The line the embargo was read from, as the release wrote it ("2026. 2. 10.(화) 12:00"). */
  embargoText: z.string().max(300),
});
export type ImportProposals = z.infer<typeof ImportProposals>;

export const ProposalField = z.enum(['headline', 'deck', 'sourceAttribution', 'embargoAt']);
export type ProposalField = z.infer<typeof ProposalField>;

/** An import as stored beside its story (electron/db/migrations/007-import.ts), so the side panel survives a reload. */
export const ImportRecord = z.object({
  articleId: ArticleId,
  fileName: z.string(),
  format: ImportFormat,
  proposals: ImportProposals,
  setAside: z.array(SetAsideItem),
  warnings: z.array(z.string()),
  confirmed: z.array(ProposalField),
  createdAt: z.iso.datetime(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const ImportResult = z.object({
  article: Article,
  record: ImportRecord,
});
export type ImportResult = z.infer<typeof ImportResult>;
