import { z } from 'zod';
import { EditorStateJson } from './editor-state';
import { PhotoRef } from './media';

export const ArticleId = z.uuid();

const IsoTime = z.iso.datetime();

/** The whole workflow's states; this issue only creates drafts, the desk issue moves them. */
export const ArticleState = z.enum(['draft', 'submitted', 'in_review', 'approved', 'published', 'returned', 'corrected', 'withdrawn']);
export type ArticleState = z.infer<typeof ArticleState>;

/** 스트레이트, 보도자료, 기획, 포토, 오피니언: the type decides which fields a submission requires. */
export const StoryType = z.enum(['straight', 'press_release', 'feature', 'photo', 'opinion']);
export type StoryType = z.infer<typeof StoryType>;

export const Byline = z.strictObject({
  name: z.string().trim().min(1).max(50),
  email: z.union([z.literal(''), z.email().max(200)]),
  /** 기자, 특파원, 선임기자, 논설위원… */
  title: z.string().trim().max(30),
});
export type Byline = z.infer<typeof Byline>;

/** URL path segment the CMS will use; empty until someone sets it. */
export const Slug = z.union([
  z.literal(''),
  z
    .string()
    .max(200)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '영문 소문자, 숫자, 하이픈만 쓸 수 있습니다'),
]);

/** 발신지: the place a story is filed from (서울, 세종, 부산), the "서울" of "(서울=포탈뉴스통신)"; empty for none. */
export const Dateline = z.string().trim().max(20, '발신지는 20자까지 쓸 수 있습니다 (예: 서울).');

/** What the reporter edits and a save carries. */
export const ArticleFields = z.strictObject({
  headline: z.string().max(300),
  deck: z.string().max(2_000),
  section: z.string().trim().max(50),
  body: EditorStateJson,
  storyType: StoryType,
  bylines: z.array(Byline).max(10),
  /** 뉴스출처: the organisation a press-release story came from; rendered by the newsroom's template. */
  sourceAttribution: z.string().trim().max(100),
  tags: z.array(z.string().trim().min(1).max(50)).max(30),
  summary: z.string().max(1_000),
  slug: Slug,
  embargoAt: IsoTime.nullable(),
  /** A note to the desk; never published. */
  deskNote: z.string().max(2_000),
  /** 대표 사진: shown above the story and used as the CMS's featured image. */
  leadPhoto: PhotoRef.nullable(),
  /** Defaulted because outbox entries and draft journals written before the field existed are parsed again. */
  dateline: Dateline.default(''),
});
export type ArticleFields = z.infer<typeof ArticleFields>;

/** The fields a save carries beyond the headline, deck, section and body; kept together in one column. */
export const ArticleMeta = ArticleFields.omit({ headline: true, deck: true, section: true, body: true });
export type ArticleMeta = z.infer<typeof ArticleMeta>;

export const DEFAULT_META: ArticleMeta = {
  storyType: 'straight',
  bylines: [],
  sourceAttribution: '',
  tags: [],
  summary: '',
  slug: '',
  embargoAt: null,
  deskNote: '',
  leadPhoto: null,
  dateline: '',
};

export const Article = z.object({
  id: ArticleId,
  version: z.number().int().min(1),
  state: ArticleState,
  ...ArticleFields.shape,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  archivedAt: IsoTime.nullable(),
});
export type Article = z.infer<typeof Article>;

/** A row of a queue: enough to list and pick a story without loading its body. */
export const ArticleSummary = z.object({
  id: ArticleId,
  version: z.number().int().min(1),
  state: ArticleState,
  headline: z.string(),
  section: z.string(),
  excerpt: z.string(),
  characters: z.number().int().min(0),
  updatedAt: IsoTime,
  archivedAt: IsoTime.nullable(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const RevisionSummary = z.object({
  articleId: ArticleId,
  version: z.number().int().min(1),
  headline: z.string(),
  savedAt: IsoTime,
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/** One stored version in full, for comparing and restoring. */
export const Revision = z.object({
  articleId: ArticleId,
  version: z.number().int().min(1),
  savedAt: IsoTime,
  fields: ArticleFields,
});
export type Revision = z.infer<typeof Revision>;

/** The editable part of a stored article, as a save carries it. */
export function fieldsOf(a: Article): ArticleFields {
  return {
    headline: a.headline,
    deck: a.deck,
    section: a.section,
    body: a.body,
    storyType: a.storyType,
    bylines: a.bylines,
    sourceAttribution: a.sourceAttribution,
    tags: a.tags,
    summary: a.summary,
    slug: a.slug,
    embargoAt: a.embargoAt,
    deskNote: a.deskNote,
    leadPhoto: a.leadPhoto,
    dateline: a.dateline,
  };
}
