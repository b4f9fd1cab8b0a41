import { z } from 'zod';
import { Article, ArticleId, ArticleState } from './article';
import { ArticleWorkflow } from './contract-workflow';
import { ProfileId, Role } from './profiles';

const IsoTime = z.iso.datetime();
const Person = z.object({ id: ProfileId, name: z.string(), role: Role });

/** One story in the 휴지통: who discarded it and when, and when the purge takes it. */
export const TrashItem = z.object({
  id: ArticleId,
  version: z.number().int().min(1),
  state: ArticleState,
  headline: z.string(),
  section: z.string(),
  owner: Person.nullable(),
  discardedAt: IsoTime,
  discardedBy: Person.nullable(),
  purgeAt: IsoTime,
  /** Whether the asking profile may restore it now. */
  restorable: z.boolean(),
});
export type TrashItem = z.infer<typeof TrashItem>;

/** 송고 취소, the 휴지통 (discard, list, restore) and 사본 만들기. */
export const trashMethods = {
  'workflow.recall': {
    input: z.strictObject({ id: ArticleId }),
    output: z.object({ article: Article, workflow: ArticleWorkflow }),
  },
  'trash.discard': {
    input: z.strictObject({ id: ArticleId }),
    output: TrashItem,
  },
  'trash.restore': {
    input: z.strictObject({ id: ArticleId }),
    output: Article,
  },
  'trash.list': {
    input: z.strictObject({
      limit: z.number().int().min(1).max(200).default(100),
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
    output: z.object({ items: z.array(TrashItem), total: z.number().int().min(0) }),
  },
  'articles.copy': {
    input: z.strictObject({ id: ArticleId }),
    output: Article,
  },
} as const;
