import path from 'node:path';
import { ownerOnlyDir } from '../db/owner-only';
import { secureDataDir } from './secure-data-dir';
import { createDispatch, type Dispatch } from '../api/dispatch';
import { EventBus } from '../api/event-bus';
import { openStorage, type StorageChoice } from './open-storage';
import { storageSettingsFile, type StorageSettingsStore } from './storage-settings-file';
import type { StorageSource } from '../../shared/contract-storage';
import { AppError } from '../../shared/errors';
import { probePostgres } from '../db/postgres/probe';
import { StorageSettingsService } from '../services/storage-settings';
import { relayPgChanges } from './pg-change-relay';
import type { PgListener } from '../db/postgres/notify';
import { createHandlers } from '../api/handlers';
import { ArticleRepository } from '../db/articles-repo';
import { BackupStore } from '../db/backup';
import { MediaBackupPool } from '../media/backup-pool';
import type { Database } from '../db/database';
import type { AccountAdmin } from '../server/account-admin';
import { ImportRepository } from '../db/import-repo';
import { MediaRepository } from '../db/media-repo';
import { OutboxRepository } from '../db/outbox-repo';
import { ProfileRepository } from '../db/profiles-repo';
import { PublishRepository } from '../db/publish-repo';
import { SearchRepository } from '../db/search/search-repo';
import { DuplicatesRepository } from '../db/duplicates/duplicates-repo';
import { DuplicateService } from '../services/duplicates';
import { DatabaseWorkflowStore } from '../db/workflow-repo';
import { MediaFileStore } from '../media/file-store';
import type { Materialise } from '../media/rendition-route';
import { SharedMediaStore } from '../media/shared-media-store';
import { FileKeySecretStore, type SecretStore } from './secret-store';
import type { GhostOptions } from '../publish/ghost-client';
import type { WordPressOptions } from '../publish/wordpress';
import { ArticleService } from '../services/articles';
import { ImportService } from '../services/import';
import { MediaService } from '../services/media';
import { Outbox } from '../services/outbox';
import { ProfileService } from '../services/profiles';
import { PublishService } from '../services/publish';
import { PublishBatches } from '../services/publish-batch';
import { SearchService } from '../services/search';
import { SettingsService, type SettingsStore } from '../services/settings';
import { WorkflowService } from '../services/workflow';
import { ArticleCopies } from '../services/article-copy';
import { TrashService } from '../services/trash';
import { TrashRepository } from '../db/trash-repo';
import { NotificationsRepository } from '../db/notifications-repo';
import { NotificationService } from '../services/notifications';
import { SpellingWordsRepository } from '../db/spelling/spelling-words-repo';
import { SpellingWordsService } from '../services/spelling-words';
import { learnVocabulary } from '../../shared/spelling/archive-vocabulary';
import { purgeEvery, TRASH_PURGE_MS } from './trash-purge';
import { NewsroomConnectionService } from '../services/newsroom-connection';
import { newsroomFile } from '../remote/newsroom-file';

export { DATABASE_FILE_NAME } from './open-storage';
/** Photo files, content-addressed: <data>/media/<sha256>/ (see electron/media/file-store.ts). */
export const MEDIA_DIR_NAME = 'media';

export interface Backend {
  dispatch: Dispatch;
  /** Changes and progress for every open window: IPC and web mode's event stream listen here. */
  events: EventBus;
  db: Database;
  settings: SettingsService;
  /** Where renditions are served from: web mode's /media/ route and the app:// protocol read here. */
  mediaDir: string;
  /** On a shared newsroom database, fetches a photo another workstation imported into mediaDir first. */
  materialise?: Materialise;
  /** The 알림 inbox; comment threads hand it their @mentions (`mentioned`). */
  notifications: NotificationService;
  close(): Promise<void>;
}

/**
 * Wires storage and services for any host (Electron, web mode, tests, batch jobs). The host brings its
 * own preferences store, since only the Electron glue may construct electron-store.
 */
/** The application password's key under plain Node (web mode, tests, batch jobs): <data>/secret.key, mode 0600. */
export const SECRET_KEY_FILE_NAME = 'secret.key';
/** HTML bundles: <data>/exports/<target folder>/<story id>/. */
export const EXPORTS_DIR_NAME = 'exports';

/** How long a start waits for the shared database's change listener before serving windows anyway. */
const LISTENER_WAIT_MS = 5_000;

/**
 * A workstation serves its windows only once it hears the newsroom's changes: a story filed in the
 * first moments would otherwise never reach its queues. A listener that takes longer does not hold the
 * start up; when it connects, the windows are told to read everything again.
 */
async function untilListening(relay: PgListener, events: EventBus): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const heard = await Promise.race([
    relay.ready.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), LISTENER_WAIT_MS);
      timer.unref?.();
    }),
  ]);
  clearTimeout(timer);
  if (heard) return;
  console.warn("[byline] the shared database's change listener is not connected yet; queues catch up when it is");
  void relay.ready.then(() => events.emit('stories.resync', { reason: 'reconnected' }));
}

/** A start that fails after the storage opened closes it on the way out: no pool is left holding connections. */
function closing(db: Database): (err: unknown) => Promise<never> {
  return async (err) => {
    await db.close().catch(() => undefined);
    throw err;
  };
}

export async function startBackend(options: {
  dataDir: string;
  /** A store of the host's own, or one opened on the storage (the newsroom server's, in its database). */
  settingsStore: SettingsStore | ((db: Database) => Promise<SettingsStore>);
  secrets?: SecretStore;
  wordpress?: WordPressOptions;
  ghost?: GhostOptions;
  /** This machine's SQLite file unless the host names the newsroom's PostgreSQL. */
  storage?: StorageChoice;
  /** Why `storage` was chosen (see chooseStorage); a storage named without a reason came from outside the settings. */
  storageSource?: StorageSource;
  /** The saved storage choice; <data>/storage.json unless the host brings its own. */
  storageSettings?: StorageSettingsStore;
  /** The newsroom server's 사용자 관리 (electron/server/cli.ts); only on PostgreSQL, never for a single workstation. */
  accounts?: (db: Database) => AccountAdmin;
  /** A workstation (the default) may join a newsroom server; the newsroom server joins nothing. */
  host?: 'workstation' | 'newsroom-server';
  /** The clock the 휴지통's purge reads (tests move it 30 days on). */
  now?: () => Date;
}): Promise<Backend> {
  secureDataDir(options.dataDir, [SECRET_KEY_FILE_NAME, MEDIA_DIR_NAME, EXPORTS_DIR_NAME]);
  const storage = options.storage ?? { engine: 'sqlite' };
  const { db } = await openStorage(storage, options.dataDir);
  let settingsStore = options.settingsStore;
  if (typeof settingsStore === 'function') settingsStore = await settingsStore(db).catch(closing(db));
  const settings = new SettingsService(settingsStore);
  const secrets = options.secrets ?? new FileKeySecretStore(path.join(options.dataDir, SECRET_KEY_FILE_NAME));
  const storageSettings = new StorageSettingsService({
    store: options.storageSettings ?? storageSettingsFile(options.dataDir),
    secrets,
    running: { choice: storage, source: options.storageSource ?? (options.storage ? 'env' : 'default') },
    probe: probePostgres,
  });
  const workflowStore = new DatabaseWorkflowStore(db);
  const articleRepo = new ArticleRepository(db);
  const articles: ArticleService = new ArticleService({
    repo: articleRepo,
    defaultSection: async () => (await settings.get()).defaultSection,
    defaultDateline: async () => (await settings.get()).newsroom.defaultDateline ?? '',
    // Saves obey the workflow's edit rules, checked inside the save's own transaction.
    editGuard: (actorId, write) => (tx, id) => workflow.checkEdit(workflowStore.within(tx), id, actorId, write),
    ownerWriter: (ownerId) => (tx, id) => workflowStore.within(tx).updateWorkflow(id, { ownerId }),
  });
  const events = new EventBus();
  const notifications = new NotificationService({
    repo: new NotificationsRepository(db),
    // On PostgreSQL the table's trigger tells every workstation, this one included (pg-change-relay.ts).
    announce: storage.engine === 'postgres' ? undefined : (recipientId) => events.emit('notification.added', { recipientId }),
  });
  const workflow: WorkflowService = new WorkflowService({
    store: workflowStore,
    articles,
    houseStyle: async () => (await settings.get()).houseStyle,
    notices: notifications,
  });
  const copies = new ArticleCopies({ articles, workflow });
  const profiles = new ProfileService(new ProfileRepository(db));
  const mediaDir = path.join(options.dataDir, MEDIA_DIR_NAME);
  ownerOnlyDir(mediaDir);
  const media = new MediaService({
    repo: new MediaRepository(db),
    files: new MediaFileStore(mediaDir),
    keepGpsOnExport: async () => (await settings.get()).media.keepGpsOnExport,
    // A shared newsroom keeps originals on the server (see shared-media-store.ts); this folder is a cache.
    ...(db.engine === 'postgres' ? { shared: new SharedMediaStore(db) } : {}),
  });
  // Leftovers of a crash mid-import cost only disk space: a failed sweep is logged, never a reason not to start.
  const imports = new ImportService({
    repo: new ImportRepository(db, articleRepo),
    media,
    articles,
    profile: (id) => workflowStore.read.profile(id),
    workflow,
    defaultSection: async () => (await settings.get()).defaultSection,
    defaultDateline: async () => (await settings.get()).newsroom.defaultDateline ?? '',
    itemsAs: async () => (await settings.get()).newsroom.pressReleaseItems ?? 'list',
  });
  const publish = new PublishService({
    repo: new PublishRepository(db),
    articles,
    media,
    workflow,
    profile: (id) => workflowStore.read.profile(id),
    materialise: db.engine === 'postgres' ? (id) => media.materialise(id) : undefined,
    settings: () => settings.get(),
    secrets,
    exportsDir: path.join(options.dataDir, EXPORTS_DIR_NAME),
    mediaDir,
    wordpress: options.wordpress,
    ghost: options.ghost,
  });
  const publishBatches = new PublishBatches({
    run: (input) => publish.run(input),
    headline: async (id) => (await articles.get(id)).headline,
    check: ({ targetId, actorId }) => publish.checkBatch(targetId, actorId),
    events,
  });
  // On a shared PostgreSQL the database announces every change (this workstation's too); on SQLite this
  // process is the only writer, and dispatch announces what it stored.
  // A shared database can go away mid-sentence; this machine's own file cannot, so only then is there an outbox.
  const outbox =
    db.engine === 'postgres'
      ? new Outbox({
          store: await OutboxRepository.open(options.dataDir),
          save: (input) => articles.save(input),
          get: (id) => articles.get(id),
          createCopy: async (fields, actorId) => {
            const copy = await workflow.createArticle({ headline: fields.headline, section: fields.section, ...(actorId ? { actorId } : {}) });
            return articles.save({ id: copy.id, baseVersion: copy.version, fields, ...(actorId ? { actorId } : {}) });
          },
          mayEdit: async (id, actorId) => {
            try {
              return (await workflow.status(id, actorId)).editable;
            } catch (err) {
              // A story since deleted is nobody's to edit: only the text's own author may still settle it.
              if (err instanceof AppError && err.code === 'NOT_FOUND') return false;
              throw err;
            }
          },
          probe: async () => {
            await db.get('SELECT 1');
          },
          announce: (status) => events.emit('outbox.changed', status),
          log: (message, err) => console.warn(message, err instanceof Error ? err.message : err),
        })
      : undefined;
  const relay =
    storage.engine === 'postgres'
      ? relayPgChanges(events, { url: storage.url, schema: storage.schema, onStatus: (status) => status === 'connected' && outbox?.nudge() })
      : undefined;
  if (relay) await untilListening(relay, events);
  const trash = new TrashService({
    db,
    repo: new TrashRepository(db),
    store: workflowStore,
    articles,
    now: options.now,
    announce: relay ? undefined : (articleId) => events.emit('article.changed', { articleId, cause: 'trash.purge' }),
    log: (message, err) => console.warn(message, err instanceof Error ? err.message : err),
  });
  const stopPurging = await purgeEvery(trash, TRASH_PURGE_MS, (err) => console.warn('[byline] 휴지통 비우기 실패', err));
  await outbox?.start();
  await media.sweep().catch((err: unknown) => console.warn('[byline] media sweep failed', err));
  const backups = new BackupStore(
    db,
    path.join(options.dataDir, 'backups'),
    undefined,
    new MediaBackupPool(mediaDir, path.join(options.dataDir, 'backups', 'media')),
  );
  backups.sweep();
  return {
    dispatch: createDispatch(
      createHandlers({
        articles,
        outbox,
        settings,
        storageSettings,
        media,
        workflow,
        trash,
        copies,
        profiles,
        imports,
        publish,
        publishBatches,
        search: new SearchService(new SearchRepository(db)),
        duplicates: new DuplicateService(new DuplicatesRepository(db)),
        notifications,
        spellingWords: new SpellingWordsService({
          repo: new SpellingWordsRepository(db),
          events,
          learn: learnVocabulary,
          ...(options.now ? { now: options.now } : {}),
        }),
        backups,
        accounts: db.engine === 'postgres' ? options.accounts?.(db) : undefined,
        newsroom: options.host === 'newsroom-server' ? undefined : new NewsroomConnectionService({ file: newsroomFile(options.dataDir) }),
      }),
      undefined,
      relay ? undefined : events,
    ),
    events,
    db,
    settings,
    mediaDir,
    notifications,
    materialise: db.engine === 'postgres' ? (id: string) => media.materialise(id) : undefined,
    close: async () => {
      await stopPurging();
      await relay?.stop();
      await outbox?.close();
      await db.close();
    },
  };
}
