import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { Account, AccountCreateInput } from '../../../shared/contract-accounts';
import { Role } from '../../../shared/profiles';
import { useT } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';

/** Every field of a new account filled in, as the form holds it; the contract's input is its shape. */
export type AccountDraft = Required<z.input<typeof AccountCreateInput>>;

interface Props {
  /** Absent: a new person (the login is asked); present: that person's account (the login never changes). */
  account?: Account;
  sections: readonly string[];
  onSubmit: (draft: AccountDraft) => Promise<string | null>;
  onCancel: () => void;
}

/** Add a person or change one: name, login, title, e-mail, role, the sections a desk covers, 관리자. */
export function AccountForm({ account, sections, onSubmit, onCancel }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<AccountDraft>(
    account
      ? {
          login: account.login,
          name: account.name,
          title: account.title,
          email: account.email,
          role: account.role,
          sections: account.sections,
          admin: account.admin,
        }
      : { login: '', name: '', title: '', email: '', role: 'reporter', sections: [], admin: false },
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // Sections the newsroom no longer lists stay choosable for someone who still covers them.
  const choices = [...new Set([...sections, ...draft.sections])];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(await onSubmit(draft));
    setBusy(false);
  };

  return (
    <form className="account-form" noValidate onSubmit={(e) => void submit(e)} data-testid="account-form">
      <div className="account-form__grid">
        <label className="field">
          <span className="field__label">{t('accountName')}</span>
          <input value={draft.name} onChange={(e) => set('name', e.target.value)} maxLength={50} autoFocus data-testid="account-name" />
        </label>
        <label className="field">
          <span className="field__label">{t('accountLogin')}</span>
          <input
            value={draft.login}
            onChange={(e) => set('login', e.target.value)}
            maxLength={32}
            disabled={account !== undefined}
            autoCapitalize="off"
            spellCheck={false}
            data-testid="account-login"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('accountTitle')}</span>
          <input value={draft.title} onChange={(e) => set('title', e.target.value)} maxLength={30} data-testid="account-title" />
        </label>
        <label className="field">
          <span className="field__label">{t('accountEmail')}</span>
          <input type="email" value={draft.email} onChange={(e) => set('email', e.target.value)} maxLength={200} data-testid="account-email" />
        </label>
        <label className="field">
          <span className="field__label">{t('accountRole')}</span>
          <select value={draft.role} onChange={(e) => set('role', e.target.value as Role)} data-testid="account-role">
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}` as StringKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline account-form__admin">
          <input type="checkbox" checked={draft.admin} onChange={(e) => set('admin', e.target.checked)} data-testid="account-admin" />
          <span>{t('accountAdmin')}</span>
        </label>
      </div>
      <span className="field__hint">{t('accountAdminHint')}</span>
      <fieldset className="account-form__sections">
        <legend>{t('accountSections')}</legend>
        {choices.map((s) => (
          <label key={s} className="field--inline">
            <input
              type="checkbox"
              checked={draft.sections.includes(s)}
              onChange={(e) => set('sections', e.target.checked ? [...draft.sections, s] : draft.sections.filter((x) => x !== s))}
              data-testid={`account-section-${s}`}
            />
            <span>{s}</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="dialog__error" role="alert" data-testid="account-form-error">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="account-submit">
          {account ? t('save') : t('accountAdd')}
        </button>
      </div>
    </form>
  );
}
