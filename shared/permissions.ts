import type { Method } from './contract';
import type { Role } from './profiles';

/**
 * What a signed-in person may ask of the newsroom: one permission per contract method (METHOD_PERMISSION),
 * and one table of which roles hold which (ROLE_PERMISSIONS). The server checks `may` before a method
 * runs; relations finer than a role (the story's owner, the desk's sections, the lock) stay with the
 * workflow's state machine (shared/workflow.ts), which runs after.
 *
 * - read: see stories, photos, queues, history, search, the publish log; targets without their secrets.
 * - write: draft and edit (the workflow's edit rules decide which story), photos, imports, comments, the outbox.
 * - move: workflow moves; which role may make which move is the state machine's table.
 * - desk: take a review lock, set a story's priority.
 * - publish: send approved stories to a target, take them down, batches.
 * - admin: publish targets and their secrets, storage, backups, newsroom settings, accounts.
 */
export const PERMISSIONS = ['read', 'write', 'move', 'desk', 'publish', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** 관리자 is a flag on any account, not a role: a 기자 can run the newsroom's settings without approving stories. */
export interface Holder {
  role: Role;
  admin: boolean;
  disabled?: boolean;
}

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reporter: ['read', 'write', 'move'],
  desk: ['read', 'write', 'move', 'desk', 'publish'],
  chief: ['read', 'write', 'move', 'desk', 'publish', 'admin'],
};

/** A Record over every method, so a method added to the contract without a permission does not compile. */
export const METHOD_PERMISSION: Record<Method, Permission> = {
  'articles.create': 'write',
  'articles.get': 'read',
  'articles.list': 'read',
  'articles.save': 'write',
  'articles.archive': 'write',
  'articles.revisions': 'read',
  'articles.revision': 'read',
  'search.query': 'read',
  'backup.list': 'admin',
  'backup.create': 'admin',
  'backup.restore': 'admin',
  'settings.get': 'read',
  'settings.set': 'admin',
  'media.import': 'write',
  'media.get': 'read',
  'media.search': 'read',
  'media.update': 'write',
  'media.usage': 'read',
  'profiles.list': 'read',
  'profiles.create': 'admin',
  'profiles.update': 'admin',
  'workflow.status': 'read',
  'workflow.submit': 'move',
  'workflow.startReview': 'move',
  'workflow.approve': 'move',
  'workflow.return': 'move',
  'workflow.reopen': 'move',
  'workflow.correct': 'move',
  'workflow.withdraw': 'move',
  'workflow.takeLock': 'desk',
  'workflow.setPriority': 'desk',
  'workflow.queue': 'read',
  'workflow.counts': 'read',
  'workflow.history': 'read',
  'workflow.comments': 'read',
  'workflow.comment': 'write',
  'workflow.resolveComment': 'write',
  // Replying and reopening follow the rule for commenting (workflow-comments.ts): the reporter, the section's desk, the chief.
  'workflow.reply': 'write',
  'workflow.reopenComment': 'write',
  'import.document': 'write',
  'import.get': 'read',
  'import.confirm': 'write',
  'publish.targets': 'read',
  'publish.saveTarget': 'admin',
  'publish.testTarget': 'admin',
  'publish.checkTarget': 'admin',
  'publish.run': 'publish',
  'publish.takedown': 'publish',
  'publish.log': 'read',
  'publish.batch': 'publish',
  'publish.cancel': 'publish',
  'publish.batches': 'read',
  'storage.get': 'admin',
  'newsroom.connection': 'admin',
  'newsroom.inspect': 'admin',
  'newsroom.connect': 'admin',
  'newsroom.disconnect': 'admin',
  'storage.save': 'admin',
  'storage.test': 'admin',
  'outbox.save': 'write',
  'outbox.status': 'read',
  'outbox.resolve': 'write',
  'accounts.list': 'admin',
  'accounts.create': 'admin',
  'accounts.update': 'admin',
  'accounts.setDisabled': 'admin',
  'accounts.resetPassword': 'admin',
  'duplicates.check': 'read',
  // The state machine and shared/trash.ts then decide whose story: its reporter, or whoever may edit it.
  'workflow.recall': 'move',
  'trash.discard': 'write',
  'trash.restore': 'write',
  'trash.list': 'read',
  'articles.copy': 'write',
  // Always the caller's own inbox (the actor from the session), so reading it is all anyone needs.
  'notifications.list': 'read',
  'notifications.unreadCount': 'read',
  'notifications.read': 'read',
  // 뉴스룸 사전: any writer adds a word; a removal un-teaches everyone, so it is the desk's.
  'spelling.words': 'read',
  'spelling.addWord': 'write',
  'spelling.removeWord': 'desk',
  'spelling.vocabulary': 'read',
};

export function holds(who: Holder, permission: Permission): boolean {
  if (who.disabled) return false;
  return ROLE_PERMISSIONS[who.role].includes(permission) || (permission === 'admin' && who.admin);
}

/** May `who` call `method` at all? The services then check what the method does to which story. */
export function may(who: Holder, method: Method): boolean {
  return holds(who, METHOD_PERMISSION[method]);
}
