import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import { SettingsService } from '../../electron/services/settings';
import { DEFAULT_SETTINGS, SettingsPatch, type Settings } from '../../shared/settings';
import { DEFAULT_PUBLISH_DEFAULTS, defaultTargetIds, withDefaultTarget } from '../../shared/settings-publish-defaults';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(file: object): { service: SettingsService; dir: string; warning?: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-settings-publish-defaults-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(file));
  const { conf, warning } = openSettingsConf(dir, () => new Conf<Settings>(settingsStoreOptions(dir)));
  return { service: new SettingsService(confSettingsStore(conf)), dir, warning };
}

describe('the default publish targets', () => {
  it('a settings file written before the key existed reads as it was, with no default target', async () => {
    const { publishDefaults: _d, ...older } = { ...DEFAULT_SETTINGS, newsroom: { ...DEFAULT_SETTINGS.newsroom, agencyCredit: '뉴스통신' } };
    const { service, warning } = open(older);
    expect(warning).toBeUndefined();
    const s = await service.get();
    expect(s.publishDefaults).toEqual(DEFAULT_PUBLISH_DEFAULTS);
    expect(s.newsroom.agencyCredit).toBe('뉴스통신');
  });

  it('a change is kept in the file; a bad id, a repeated id or an unknown key is refused by the patch', async () => {
    const { service, dir } = open(DEFAULT_SETTINGS);
    await service.set({ publishDefaults: { targetIds: [3, 1] } });
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')).publishDefaults).toEqual({ targetIds: [3, 1] });
    for (const bad of [{ targetIds: [0] }, { targetIds: [1.5] }, { targetIds: ['1'] }, { targetIds: [2, 2] }, { targetIds: [1], extra: true }, {}]) {
      expect(SettingsPatch.safeParse({ publishDefaults: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('lists the defaults that still exist in the targets’ order, and toggles one without repeating it', () => {
    const targets = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(defaultTargetIds({ targetIds: [3, 9, 1] }, targets)).toEqual([1, 3]);
    expect(defaultTargetIds(DEFAULT_PUBLISH_DEFAULTS, targets)).toEqual([]);
    expect(withDefaultTarget({ targetIds: [1] }, 1, true)).toEqual({ targetIds: [1] });
    expect(withDefaultTarget({ targetIds: [1, 2] }, 1, false)).toEqual({ targetIds: [2] });
    expect(withDefaultTarget({ targetIds: [] }, 2, true)).toEqual({ targetIds: [2] });
  });
});
