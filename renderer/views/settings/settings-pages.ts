import { SettingsPatch } from '../../../shared/settings';
import type { StringKey } from '../../i18n/strings';

/*
 * 환경설정's pages, which settings each one edits, and which pages the draft leaves wrong: the contract's
 * own schema judges the draft before anything is sent, so a page is marked by the same rule the backend
 * would refuse it with.
 */

export const PAGES = ['newsroom', 'sections', 'style', 'targets', 'photo', 'storage', 'backup'] as const;
export type SettingsPageId = (typeof PAGES)[number];

export const PAGE_LABEL: Record<SettingsPageId, StringKey> = {
  newsroom: 'settingsPage_newsroom',
  sections: 'settingsPage_sections',
  style: 'settingsPage_style',
  targets: 'settingsPage_targets',
  photo: 'settingsPage_photo',
  storage: 'settingsPage_storage',
  backup: 'settingsPage_backup',
};

/** The page that holds each top-level settings key; a key a later build adds falls to 뉴스룸 until it gets a page. */
const PAGE_OF: Partial<Record<keyof SettingsPatch, SettingsPageId>> = {
  identity: 'newsroom',
  locale: 'newsroom',
  newsroom: 'newsroom',
  sections: 'sections',
  defaultSection: 'sections',
  portal: 'sections',
  houseStyle: 'style',
  posts: 'targets',
  media: 'photo',
};

/** Each wrong field of the draft: its page, and the schema's words for it. */
export function draftProblems(patch: SettingsPatch): Array<{ page: SettingsPageId; path: string; message: string }> {
  const parsed = SettingsPatch.safeParse(patch);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    page: PAGE_OF[issue.path[0] as keyof SettingsPatch] ?? 'newsroom',
    path: issue.path.join('.'),
    message: issue.message,
  }));
}
