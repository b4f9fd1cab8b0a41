import { useEffect, useState } from 'react';
import type { PublishTakedown, PublishTarget, PublishTargetKind } from '../../../shared/contract-publish';
import type { BylineClient } from '../../client';
import { useT } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';

const KIND_LABEL: Record<PublishTargetKind, StringKey> = { wordpress: 'publishKindWordpress', ghost: 'publishKindGhost', 'html-bundle': 'publishKindBundle' };

interface Draft {
  id?: number;
  kind: PublishTargetKind;
  name: string;
  url: string;
  username: string;
  folder: string;
  /** WordPress application password or Ghost Admin API key. Empty: keep the stored one. */
  password: string;
  takedown: PublishTakedown;
  correctionPrefix: boolean;
}

const EMPTY: Draft = { kind: 'wordpress', name: '', url: 'https://', username: '', folder: '', password: '', takedown: 'draft', correctionPrefix: false };

/**
 * 출고 대상 in 환경설정: WordPress sites (address, user, application password), Ghost sites (address,
 * Admin API key) and HTML-bundle folders. The password and the key are write-only: the panel says
 * whether one is stored and sends a new one only if typed.
 */
export function PublishTargetsPanel({ client }: { client: BylineClient }) {
  const t = useT();
  const [targets, setTargets] = useState<PublishTarget[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = () => client.call('publish.targets', {}).then(setTargets, (err: Error) => setProblem(err.message));
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  }, [client]);

  const save = async () => {
    if (!draft) return;
    setProblem(null);
    try {
      await client.call('publish.saveTarget', {
        id: draft.id,
        kind: draft.kind,
        name: draft.name,
        url: draft.url,
        username: draft.kind === 'wordpress' ? draft.username : '',
        folder: draft.kind === 'html-bundle' ? draft.folder : '',
        takedown: draft.takedown,
        correctionPrefix: draft.correctionPrefix,
        ...(draft.password ? { password: draft.password } : {}),
      });
      setDraft(null);
      await reload();
    } catch (err) {
      setProblem((err as Error).message);
    }
  };

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => d && { ...d, [key]: value });
  // The server drops a stored password when the address or user changes (see publish-repo updateTarget): say so before saving.
  const stored = draft?.id !== undefined ? targets.find((x) => x.id === draft.id && x.hasPassword) : undefined;
  const keepsSecret = draft !== null && stored !== undefined && stored.url === draft.url.trim() && stored.username === draft.username.trim();

  return (
    <fieldset className="dialog__group" data-testid="publish-targets">
      <legend>{t('publishTargets')}</legend>
      {targets.length === 0 && <p className="field__hint">{t('publishNoTargetsYet')}</p>}
      <ul className="publish-targets">
        {targets.map((target) => (
          <li key={target.id}>
            <strong>{target.name}</strong> <small>({t(KIND_LABEL[target.kind])})</small> <small>{target.url}</small>
            {target.kind !== 'html-bundle' && !target.hasPassword && (
              <small className="field__hint--warn"> {t(target.kind === 'ghost' ? 'publishNoGhostKey' : 'publishNoPassword')}</small>
            )}{' '}
            <button type="button" className="button button--small" onClick={() => setDraft({ ...target, password: '' })}>
              {t('edit')}
            </button>
          </li>
        ))}
      </ul>
      {draft ? (
        // A form inside the settings form would submit both: this one is a div whose button saves it alone.
        <div
          className="publish-targets__form"
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.nativeEvent.isComposing || !(e.target instanceof HTMLInputElement)) return;
            e.preventDefault();
            void save();
          }}
        >
          <label className="field">
            <span className="field__label">{t('publishKind')}</span>
            <select
              value={draft.kind}
              onChange={(e) => set('kind', e.target.value as PublishTargetKind)}
              disabled={draft.id !== undefined}
              data-testid="target-kind"
            >
              <option value="wordpress">{t('publishKindWordpress')}</option>
              <option value="ghost">{t('publishKindGhost')}</option>
              <option value="html-bundle">{t('publishKindBundle')}</option>
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('publishTargetName')}</span>
            <input value={draft.name} maxLength={100} onChange={(e) => set('name', e.target.value)} data-testid="target-name" />
          </label>
          <label className="field">
            <span className="field__label">{t(draft.kind === 'html-bundle' ? 'publishBundleUrl' : 'publishSiteUrl')}</span>
            <input value={draft.url} maxLength={500} onChange={(e) => set('url', e.target.value)} data-testid="target-url" />
          </label>
          {draft.kind === 'wordpress' ? (
            <>
              <label className="field">
                <span className="field__label">{t('publishUsername')}</span>
                <input
                  value={draft.username}
                  maxLength={100}
                  autoComplete="off"
                  onChange={(e) => set('username', e.target.value)}
                  data-testid="target-username"
                />
              </label>
              <label className="field">
                <span className="field__label">{t('publishPassword')}</span>
                <input
                  type="password"
                  value={draft.password}
                  maxLength={200}
                  autoComplete="new-password"
                  placeholder={keepsSecret ? t('publishPasswordKeep') : ''}
                  onChange={(e) => set('password', e.target.value)}
                  data-testid="target-password"
                />
                {stored && !keepsSecret && <small className="field__hint field__hint--warn">{t('publishPasswordRetype')}</small>}
              </label>
              <label className="field">
                <span className="field__label">{t('publishTakedown')}</span>
                <select value={draft.takedown} onChange={(e) => set('takedown', e.target.value as PublishTakedown)} data-testid="target-takedown">
                  <option value="draft">{t('publishTakedownDraft')}</option>
                  <option value="trash">{t('publishTakedownTrash')}</option>
                </select>
              </label>
            </>
          ) : draft.kind === 'ghost' ? (
            <>
              <label className="field">
                <span className="field__label">{t('publishGhostKey')}</span>
                <input
                  type="password"
                  value={draft.password}
                  maxLength={200}
                  autoComplete="new-password"
                  spellCheck={false}
                  placeholder={keepsSecret ? t('publishGhostKeyKeep') : ''}
                  onChange={(e) => set('password', e.target.value)}
                  data-testid="target-ghost-key"
                />
                {stored && !keepsSecret && <small className="field__hint field__hint--warn">{t('publishGhostKeyRetype')}</small>}
                <small className="field__hint">{t('publishGhostKeyHint')}</small>
              </label>
              <label className="field">
                <span className="field__label">{t('publishTakedown')}</span>
                {/* Ghost has no trash: 'trash' deletes the post there, and the label says so. */}
                <select value={draft.takedown} onChange={(e) => set('takedown', e.target.value as PublishTakedown)} data-testid="target-takedown">
                  <option value="draft">{t('publishTakedownDraft')}</option>
                  <option value="trash">{t('publishTakedownDelete')}</option>
                </select>
              </label>
            </>
          ) : (
            <label className="field">
              <span className="field__label">{t('publishFolder')}</span>
              <input value={draft.folder} maxLength={100} onChange={(e) => set('folder', e.target.value)} data-testid="target-folder" />
            </label>
          )}
          <label className="field field--inline">
            <input
              type="checkbox"
              checked={draft.correctionPrefix}
              onChange={(e) => set('correctionPrefix', e.target.checked)}
              data-testid="target-correction-prefix"
            />
            <span>{t('publishCorrectionPrefix')}</span>
          </label>
          {problem && (
            <p className="dialog__error" role="alert">
              {problem}
            </p>
          )}
          <div className="photo-block__actions">
            <button type="button" className="button button--small button--primary" onClick={() => void save()} data-testid="target-save">
              {t('save')}
            </button>
            <button type="button" className="button button--small" onClick={() => setDraft(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--small" onClick={() => setDraft(EMPTY)} data-testid="target-add">
          {t('publishAddTarget')}
        </button>
      )}
    </fieldset>
  );
}
