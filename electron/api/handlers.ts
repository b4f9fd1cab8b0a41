import type { CallContext } from '../../shared/call-context';
import type { Method, Output, ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { BackupStore } from '../db/backup';
import type { AccountAdmin } from '../server/account-admin';
import type { ArticleCopies } from '../services/article-copy';
import type { ArticleService } from '../services/articles';
import type { DuplicateService } from '../services/duplicates';
import type { ImportService } from '../services/import';
import type { MediaService } from '../services/media';
import type { NotificationService } from '../services/notifications';
import type { Outbox } from '../services/outbox';
import type { ProfileService } from '../services/profiles';
import type { PublishService } from '../services/publish';
import type { PublishBatches } from '../services/publish-batch';
import type { SearchService } from '../services/search';
import type { SettingsService } from '../services/settings';
import type { SpellingWordsService } from '../services/spelling-words';
import type { StorageSettingsService } from '../services/storage-settings';
import type { NewsroomConnectionService } from '../services/newsroom-connection';
import type { TrashService } from '../services/trash';
import type { WorkflowService } from '../services/workflow';

export interface Services {
  articles: ArticleService;
  /** Only on a shared database: saves that wait on this computer while the server is away. */
  outbox?: Outbox;
  search: SearchService;
  backups: BackupStore;
  settings: SettingsService;
  storageSettings: StorageSettingsService;
  /** Only on a workstation: which newsroom server it joins (the server itself has none to join). */
  newsroom?: NewsroomConnectionService;
  media: MediaService;
  workflow: WorkflowService;
  trash: TrashService;
  copies: ArticleCopies;
  profiles: ProfileService;
  imports: ImportService;
  publish: PublishService;
  publishBatches: PublishBatches;
  duplicates: DuplicateService;
  notifications: NotificationService;
  spellingWords: SpellingWordsService;
  /** Only behind the newsroom server: a single workstation signs nobody in, so it has no accounts. */
  accounts?: AccountAdmin;
}

export type Handlers = { [M in Method]: (input: ParsedInput<M>, context: CallContext) => Promise<Output<M>> | Output<M> };

/** The caller's profile for a service that may act without one (a story nobody owns yet, every queue). */
function acting(context: CallContext): { actorId?: string } {
  return context.actorId === undefined ? {} : { actorId: context.actorId };
}

/** The caller's profile for a service that needs one: a workflow move, a comment, a publication. */
function actor(context: CallContext): string {
  if (context.actorId === undefined) throw new AppError('VALIDATION', '누가 하는 작업인지 알 수 없습니다. 먼저 프로필을 고르세요.');
  return context.actorId;
}

function newsroomOf(s: Services): NewsroomConnectionService {
  if (!s.newsroom) throw new AppError('NOT_FOUND', '뉴스룸 서버 연결은 각 워크스테이션의 환경설정입니다. 뉴스룸 서버 자체에는 없습니다.');
  return s.newsroom;
}

function accountsOf(s: Services): AccountAdmin {
  if (!s.accounts) throw new AppError('NOT_FOUND', '사용자 관리는 뉴스룸 서버(npm run server)에만 있습니다. 이 작업대는 로그인 없이 쓰는 한 사람 모드입니다.');
  return s.accounts;
}

/** Which service answers each contract method. Input is already validated when a handler runs. */
export function createHandlers(s: Services): Handlers {
  return {
    // With a profile, a new story is theirs and signed by them (the workflow's business).
    'articles.create': (input, c) => s.workflow.createArticle({ ...input, ...acting(c) }),
    'articles.get': (input) => s.articles.get(input.id),
    'articles.list': (input) => s.articles.list(input),
    'articles.save': (input, c) => s.articles.save({ ...input, ...acting(c) }),
    'articles.archive': (input, c) => s.articles.archive({ ...input, ...acting(c) }),
    'outbox.save': async (input, c) => {
      const save = { ...input, ...acting(c) };
      return s.outbox ? s.outbox.save(save) : { stored: 'server', article: await s.articles.save(save) };
    },
    'outbox.status': () => s.outbox?.status() ?? { connection: 'online', pending: 0, pendingArticles: [], conflicts: [] },
    'outbox.resolve': (input, c) => {
      if (!s.outbox) throw new AppError('NOT_FOUND', '이 컴퓨터에는 연결이 끊긴 동안 보관한 글이 없습니다.');
      return s.outbox.resolve({ ...input, ...acting(c) });
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
    'newsroom.connection': () => newsroomOf(s).get(),
    'newsroom.inspect': (input) => newsroomOf(s).inspect(input.origin),
    'newsroom.connect': (input) => newsroomOf(s).connect(input),
    'newsroom.disconnect': () => newsroomOf(s).disconnect(),
    'media.import': (input) => s.media.import(input),
    'media.get': (input) => s.media.get(input.id),
    'media.search': (input) => s.media.search(input),
    'media.update': (input) => s.media.update(input),
    'media.usage': (input) => s.media.usage(input.id),
    'profiles.list': () => s.profiles.list(),
    'profiles.create': (input) => s.profiles.create(input),
    'profiles.update': (input) => s.profiles.update(input),
    'workflow.status': (input, c) => s.workflow.status(input.id, c.actorId),
    'workflow.submit': (input, c) => s.workflow.submit({ ...input, actorId: actor(c) }),
    'workflow.startReview': (input, c) => s.workflow.startReview({ ...input, actorId: actor(c) }),
    'workflow.approve': (input, c) => s.workflow.approve({ ...input, actorId: actor(c) }),
    'workflow.return': (input, c) => s.workflow.return({ ...input, actorId: actor(c) }),
    'workflow.reopen': (input, c) => s.workflow.reopen({ ...input, actorId: actor(c) }),
    'workflow.correct': (input, c) => s.workflow.correct({ ...input, actorId: actor(c) }),
    'workflow.withdraw': (input, c) => s.workflow.withdraw({ ...input, actorId: actor(c) }),
    'workflow.takeLock': (input, c) => s.workflow.takeLock({ ...input, actorId: actor(c) }),
    'workflow.setPriority': (input, c) => s.workflow.setPriority({ ...input, actorId: actor(c) }),
    'workflow.queue': (input, c) => s.workflow.queue({ ...input, ...acting(c) }),
    'workflow.counts': (input, c) => s.workflow.counts({ ...input, ...acting(c) }),
    'workflow.history': (input) => s.workflow.history(input.id),
    'workflow.comments': (input) => s.workflow.comments(input.id),
    'workflow.comment': (input, c) => s.workflow.comment({ ...input, actorId: actor(c) }),
    'workflow.resolveComment': (input, c) => s.workflow.resolveComment({ ...input, actorId: actor(c) }),
    'workflow.reply': (input, c) => s.workflow.reply({ ...input, actorId: actor(c) }),
    'workflow.reopenComment': (input, c) => s.workflow.reopenComment({ ...input, actorId: actor(c) }),
    'import.document': (input, c) => s.imports.importDocument({ ...input, ...acting(c) }),
    'import.get': (input) => s.imports.get(input.articleId),
    'import.confirm': (input, c) => s.imports.confirm({ ...input, ...acting(c) }),
    'publish.targets': () => s.publish.targets(),
    'publish.saveTarget': (input) => s.publish.saveTarget(input),
    'publish.testTarget': (input) => s.publish.testTarget(input.targetId),
    'publish.checkTarget': (input) => s.publish.checkTarget(input),
    'publish.run': (input, c) => s.publish.run({ ...input, actorId: actor(c) }),
    'publish.takedown': (input, c) => s.publish.takedown({ ...input, actorId: actor(c) }),
    'publish.log': (input) => s.publish.log(input.articleId),
    'publish.batch': (input, c) => s.publishBatches.start({ ...input, actorId: actor(c) }),
    'publish.cancel': (input) => s.publishBatches.cancel(input.batchId),
    'publish.batches': () => s.publishBatches.running(),
    'accounts.list': (_input, context) => accountsOf(s).list(context),
    'accounts.create': (input, context) => accountsOf(s).create(context, input),
    'accounts.update': (input, context) => accountsOf(s).update(context, input),
    'accounts.setDisabled': (input, context) => accountsOf(s).setDisabled(context, input),
    'accounts.resetPassword': (input, context) => accountsOf(s).resetPassword(context, input),
    'duplicates.check': (input) => s.duplicates.check(input.articleId),
    'workflow.recall': (input, c) => s.workflow.recall({ ...input, actorId: actor(c) }),
    'trash.discard': (input, c) => s.trash.discard({ ...input, ...acting(c) }),
    'trash.restore': (input, c) => s.trash.restore({ ...input, ...acting(c) }),
    'trash.list': (input, c) => s.trash.list({ ...input, ...acting(c) }),
    'articles.copy': (input, c) => s.copies.copy({ ...input, ...acting(c) }),
    // The inbox is the caller's: the recipient is the context's actor, never a field of the input.
    'notifications.list': (input, c) => s.notifications.list(actor(c), input),
    'notifications.unreadCount': (_input, c) => s.notifications.unreadCount(actor(c)),
    'notifications.read': (input, c) => s.notifications.read(actor(c), input),
    'spelling.words': () => s.spellingWords.list(),
    'spelling.addWord': (input, c) => s.spellingWords.add({ ...input, ...acting(c) }),
    'spelling.removeWord': (input, c) => s.spellingWords.remove({ ...input, ...acting(c) }),
    'spelling.vocabulary': () => s.spellingWords.vocabulary(),
  };
}
