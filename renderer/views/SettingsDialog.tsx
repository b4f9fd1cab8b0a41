import { DEFAULT_TIME_ZONE } from '../../shared/newsroom-time';
import { useState, type FormEvent } from 'react';
import type { Settings, SettingsPatch } from '../../shared/settings';
import type { BylineClient } from '../client';
import { useT } from '../i18n/i18n';
import { BackupPanel } from './BackupPanel';
import { HouseStyleSettings } from './HouseStyleSettings';
import { PublishTargetsPanel } from './publish/PublishTargetsPanel';
import { PortalCategoriesTable, portalRowsFor } from './settings/PortalCategoriesTable';
import { PostSettingsFields } from './settings/PostSettingsFields';
import { StorageSettings } from './StorageSettings';
import type { StringKey } from '../i18n/strings';

const TEMPLATE_FIELDS: ReadonlyArray<[keyof Settings['newsroom'], StringKey]> = [
  ['agencyCredit', 'agencyCredit'],
  ['leadTemplate', 'leadTemplate'],
  ['defaultDateline', 'defaultDateline'],
  ['bylineTemplate', 'bylineTemplate'],
  ['attributionTemplate', 'attributionTemplate'],
];
/** Every zone the browser knows, the one saved first if it is not among them (an older engine). */
function timeZones(saved: string | undefined): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return saved && !known.includes(saved) ? [saved, ...known] : known;
}

const MAX_LENGTH: Partial<Record<keyof Settings['newsroom'], number>> = { agencyCredit: 50, defaultDateline: 20 };

interface Props {
  client: BylineClient;
  onRestored: () => void;
  beforeRestore: () => Promise<boolean>;
  settings: Settings;
  /** False for a 기자 or 데스크 without 관리자 on the newsroom server: the settings are read-only and the admin panels hidden. */
  mayAdminister: boolean;
  onSave: (patch: SettingsPatch) => Promise<string | null>;
  onClose: () => void;
}

/** 환경설정: who is writing, the newsroom's sections and the interface language. */
export function SettingsDialog({ client, onRestored, beforeRestore, settings, mayAdminister, onSave, onClose }: Props) {
  const t = useT();
  const [name, setName] = useState(settings.identity.name);
  const [email, setEmail] = useState(settings.identity.email);
  const [sections, setSections] = useState(settings.sections.join('\n'));
  const [defaultSection, setDefaultSection] = useState(settings.defaultSection);
  const [locale, setLocale] = useState(settings.locale);
  const [newsroom, setNewsroom] = useState(settings.newsroom);
  const [keepGps, setKeepGps] = useState(settings.media.keepGpsOnExport);
  const [portalRows, setPortalRows] = useState(settings.portal.categories);
  const [houseStyle, setHouseStyle] = useState(settings.houseStyle);
  const [posts, setPosts] = useState(settings.posts);
  const setTemplate = (key: keyof Settings['newsroom'], value: string) => setNewsroom((n) => ({ ...n, [key]: value }));
  const [error, setError] = useState<string | null>(null);

  const sectionList = sections
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = await onSave({
      identity: { name: name.trim(), email: email.trim() },
      sections: sectionList,
      defaultSection,
      locale,
      newsroom,
      media: { keepGpsOnExport: keepGps },
      portal: { categories: portalRowsFor(sectionList, portalRows) },
      houseStyle,
      posts,
    });
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="dialog" noValidate role="dialog" aria-modal="true" aria-labelledby="settings-title" onSubmit={(e) => void submit(e)}>
        <h2 id="settings-title">{t('settings')}</h2>
        {!mayAdminister && (
          <p className="field__hint" data-testid="settings-read-only">
            {t('settingsReadOnly')}
          </p>
        )}
        <fieldset className="dialog__plain" disabled={!mayAdminister}>
          <label className="field">
            <span className="field__label">{t('reporterName')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoFocus />
          </label>
          <label className="field">
            <span className="field__label">{t('reporterEmail')}</span>
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={200} />
          </label>
          <label className="field">
            <span className="field__label">{t('sectionsOnePerLine')}</span>
            <textarea rows={6} value={sections} onChange={(e) => setSections(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">{t('defaultSection')}</span>
            <select value={defaultSection} onChange={(e) => setDefaultSection(e.target.value)}>
              {sectionList.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('interfaceLanguage')}</span>
            <select value={locale} onChange={(e) => setLocale(e.target.value as Settings['locale'])}>
              <option value="ko">한국어</option>
              <option value="en">English</option>
            </select>
          </label>
          <fieldset className="dialog__group">
            <legend>{t('newsroom')}</legend>
            {TEMPLATE_FIELDS.map(([key, label]) => (
              <label className="field" key={key}>
                <span className="field__label">{t(label)}</span>
                <input value={newsroom[key] ?? ''} onChange={(e) => setTemplate(key, e.target.value)} maxLength={MAX_LENGTH[key] ?? 200} />
              </label>
            ))}
            <label className="field field--inline">
              <input
                type="checkbox"
                checked={newsroom.pressReleaseItems === 'prose'}
                onChange={(e) => setNewsroom((n) => ({ ...n, pressReleaseItems: e.target.checked ? 'prose' : 'list' }))}
                data-testid="press-release-items-prose"
              />
              <span>{t('pressReleaseItemsProse')}</span>
            </label>
            <label className="field">
              <span className="field__label">{t('timeZone')}</span>
              <select
                value={newsroom.timeZone ?? DEFAULT_TIME_ZONE}
                onChange={(e) => setNewsroom((n) => ({ ...n, timeZone: e.target.value }))}
                data-testid="settings-time-zone"
              >
                {timeZones(newsroom.timeZone).map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <fieldset className="dialog__group">
            <legend>{t('photo')}</legend>
            <label className="field field--inline">
              <input type="checkbox" checked={keepGps} onChange={(e) => setKeepGps(e.target.checked)} data-testid="keep-gps" />
              <span>{t('keepGpsOnExport')}</span>
            </label>
            <span className="field__hint">{t('keepGpsOnExportHint')}</span>
          </fieldset>
          <PortalCategoriesTable sections={sectionList} rows={portalRows} onChange={setPortalRows} />
          <PostSettingsFields value={posts} onChange={setPosts} />
          <HouseStyleSettings value={houseStyle} onChange={setHouseStyle} />
        </fieldset>
        {mayAdminister && (
          <>
            <PublishTargetsPanel client={client} />
            <BackupPanel client={client} beforeRestore={beforeRestore} onRestored={onRestored} />
            <StorageSettings client={client} />
          </>
        )}
        {error && (
          <p className="dialog__error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {mayAdminister ? t('cancel') : t('close')}
          </button>
          {mayAdminister && (
            <button type="submit" className="button button--primary">
              {t('save')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
