import type { koSettingsPages } from './strings-ko-settings-pages';

/** Settings as pages with one save, in English. */
export const enSettingsPages: Record<keyof typeof koSettingsPages, string> = {
  settingsPage_newsroom: 'Newsroom',
  settingsPage_sections: 'Sections',
  settingsPage_style: 'House style',
  settingsPage_targets: 'Publish targets',
  settingsPage_photo: 'Photos',
  settingsPage_storage: 'Storage',
  settingsPage_backup: 'Backup',
  settingsPages: 'Settings pages',
  settingsPageInvalid: 'needs fixing',
  settingsPageChanged: 'changed',
  settingsUnsaved: 'There are unsaved changes. Discard them and close?',
  settingsDiscard: 'Discard and close',
  settingsKeepEditing: 'Keep editing',
  settingsFixPages: 'The marked pages have fields to fix: {pages}',
  settingsCheckFailed: 'The connection test failed for: {names}. Fix them, or choose “Save anyway”.',
  settingsSaveAnyway: 'Save anyway',
  settingsChecking: 'Testing connections…',
  settingsTargetsPartly: 'Settings were saved. The publish target “{name}” was not: {problem} Your other edits are still here; fix and save again.',
  settingsOwnSave: 'Storage and backups apply to this computer at once and are saved with their own buttons.',
  targetNew: 'New publish target',
  targetDiscardEdit: 'Discard edits',
  targetNameMissing: 'Name the target.',
  newsroomIdentity: 'Author',
};
