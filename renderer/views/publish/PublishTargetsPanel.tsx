import { useEffect, useState } from 'react';
import type { PublishTarget, TargetCheck } from '../../../shared/contract-publish';
import { TARGET_KINDS, targetKind, type PublishTargetKind } from '../../../shared/publish-targets/index';
import type { BylineClient } from '../../client';
import { useLocale, useT } from '../../i18n/i18n';
import { draftOf, inputOf, keepsSecret, newDraft, withKind, type TargetDraft } from './target-draft';
import { TargetFields } from './TargetFields';
import { DefaultTargetToggle } from './DefaultTargetToggle';

/**
 * 출고 대상 in 환경설정: every target with its kind and address, a connection test, and the form of the
 * kind being edited, drawn from that kind's fields (shared/publish-targets/). The secret (a WordPress
 * application password, a Ghost Admin API key) is write-only: the panel says whether one is stored and
 * sends a new one only if typed.
 */
export function PublishTargetsPanel({ client }: { client: BylineClient }) {
  const t = useT();
  const locale = useLocale();
  const [targets, setTargets] = useState<PublishTarget[]>([]);
  const [draft, setDraft] = useState<TargetDraft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checks, setChecks] = useState<Record<number, TargetCheck | 'testing'>>({});

  const reload = () => client.call('publish.targets', {}).then(setTargets, (err: Error) => setProblem(err.message));
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  }, [client]);

  const save = async () => {
    if (!draft) return;
    setProblem(null);
    try {
      const saved = await client.call('publish.saveTarget', inputOf(draft));
      setDraft(null);
      setChecks(({ [saved.id]: _old, ...rest }) => rest);
      await reload();
    } catch (err) {
      setProblem((err as Error).message);
    }
  };

  const test = async (id: number) => {
    setChecks((c) => ({ ...c, [id]: 'testing' }));
    const answer = await client.call('publish.testTarget', { targetId: id }).catch((err: Error) => ({ ok: false, message: err.message }));
    setChecks((c) => ({ ...c, [id]: answer }));
  };

  const spec = draft && targetKind(draft.kind);
  const stored = draft?.id !== undefined ? targets.find((x) => x.id === draft.id) : undefined;
  const keeps = draft !== null && keepsSecret(draft, stored);
  const secretNote =
    spec?.secret && stored?.hasSecret ? (keeps ? { text: spec.secret.keep[locale], warn: false } : { text: spec.secret.retype[locale], warn: true }) : null;

  return (
    <fieldset className="dialog__group" data-testid="publish-targets">
      <legend>{t('publishTargets')}</legend>
      {targets.length === 0 && <p className="field__hint">{t('publishNoTargetsYet')}</p>}
      <ul className="publish-targets">
        {targets.map((target) => {
          const kind = targetKind(target.kind);
          const check = checks[target.id];
          return (
            <li key={target.id} data-testid={`target-row-${target.id}`}>
              <div className="publish-targets__row">
                <strong>{target.name}</strong> <small>({kind ? kind.label[locale] : target.kind})</small>{' '}
                {typeof target.settings.url === 'string' && <small className="publish-targets__url">{target.settings.url}</small>}
                {kind?.secret && !target.hasSecret && !target.problem && <small className="field__hint--warn"> {kind.secret.missing[locale]}</small>}
              </div>
              {target.problem && <small className="field__hint field__hint--warn">{target.problem}</small>}
              <div className="publish-targets__actions">
                {kind && (
                  <button type="button" className="button button--small" onClick={() => setDraft(draftOf(target) ?? null)}>
                    {t('edit')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--small"
                  disabled={check === 'testing' || target.problem !== null}
                  onClick={() => void test(target.id)}
                  data-testid="target-test"
                >
                  {check === 'testing' ? t('publishTesting') : t('publishTestTarget')}
                </button>
                <DefaultTargetToggle client={client} targetId={target.id} />
              </div>
              {check && check !== 'testing' && (
                <small
                  role="status"
                  className={check.ok ? 'field__hint publish-targets__check--ok' : 'field__hint field__hint--warn'}
                  data-testid="target-check"
                >
                  {check.message}
                </small>
              )}
            </li>
          );
        })}
      </ul>
      {draft && spec ? (
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
              onChange={(e) => setDraft((d) => d && withKind(d, e.target.value as PublishTargetKind))}
              disabled={draft.id !== undefined}
              data-testid="target-kind"
            >
              {TARGET_KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label[locale]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('publishTargetName')}</span>
            <input value={draft.name} maxLength={100} onChange={(e) => setDraft((d) => d && { ...d, name: e.target.value })} data-testid="target-name" />
          </label>
          <TargetFields
            fields={spec.fields}
            values={draft.values}
            onChange={(key, value) => setDraft((d) => d && { ...d, values: { ...d.values, [key]: value } })}
            secret={draft.secret}
            onSecret={(secret) => setDraft((d) => d && { ...d, secret })}
            secretNote={secretNote}
          />
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
        <button type="button" className="button button--small" onClick={() => setDraft(newDraft(TARGET_KINDS[0].kind))} data-testid="target-add">
          {t('publishAddTarget')}
        </button>
      )}
    </fieldset>
  );
}
