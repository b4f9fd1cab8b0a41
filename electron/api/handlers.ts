import type { CallContext } from '../../shared/call-context';
import type { Method, Output, ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { BackupStore } from '../db/backup';
import type { AccountAdmin } from '../server/account-admin';
import type { ArticleService } from '../services/articles';
import type { ImportService } from '../services/import';
import type { MediaService } from '../services/media';
import type { Outbox } from '../services/outbox';
import type { ProfileService } from '../services/profiles';
import type { PublishService } from '../services/publish';
import type { PublishBatches } from '../services/publish-batch';
import type { SearchService } from '../services/search';
import type { SettingsService } from '../services/settings';
import type { StorageSettingsService } from '../services/storage-settings';
import type { WorkflowService } from '../services/workflow';

export interface Services {
  articles: ArticleService;
  /** Only on a shared database: saves that wait on this computer while the server is away. */
  outbox?: Outbox;
  search: SearchService;
  backups: BackupStore;
  settings: SettingsService;
  storageSettings: StorageSettingsService;
  media: MediaService;
  workflow: WorkflowService;
  profiles: ProfileService;
  imports: ImportService;
  publish: PublishService;
  publishBatches: PublishBatches;
  /** Only behind the newsroom server: a single workstation signs nobody in, so it has no accounts. */
  accounts?: AccountAdmin;
}

export type Handlers = { [M in Method]: (input: ParsedInput<M>, context: CallContext) => Promise<Output<M>> | Output<M> };

function accountsOf(s: Services): AccountAdmin {
  if (!s.accounts) throw new AppError('NOT_FOUND', '사용자 관리는 뉴스룸 서버(npm run server)에만 있습니다. 이 작업대는 로그인 없이 쓰는 한 사람 모드입니다.');
  return s.accounts;
}

/** Which service answers each contract method. Input is already validated when a handler runs. */
export function createHandlers(s: Services): Handlers {
  return {
    // With a profile, a new story is theirs and signed by them (the workflow's business).
    'articles.create': (input) => s.workflow.createArticle(input),
    'articles.get': (input) => s.articles.get(input.id),
    'articles.list': (input) => s.articles.list(input),
    'articles.save': (input) => s.articles.save(input),
    'articles.archive': (input) => s.articles.archive(input),
    'outbox.save': async (input) => (s.outbox ? s.outbox.save(input) : { stored: 'server', article: await s.articles.save(input) }),
    'outbox.status': () => s.outbox?.status() ?? { connection: 'online', pending: 0, pendingArticles: [], conflicts: [] },
    'outbox.resolve': (input) => {
      if (!s.outbox) throw new AppError('NOT_FOUND', '이 컴퓨터에는 연결이 끊긴 동안 보관한 글이 없습니다.');
      return s.outbox.resolve(input);
    },
    'articles.revisions': (input) => s.articles.revisions(input.id),
    'articles.revision': (input) => s.articles.revision(input.id, input.version),
    'search.query': (input) => s.search.search(input),
    'backup.list': () => s.backups.list(),
    'backup.create': () => s.backups.create(),
    'backup.restore': (input) => s.backups.restore(input.name),
    'settings.get': () => s.settings.get(),
    'settings.set': (input) => s.settings.set(input),
    'storage.get': () => s.storageSettings.get(),
    'storage.save': (input) => s.storageSettings.save(input),
    'storage.test': (input) => s.storageSettings.test(input),
    'media.import': (input) => s.media.import(input),
    'media.get': (input) => s.media.get(input.id),
    'media.search': (input) => s.media.search(input),
    'media.update': (input) => s.media.update(input),
    'media.usage': (input) => s.media.usage(input.id),
    'profiles.list': () => s.profiles.list(),
    'profiles.create': (input) => s.profiles.create(input),
    'profiles.update': (input) => s.profiles.update(input),
    'workflow.status': (input) => s.workflow.status(input.id, input.actorId),
    'workflow.submit': (input) => s.workflow.submit(input),
    'workflow.startReview': (input) => s.workflow.startReview(input),
    'workflow.approve': (input) => s.workflow.approve(input),
    'workflow.return': (input) => s.workflow.return(input),
    'workflow.reopen': (input) => s.workflow.reopen(input),
    'workflow.correct': (input) => s.workflow.correct(input),
    'workflow.withdraw': (input) => s.workflow.withdraw(input),
    'workflow.takeLock': (input) => s.workflow.takeLock(input),
    'workflow.setPriority': (input) => s.workflow.setPriority(input),
    'workflow.queue': (input) => s.workflow.queue(input),
    'workflow.counts': (input) => s.workflow.counts(input),
    'workflow.history': (input) => s.workflow.history(input.id),
    'workflow.comments': (input) => s.workflow.comments(input.id),
    'workflow.comment': (input) => s.workflow.comment(input),
    'workflow.resolveComment': (input) => s.workflow.resolveComment(input),
    'import.document': (input) => s.imports.importDocument(input),
    'import.get': (input) => s.imports.get(input.articleId),
    'import.confirm': (input) => s.imports.confirm(input),
    'publish.targets': () => s.publish.targets(),
    'publish.saveTarget': (input) => s.publish.saveTarget(input),
    'publish.testTarget': (input) => s.publish.testTarget(input.targetId),
    'publish.run': (input) => s.publish.run(input),
    'publish.takedown': (input) => s.publish.takedown(input),
    'publish.log': (input) => s.publish.log(input.articleId),
    'publish.batch': (input) => s.publishBatches.start(input),
    'publish.cancel': (input) => s.publishBatches.cancel(input.batchId),
    'publish.batches': () => s.publishBatches.running(),
    'accounts.list': (_input, context) => accountsOf(s).list(context),
    'accounts.create': (input, context) => accountsOf(s).create(context, input),
    'accounts.update': (input, context) => accountsOf(s).update(context, input),
    'accounts.setDisabled': (input, context) => accountsOf(s).setDisabled(context, input),
    'accounts.resetPassword': (input, context) => accountsOf(s).resetPassword(context, input),
  };
}
