import { fieldsOf, type Article } from '../../shared/article';
import type { ArticleService } from './articles';
import type { WorkflowService } from './workflow';

/** What a copy's headline starts with, so nobody mistakes it for the story it came from. */
export const COPY_PREFIX = '[사본] ';
const HEADLINE_MAX = 300;

/**
 * 사본 만들기: a new draft owned by the caller, signed by them, with the source's headline (prefixed),
 * deck, section, type, body and 대표 사진. Photos are referenced, not copied (a photo is stored once by
 * its hash); the source's versions, history, comments and publications stay with the source.
 */
export class ArticleCopies {
  constructor(private readonly deps: { articles: ArticleService; workflow: WorkflowService }) {}

  async copy(input: { id: string; actorId?: string }): Promise<Article> {
    const source = fieldsOf(await this.deps.articles.get(input.id));
    const actor = input.actorId === undefined ? {} : { actorId: input.actorId };
    const headline = `${COPY_PREFIX}${source.headline}`.slice(0, HEADLINE_MAX);
    const copy = await this.deps.workflow.createArticle({ headline, section: source.section, ...actor });
    const fields = {
      ...fieldsOf(copy),
      headline,
      deck: source.deck,
      section: source.section,
      storyType: source.storyType,
      body: source.body,
      leadPhoto: source.leadPhoto,
    };
    return this.deps.articles.save({ id: copy.id, baseVersion: copy.version, fields, ...actor });
  }
}
