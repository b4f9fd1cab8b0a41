import { DEFAULT_TIME_ZONE } from '../../shared/newsroom-time';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Settings, SettingsPatch } from '../../shared/settings';
import type { BylineClient } from '../client';
import { useT } from '../i18n/i18n';
import { BackupPanel } from './BackupPanel';
import { HouseStyleSettings } from './HouseStyleSettings';
import { PublishTargetsPanel } from './publish/PublishTargetsPanel';
import { PortalCategoriesTable } from './settings/PortalCategoriesTable';
import { PostSettingsFields } from './settings/PostSettingsFields';
import { changedPages, draftOf, patchOf, sectionList, type SettingsDraft } from './settings/settings-draft';
import { draftProblems, PAGE_LABEL, PAGES, type SettingsPageId } from './settings/settings-pages';
import { SettingsPageList } from './settings/SettingsPageList';
import { useTargetDrafts } from './settings/useTargetDrafts';
import { StorageSettings } from './StorageSettings';
import type { StringKey } from '../i18n/strings';
import './settings/settings-pages.css';

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
/** Pages that only a 관리자 sees: the machine's storage, backups and the newsroom's publish targets. */
const ADMIN_PAGES = new Set<SettingsPageId>(['targets', 'storage', 'backup']);

interface Props {
  client: BylineClient;
  onRestored: () => void;
  beforeRestore: () => Promise<boolean>;
  settings: Settings;
  /** False for a 기자 or 데스크 without 관리자 on the newsroom server: the settings are read-only and the admin pages hidden. */
  mayAdminister: boolean;
  onSave: (patch: SettingsPatch) => Promise<string | null>;
  onClose: () => void;
}

/**
 * 환경설정 as pages (뉴스룸, 섹션, 서식, 출고 대상, 사진, 저장소, 백업) over one draft: 저장 checks every page,
 * tests new and changed WordPress and Ghost targets, then saves the settings and the targets; 취소 drops
 * the draft, after asking when something was changed.
 */
export function SettingsDialog({ client, onRestored, beforeRestore, settings, mayAdminister, onSave, onClose }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const targets = useTargetDrafts(client, mayAdminister);
  const pages = PAGES.filter((p) => mayAdminister || !ADMIN_PAGES.has(p));
  const [page, setPage] = useState<SettingsPageId>('newsroom');
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failedChecks, setFailedChecks] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);

  const sections = sectionList(draft);
  const patch = patchOf(draft);
  const problems = shown ? draftProblems(patch) : [];
  const targetProblems = shown ? targets.problems() : [];
  const invalid = new Set<SettingsPageId>(problems.map((p) => p.page));
  if (targetProblems.length > 0) invalid.add('targets');
  const changed = changedPages(draft, settings);
  if (targets.dirty) changed.add('targets');
  const dirty = changed.size > 0;

  const close = () => (dirty && mayAdminister ? setConfirming(true) : onClose());

  const save = async (anyway: boolean) => {
    setError(null);
    setShown(true);
    targets.reveal();
    const wrong = new Set(draftProblems(patch).map((p) => p.page));
    if (targets.problems().length > 0) wrong.add('targets');
    if (wrong.size > 0) {
      setPage([...wrong][0]!);
      setError(t('settingsFixPages').replace('{pages}', () => [...wrong].map((p) => t(PAGE_LABEL[p])).join(', ')));
      return;
    }
    setSaving(true);
    try {
      if (!anyway) {
        const failed = await targets.checkPending();
        if (failed.length > 0) {
          setFailedChecks(true);
          setPage('targets');
          setError(t('settingsCheckFailed').replace('{names}', () => failed.map((n) => `‘${n}’`).join(', ')));
          return;
        }
      }
      setFailedChecks(false);
      if (JSON.stringify(patch) !== JSON.stringify(patchOf(draftOf(settings)))) {
        const problem = await onSave(patch);
        if (problem) return setError(problem);
      }
      const refused = await targets.savePending();
      if (refused) {
        setPage('targets');
        return setError(
          t('settingsTargetsPartly')
            .replace('{name}', () => refused.name)
            .replace('{problem}', () => refused.problem),
        );
      }
      onClose();
    } finally {
      setSaving(false);
    }
  };

  const section = (id: SettingsPageId, body: ReactNode) => {
    const here = problems.filter((p) => p.page === id);
    return (
      <section hidden={page !== id} aria-labelledby={`settings-page-title-${id}`} className="settings-page" data-testid={`settings-body-${id}`}>
        <h3 id={`settings-page-title-${id}`}>{t(PAGE_LABEL[id])}</h3>
        {here.length > 0 && (
          <ul className="settings-page__problems" role="alert">
            {here.map((p) => (
              <li key={p.path}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        )}
        {body}
      </section>
    );
  };

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <form
        className="dialog settings-dialog"
        noValidate
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        onSubmit={(e: FormEvent) => (e.preventDefault(), void save(false))}
      >
        <h2 id="settings-title">{t('settings')}</h2>
        {!mayAdminister && (
          <p className="field__hint" data-testid="settings-read-only">
            {t('settingsReadOnly')}
          </p>
        )}
        <div className="settings-dialog__body">
          <SettingsPageList pages={pages} current={page} onPick={setPage} invalid={invalid} changed={changed} />
          <div className="settings-dialog__pages">
            <fieldset className="dialog__plain" disabled={!mayAdminister}>
              {section(
                'newsroom',
                <>
                  <label className="field">
                    <span className="field__label">{t('reporterName')}</span>
                    <input value={draft.name} onChange={(e) => set('name', e.target.value)} maxLength={100} autoFocus />
                  </label>
                  <label className="field">
                    <span className="field__label">{t('reporterEmail')}</span>
                    <input
                      type="email"
                      value={draft.email}
                      onChange={(e) => set('email', e.target.value)}
                      maxLength={200}
                      aria-invalid={problems.some((p) => p.path === 'identity.email') || undefined}
                    />
                  </label>
                  <label className="field">
                    <span className="field__label">{t('interfaceLanguage')}</span>
                    <select value={draft.locale} onChange={(e) => set('locale', e.target.value as Settings['locale'])}>
                      <option value="ko">한국어</option>
                      <option value="en">English</option>
                    </select>
                  </label>
                  {TEMPLATE_FIELDS.map(([key, label]) => (
                    <label className="field" key={key}>
                      <span className="field__label">{t(label)}</span>
                      <input
                        value={draft.newsroom[key] ?? ''}
                        onChange={(e) => set('newsroom', { ...draft.newsroom, [key]: e.target.value })}
                        maxLength={MAX_LENGTH[key] ?? 200}
                      />
                    </label>
                  ))}
                  <label className="field field--inline">
                    <input
                      type="checkbox"
                      checked={draft.newsroom.pressReleaseItems === 'prose'}
                      onChange={(e) => set('newsroom', { ...draft.newsroom, pressReleaseItems: e.target.checked ? 'prose' : 'list' })}
                      data-testid="press-release-items-prose"
                    />
                    <span>{t('pressReleaseItemsProse')}</span>
                  </label>
                  <label className="field">
                    <span className="field__label">{t('timeZone')}</span>
                    <select
                      value={draft.newsroom.timeZone ?? DEFAULT_TIME_ZONE}
                      onChange={(e) => set('newsroom', { ...draft.newsroom, timeZone: e.target.value })}
                      data-testid="settings-time-zone"
                    >
                      {timeZones(draft.newsroom.timeZone).map((zone) => (
                        <option key={zone} value={zone}>
                          {zone}
                        </option>
                      ))}
                    </select>
                  </label>
                </>,
              )}
              {section(
                'sections',
                <>
                  <label className="field">
                    <span className="field__label">{t('sectionsOnePerLine')}</span>
                    <textarea rows={6} value={draft.sections} onChange={(e) => set('sections', e.target.value)} />
                  </label>
                  <label className="field">
                    <span className="field__label">{t('defaultSection')}</span>
                    <select value={draft.defaultSection} onChange={(e) => set('defaultSection', e.target.value)}>
                      {sections.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </label>
                  <PortalCategoriesTable sections={sections} rows={draft.portalRows} onChange={(rows) => set('portalRows', rows)} />
                </>,
              )}
              {section('style', <HouseStyleSettings value={draft.houseStyle} onChange={(v) => set('houseStyle', v)} />)}
              {section(
                'photo',
                <>
                  <label className="field field--inline">
                    <input type="checkbox" checked={draft.keepGps} onChange={(e) => set('keepGps', e.target.checked)} data-testid="keep-gps" />
                    <span>{t('keepGpsOnExport')}</span>
                  </label>
                  <span className="field__hint">{t('keepGpsOnExportHint')}</span>
                </>,
              )}
              {mayAdminister &&
                section(
                  'targets',
                  <>
                    <PublishTargetsPanel targets={targets} defaults={draft.publishDefaults} onDefaults={(v) => set('publishDefaults', v)} />
                    <PostSettingsFields value={draft.posts} onChange={(v) => set('posts', v)} />
                  </>,
                )}
            </fieldset>
            {mayAdminister && (
              <>
                {section(
                  'storage',
                  <>
                    <p className="field__hint">{t('settingsOwnSave')}</p>
                    <StorageSettings client={client} />
                  </>,
                )}
                {section(
                  'backup',
                  <>
                    <p className="field__hint">{t('settingsOwnSave')}</p>
                    <BackupPanel client={client} beforeRestore={beforeRestore} onRestored={onRestored} />
                  </>,
                )}
              </>
            )}
          </div>
        </div>
        {error && (
          <p className="dialog__error" role="alert" data-testid="settings-error">
            {error}
          </p>
        )}
        {confirming ? (
          <div className="settings-dialog__confirm" role="alertdialog" aria-labelledby="settings-unsaved" data-testid="settings-unsaved">
            <p id="settings-unsaved">{t('settingsUnsaved')}</p>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('settingsKeepEditing')}
            </button>
            <button type="button" className="button button--danger" onClick={onClose}>
              {t('settingsDiscard')}
            </button>
          </div>
        ) : (
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              {mayAdminister ? t('cancel') : t('close')}
            </button>
            {mayAdminister && failedChecks && (
              <button type="button" className="button button--danger" disabled={saving} onClick={() => void save(true)} data-testid="settings-save-anyway">
                {t('settingsSaveAnyway')}
              </button>
            )}
            {mayAdminister && (
              <button type="submit" className="button button--primary" disabled={saving}>
                {saving ? t('settingsChecking') : t('save')}
              </button>
            )}
          </div>
        )}
      </form>
    </div>
  );
}
