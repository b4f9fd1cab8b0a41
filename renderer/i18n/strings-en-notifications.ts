import type { koNotifications } from './strings-ko-notifications';

/** The notification words in English, with the same keys as strings-ko-notifications.ts. */
export const enNotifications: Record<keyof typeof koNotifications, string> = {
  notify_title: 'Notifications',
  notify_bell: '{n} unread notifications',
  notify_empty: 'No new notifications.',
  notify_readAll: 'Mark all read',
  notify_desktop: 'Desktop notifications',
  notify_desktopDenied: 'The browser blocked notifications. Allow them for this address in the browser settings.',
  notify_desktopUnsupported: 'Desktop notifications are not available here.',
  notify_more: 'Show older',
  notify_kind_returned: '{who} returned your story',
  notify_kind_approved: '{who} approved your story',
  notify_kind_published: '{who} published your story',
  notify_kind_corrected: '{who} is correcting your story',
  notify_kind_commented: '{who} commented on your story',
  notify_kind_mentioned: '{who} mentioned you in a comment',
  notify_kind_lock_taken: '{who} took over your review lock',
  notify_pickProfile: 'Pick a profile to see notifications.',
};
