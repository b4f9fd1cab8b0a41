import type { koTrash } from './strings-ko-trash';

/** The recall, trash and copy words in English, with the same keys as strings-ko-trash.ts. */
export const enTrash: Record<keyof typeof koTrash, string> = {
  queue_trash: 'Trash',
  action_recall: 'Filing recalled',
  action_discard: 'Moved to trash',
  action_restore: 'Restored from trash',
  trash_recall: 'Recall filing',
  trash_discard: 'Move to trash',
  trash_discardConfirm: 'Move this story to the trash? It can be restored for 30 days, then it is deleted for good.',
  trash_restore: 'Restore',
  copy_make: 'Make a copy',
  trash_inTrash: 'This story is in the trash.',
  trash_discardedBy: 'Discarded by',
  trash_purgeAt: 'Deleted for good on',
  trash_empty: 'The trash is empty.',
  trash_help: 'Discarded stories stay here for 30 days, then are deleted for good. A story that was ever published cannot be discarded (withdraw it).',
  trash_more: '{n} more.',
};
