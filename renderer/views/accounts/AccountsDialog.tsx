import { Fragment, useCallback, useEffect, useState } from 'react';
import type { Account, PasswordReset } from '../../../shared/contract-accounts';
import type { BylineClient } from '../../client';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import type { StringKey } from '../../i18n/strings';
import { AccountForm, type AccountDraft } from './AccountForm';
import { ShownOnce } from './ShownOnce';

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; account: Account } | { kind: 'secret'; message: string; secret: string };

interface Props {
  client: BylineClient;
  /** The newsroom's sections, for a desk's choice. */
  sections: readonly string[];
  onClose: () => void;
}

/** 사용자 관리 (newsroom server, 관리자 only): who may sign in, their role and sections, 사용 중지, 비밀번호 재설정. */
export function AccountsDialog({ client, sections, onClose }: Props) {
  const t = useT();
  const time = useNewsroomTime();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [rowError, setRowError] = useState<{ id: string; message: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(
    () =>
      client.call('accounts.list', {}).then(
        (list) => {
          setAccounts(list);
          setLoadError(null);
        },
        (err: Error) => setLoadError(err.message),
      ),
    [client],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const when = (iso: string | null) => (iso ? time.format(iso) : t('accountNever'));

  /** Runs one row's action; a refusal is shown under that row, in the server's words. */
  const act = async (account: Account, work: () => Promise<void>) => {
    setRowError(null);
    try {
      await work();
    } catch (err) {
      setRowError({ id: account.id, message: (err as Error).message });
    } finally {
      setConfirming(null);
      setResetting(null);
      void refresh();
    }
  };

  const add = async (d: AccountDraft): Promise<string | null> => {
    try {
      const made = await client.call('accounts.create', d);
      setMode({ kind: 'secret', message: t('accountCreated').replace('{name}', made.account.name), secret: made.temporaryPassword });
      void refresh();
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  };

  const edit = async (account: Account, d: AccountDraft): Promise<string | null> => {
    try {
      await client.call('accounts.update', {
        id: account.id,
        name: d.name,
        title: d.title,
        email: d.email,
        role: d.role,
        sections: d.sections,
        admin: d.admin,
      });
      setMode({ kind: 'list' });
      void refresh();
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  };

  const reset = (account: Account, how: PasswordReset['mode']) =>
    act(account, async () => {
      const done = await client.call('accounts.resetPassword', { id: account.id, mode: how });
      if (done.mode === 'temporary') {
        setMode({ kind: 'secret', message: t('accountTemporaryFor').replace('{name}', account.name), secret: done.temporaryPassword });
      } else {
        const until = when(done.expiresAt);
        setMode({
          kind: 'secret',
          message: t('accountLinkFor').replace('{name}', account.name).replace('{until}', until),
          secret: `${window.location.origin}${done.path}`,
        });
      }
    });

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && mode.kind !== 'secret' && onClose()}>
      <div className="dialog dialog--wide" role="dialog" aria-modal="true" aria-labelledby="accounts-title" data-testid="accounts-dialog">
        <h2 id="accounts-title">{t('accounts')}</h2>
        {mode.kind === 'secret' && <ShownOnce message={mode.message} secret={mode.secret} onDone={() => setMode({ kind: 'list' })} />}
        {mode.kind === 'add' && <AccountForm sections={sections} onSubmit={add} onCancel={() => setMode({ kind: 'list' })} />}
        {mode.kind === 'edit' && (
          <AccountForm account={mode.account} sections={sections} onSubmit={(d) => edit(mode.account, d)} onCancel={() => setMode({ kind: 'list' })} />
        )}
        {mode.kind === 'list' && (
          <>
            <p className="field__hint">{t('accountsHint')}</p>
            {loadError && (
              <p className="dialog__error" role="alert">
                {loadError}
              </p>
            )}
            <table className="accounts" data-testid="accounts-table">
              <thead>
                <tr>
                  <th>{t('accountName')}</th>
                  <th>{t('accountLogin')}</th>
                  <th>{t('accountRole')}</th>
                  <th>{t('accountSections')}</th>
                  <th>{t('accountState')}</th>
                  <th>{t('accountLastSignIn')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <Fragment key={a.id}>
                    <tr className={a.disabled ? 'accounts__row accounts__row--disabled' : 'accounts__row'} data-testid={`account-row-${a.login}`}>
                      <td>
                        <strong>{a.name}</strong>
                        {a.title && <span className="accounts__muted"> {a.title}</span>}
                      </td>
                      <td className="accounts__login">{a.login}</td>
                      <td>
                        {t(`role_${a.role}` as StringKey)}
                        {a.admin && <span className="accounts__badge">{t('accountAdmin')}</span>}
                      </td>
                      <td className="accounts__muted">{a.sections.join(', ')}</td>
                      <td data-testid="account-state">
                        {a.disabled ? t('accountDisabled') : a.mustChangePassword ? t('accountMustChange') : t('accountActive')}
                      </td>
                      <td className="accounts__muted">{when(a.lastSignInAt)}</td>
                      <td className="accounts__actions">
                        <button type="button" className="button button--small" onClick={() => setMode({ kind: 'edit', account: a })} data-testid="account-edit">
                          {t('accountEdit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setResetting(resetting === a.id ? null : a.id)}
                          data-testid="account-reset"
                        >
                          {t('accountReset')}
                        </button>
                        {a.disabled ? (
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => void act(a, () => setDisabled(a, false))}
                            data-testid="account-enable"
                          >
                            {t('accountEnable')}
                          </button>
                        ) : (
                          <button type="button" className="button button--small" onClick={() => setConfirming(a.id)} data-testid="account-disable">
                            {t('accountDisable')}
                          </button>
                        )}
                      </td>
                    </tr>
                    {(confirming === a.id || resetting === a.id || rowError?.id === a.id) && (
                      <tr className="accounts__more">
                        <td colSpan={7}>
                          {confirming === a.id && (
                            <div className="accounts__confirm" role="alertdialog" data-testid="account-disable-confirm">
                              <span>{t('accountDisableConfirm').replace('{name}', a.name)}</span>
                              <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
                                {t('cancel')}
                              </button>
                              <button
                                type="button"
                                className="button button--small button--danger"
                                onClick={() => void act(a, () => setDisabled(a, true))}
                                data-testid="account-disable-yes"
                              >
                                {t('accountDisable')}
                              </button>
                            </div>
                          )}
                          {resetting === a.id && (
                            <div className="accounts__confirm">
                              <button
                                type="button"
                                className="button button--small"
                                onClick={() => void reset(a, 'temporary')}
                                data-testid="account-reset-temporary"
                              >
                                {t('accountResetTemporary')}
                              </button>
                              <button type="button" className="button button--small" onClick={() => void reset(a, 'link')} data-testid="account-reset-link">
                                {t('accountResetLink')}
                              </button>
                            </div>
                          )}
                          {rowError?.id === a.id && (
                            <p className="dialog__error" role="alert" data-testid="account-row-error">
                              {rowError.message}
                            </p>
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
            <div className="dialog__actions">
              <button type="button" className="button" onClick={onClose} data-testid="accounts-close">
                {t('close')}
              </button>
              <button type="button" className="button button--primary" onClick={() => setMode({ kind: 'add' })} data-testid="account-add">
                {t('accountAdd')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );

  async function setDisabled(a: Account, disabled: boolean): Promise<void> {
    await client.call('accounts.setDisabled', { id: a.id, disabled });
  }
}
