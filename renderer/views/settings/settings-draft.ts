import type { Settings, SettingsPatch } from '../../../shared/settings';
import { portalRowsFor } from './PortalCategoriesTable';
import type { SettingsPageId } from './settings-pages';

/*
 * The settings part of 환경설정's one draft, as the pages edit it (sections as typed, one per line), and
 * the patch 저장 sends from it. The same function turns the saved settings into the baseline, so what
 * counts as changed is exactly what would be sent differently.
 */

export interface SettingsDraft {
  name: string;
  email: string;
  sections: string;
  defaultSection: string;
  locale: Settings['locale'];
  newsroom: Settings['newsroom'];
  keepGps: boolean;
  portalRows: Settings['portal']['categories'];
  houseStyle: Settings['houseStyle'];
  posts: Settings['posts'];
  publishDefaults: Settings['publishDefaults'];
}

export function draftOf(s: Settings): SettingsDraft {
  return {
    name: s.identity.name,
    email: s.identity.email,
    sections: s.sections.join('\n'),
    defaultSection: s.defaultSection,
    locale: s.locale,
    newsroom: s.newsroom,
    keepGps: s.media.keepGpsOnExport,
    portalRows: s.portal.categories,
    houseStyle: s.houseStyle,
    posts: s.posts,
    publishDefaults: s.publishDefaults,
  };
}

export function sectionList(d: SettingsDraft): string[] {
  return d.sections
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function patchOf(d: SettingsDraft): SettingsPatch {
  const sections = sectionList(d);
  return {
    identity: { name: d.name.trim(), email: d.email.trim() },
    sections,
    defaultSection: d.defaultSection,
    locale: d.locale,
    newsroom: d.newsroom,
    media: { keepGpsOnExport: d.keepGps },
    portal: { categories: portalRowsFor(sections, d.portalRows) },
    houseStyle: d.houseStyle,
    posts: d.posts,
    publishDefaults: d.publishDefaults,
  };
}

const PAGE_KEYS: Partial<Record<SettingsPageId, ReadonlyArray<keyof SettingsPatch>>> = {
  newsroom: ['identity', 'locale', 'newsroom'],
  sections: ['sections', 'defaultSection', 'portal'],
  style: ['houseStyle'],
  targets: ['posts', 'publishDefaults'],
  photo: ['media'],
};

/** The pages whose part of the patch differs from the saved settings. */
export function changedPages(draft: SettingsDraft, saved: Settings): Set<SettingsPageId> {
  const now = patchOf(draft);
  const before = patchOf(draftOf(saved));
  const out = new Set<SettingsPageId>();
  for (const [page, keys] of Object.entries(PAGE_KEYS) as Array<[SettingsPageId, Array<keyof SettingsPatch>]>)
    if (keys.some((k) => JSON.stringify(now[k]) !== JSON.stringify(before[k]))) out.add(page);
  return out;
}
