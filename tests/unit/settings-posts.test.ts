import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import { SettingsService } from '../../electron/services/settings';
import { DEFAULT_SETTINGS, SettingsPatch, type Settings } from '../../shared/settings';
import { DEFAULT_POST_SETTINGS } from '../../shared/settings-posts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(file: object): { service: SettingsService; dir: string; warning?: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-settings-posts-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(file));
  const { conf, warning } = openSettingsConf(dir, () => new Conf<Settings>(settingsStoreOptions(dir)));
  return { service: new SettingsService(confSettingsStore(conf)), dir, warning };
}

describe('the posts settings in a settings file', () => {
  it('a file written before the key existed reads as it was, with the default post rules', async () => {
    const { posts: _posts, ...older } = { ...DEFAULT_SETTINGS, locale: 'en' as const, newsroom: { ...DEFAULT_SETTINGS.newsroom, agencyCredit: '뉴스통신' } };
    const { service, warning } = open(older);
    expect(warning).toBeUndefined();
    const s = await service.get();
    expect(s.posts).toEqual(DEFAULT_POST_SETTINGS);
    expect(s.locale).toBe('en');
    expect(s.newsroom.agencyCredit).toBe('뉴스통신');
  });

  it('a change of rule is kept; an unknown rule is refused by the patch', async () => {
    const { service, dir } = open(DEFAULT_SETTINGS);
    await service.set({ posts: { slugRule: 'story-number', bylineInContent: true } });
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')).posts).toEqual({ slugRule: 'story-number', bylineInContent: true });
    expect(SettingsPatch.safeParse({ posts: { slugRule: 'headline', bylineInContent: false } }).success).toBe(false);
    expect(SettingsPatch.safeParse({ posts: { slugRule: 'date-words' } }).success).toBe(false);
  });
});
