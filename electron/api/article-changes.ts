import type { Method, Output } from '../../shared/contract';
import type { ArticleChanged } from '../../shared/contract-events';

type Changed = Omit<ArticleChanged, 'cause'>;
type ChangeOf<M extends Method> = (output: Output<M>) => Changed | undefined;

const ofArticle = (a: { id: string; version: number }): Changed => ({ articleId: a.id, version: a.version });
const ofMove = (r: { article: { id: string; version: number } }): Changed => ofArticle(r.article);
const ofRecord = (r: { articleId: string; version: number }): Changed => ({ articleId: r.articleId, version: r.version });

/**
 * The methods whose success changes what a queue or an open story shows, and which story that was.
 * Announcing from here rather than from each service keeps one list to read: a new method that moves
 * stories is added here, and the contract's types say what its answer holds.
 */
const STORY_CHANGES: { [M in Method]?: ChangeOf<M> } = {
  'articles.create': ofArticle,
  'articles.save': ofArticle,
  'articles.archive': ofArticle,
  // A save kept on this computer changed nothing anyone else can see yet.
  'outbox.save': (r) => (r.stored === 'server' ? ofArticle(r.article) : undefined),
  'outbox.resolve': ofArticle,
  'workflow.submit': ofMove,
  'workflow.startReview': ofMove,
  'workflow.approve': ofMove,
  'workflow.return': ofMove,
  'workflow.reopen': ofMove,
  'workflow.correct': ofMove,
  'workflow.withdraw': ofMove,
  'workflow.recall': ofMove,
  'trash.discard': ofArticle,
  'trash.restore': ofArticle,
  'articles.copy': ofArticle,
  'workflow.takeLock': ofMove,
  'workflow.setPriority': ofRecord,
  'workflow.comment': ofRecord,
  'workflow.resolveComment': ofRecord,
  'workflow.reply': ofRecord,
  'workflow.reopenComment': ofRecord,
  'import.document': (r) => ofArticle(r.article),
  'publish.run': ofRecord,
  'publish.takedown': ofRecord,
};

/** The story a successful call changed, or undefined for a call that changes none. */
export function articleChangeOf(method: Method, output: unknown): ArticleChanged | undefined {
  const change = (STORY_CHANGES[method] as ((output: unknown) => Changed | undefined) | undefined)?.(output);
  return change ? { ...change, cause: method } : undefined;
}
