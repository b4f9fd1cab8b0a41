import type { PublishTarget, TargetCheck } from '../../../shared/contract-publish';
import { TARGET_KINDS, targetKind, type PublishTargetKind } from '../../../shared/publish-targets/index';
import { useLocale, useT } from '../../i18n/i18n';
import type { TargetDrafts } from '../settings/useTargetDrafts';
import { keepsSecret, withKind, type TargetDraft } from './target-draft';
import { TargetFields } from './TargetFields';
import { DefaultTargetToggle } from './DefaultTargetToggle';
import { withDefaultTarget, type PublishDefaults } from '../../../shared/settings-publish-defaults';

/**
 * 출고 대상 in 환경설정: every target with its kind and address and a 연결 시험, and under a target being
 * edited (or added) the form of its kind, drawn from that kind's fields (shared/publish-targets/). Edits
 * are part of the settings draft: the dialog's 저장 sends them. The secret (a WordPress application
 * password, a Ghost Admin API key) is write-only: the panel says whether one is stored and sends a new
 * one only if typed. Which targets 출고 sends to by default is part of the same draft.
 */
export function PublishTargetsPanel({
  targets,
  defaults,
  onDefaults,
}: {
  targets: TargetDrafts;
  defaults: PublishDefaults;
  onDefaults: (next: PublishDefaults) => void;
}) {
  const t = useT();
  const draftFor = (key: string) => targets.drafts.find((k) => k.key === key);
  const newOnes = targets.drafts.filter((k) => k.draft.id === undefined);

  return (
    <fieldset className="dialog__group" data-testid="publish-targets">
      <legend>{t('publishTargets')}</legend>
      {targets.loadProblem && (
        <p className="dialog__error" role="alert">
          {targets.loadProblem}
        </p>
      )}
      {targets.stored.length === 0 && newOnes.length === 0 && <p className="field__hint">{t('publishNoTargetsYet')}</p>}
      <ul className="publish-targets">
        {targets.stored.map((target) => (
          <StoredRow
            key={target.id}
            target={target}
            targets={targets}
            editing={draftFor(String(target.id))?.draft}
            isDefault={defaults.targetIds.includes(target.id)}
            onDefault={(on) => onDefaults(withDefaultTarget(defaults, target.id, on))}
          />
        ))}
        {newOnes.map(({ key, draft }) => (
          <li key={key} data-testid="target-new">
            <strong>{t('targetNew')}</strong>
            <DraftForm keyName={key} draft={draft} stored={undefined} targets={targets} />
          </li>
        ))}
      </ul>
      <button type="button" className="button button--small settings-add" onClick={() => targets.add()} data-testid="target-add">
        {t('publishAddTarget')}
      </button>
    </fieldset>
  );
}

function CheckAnswer({ check }: { check: TargetCheck | 'testing' | undefined }) {
  if (!check || check === 'testing') return null;
  return (
    <small role="status" className={check.ok ? 'field__hint publish-targets__check--ok' : 'field__hint field__hint--warn'} data-testid="target-check">
      {check.message}
    </small>
  );
}

function TestButton({ keyName, targets, disabled }: { keyName: string; targets: TargetDrafts; disabled?: boolean }) {
  const t = useT();
  const check = targets.checks[keyName];
  return (
    <button
      type="button"
      className="button button--small"
      disabled={disabled || check === 'testing'}
      onClick={() => void targets.test(keyName)}
      data-testid="target-test"
    >
      {check === 'testing' ? t('publishTesting') : t('publishTestTarget')}
    </button>
  );
}

function StoredRow({
  target,
  targets,
  editing,
  isDefault,
  onDefault,
}: {
  target: PublishTarget;
  targets: TargetDrafts;
  editing: TargetDraft | undefined;
  isDefault: boolean;
  onDefault: (on: boolean) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const kind = targetKind(target.kind);
  const key = String(target.id);
  return (
    <li data-testid={`target-row-${target.id}`}>
      <div className="publish-targets__row">
        <strong>{target.name}</strong> <small>({kind ? kind.label[locale] : target.kind})</small>{' '}
        {typeof target.settings.url === 'string' && <small className="publish-targets__url">{target.settings.url}</small>}
        {kind?.secret && !target.hasSecret && !target.problem && <small className="field__hint--warn"> {kind.secret.missing[locale]}</small>}
      </div>
      {target.problem && <small className="field__hint field__hint--warn">{target.problem}</small>}
      {editing ? (
        <DraftForm keyName={key} draft={editing} stored={target} targets={targets} />
      ) : (
        <>
          <div className="publish-targets__actions">
            {kind && (
              <button type="button" className="button button--small" onClick={() => targets.edit(target)}>
                {t('edit')}
              </button>
            )}
            <TestButton keyName={key} targets={targets} disabled={target.problem !== null} />
            <DefaultTargetToggle targetId={target.id} checked={isDefault} onChange={onDefault} />
          </div>
          <CheckAnswer check={targets.checks[key]} />
        </>
      )}
    </li>
  );
}

function DraftForm({ keyName, draft, stored, targets }: { keyName: string; draft: TargetDraft; stored: PublishTarget | undefined; targets: TargetDrafts }) {
  const t = useT();
  const locale = useLocale();
  const spec = targetKind(draft.kind);
  if (!spec) return null;
  const set = (next: (d: TargetDraft) => TargetDraft) => targets.update(keyName, next);
  const keeps = keepsSecret(draft, stored);
  const secretNote =
    spec.secret && stored?.hasSecret ? (keeps ? { text: spec.secret.keep[locale], warn: false } : { text: spec.secret.retype[locale], warn: true }) : null;
  const problem = targets.revealed ? targets.invalid(draft) : null;
  const id = `target-${keyName}`;
  return (
    <div className="publish-targets__form" data-testid="target-form">
      <label className="field">
        <span className="field__label">{t('publishKind')}</span>
        <select
          value={draft.kind}
          onChange={(e) => set((d) => withKind(d, e.target.value as PublishTargetKind))}
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
        <input value={draft.name} maxLength={100} onChange={(e) => set((d) => ({ ...d, name: e.target.value }))} data-testid="target-name" />
      </label>
      <TargetFields
        fields={spec.fields}
        values={draft.values}
        onChange={(key, value) => set((d) => ({ ...d, values: { ...d.values, [key]: value } }))}
        secret={draft.secret}
        onSecret={(secret) => set((d) => ({ ...d, secret }))}
        secretNote={secretNote}
      />
      {problem && (
        <p className="field__hint field__hint--warn" id={`${id}-problem`} data-testid="target-problem">
          {problem}
        </p>
      )}
      <div className="publish-targets__actions">
        <TestButton keyName={keyName} targets={targets} disabled={targets.invalid(draft) !== null} />
        <button type="button" className="button button--small" onClick={() => targets.discard(keyName)} data-testid="target-discard">
          {t('targetDiscardEdit')}
        </button>
      </div>
      <CheckAnswer check={targets.checks[keyName]} />
    </div>
  );
}
