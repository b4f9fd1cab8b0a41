import { useEffect, useState } from 'react';
import type { StorageStatus, StorageTestResult } from '../../shared/contract-storage';
import { sameAccount, type PostgresServer, type SslMode, type StorageEngine } from '../../shared/storage-settings';
import type { BylineClient } from '../client';
import { useT } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { NewsroomConnect } from './settings/NewsroomConnect';

const SSL_LABELS: ReadonlyArray<[SslMode, StringKey]> = [
  ['disable', 'storageSslDisable'],
  ['require', 'storageSslRequire'],
  ['verify-full', 'storageSslVerify'],
];

const TEXT_FIELDS: ReadonlyArray<[keyof Pick<PostgresServer, 'host' | 'database' | 'user' | 'schema'>, StringKey, number]> = [
  ['host', 'storageHost', 253],
  ['database', 'storageDatabase', 63],
  ['user', 'storageUser', 63],
];

/**
 * 저장소 in 환경설정: this computer's SQLite or the newsroom's PostgreSQL. The password is write-only
 * (typed to change it, never shown); the choice applies at the next start and moves no stories.
 */
export function StorageSettings({ client }: { client: BylineClient }) {
  const t = useT();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [engine, setEngine] = useState<StorageEngine>('sqlite');
  const [server, setServer] = useState<PostgresServer | null>(null);
  const [password, setPassword] = useState('');
  const [forgetPassword, setForgetPassword] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [test, setTest] = useState<StorageTestResult | 'running' | null>(null);
  const [saved, setSaved] = useState(false);

  const show = (next: StorageStatus) => {
    setStatus(next);
    setEngine(next.saved.engine);
    setServer(next.saved.postgres);
    setPassword('');
    setForgetPassword(false);
  };

  useEffect(() => {
    client.call('storage.get', {}).then(show, (err: Error) => setProblem(err.message));
  }, [client]);

  if (!status || !server) {
    return (
      <fieldset className="dialog__group" data-testid="storage-settings">
        <legend>{t('storage')}</legend>
        {problem && (
          <p className="dialog__error" role="alert">
            {problem}
          </p>
        )}
        <NewsroomConnect client={client} />
      </fieldset>
    );
  }

  const set = <K extends keyof PostgresServer>(key: K, value: PostgresServer[K]) => {
    setServer({ ...server, [key]: value });
    setTest(null);
    setSaved(false);
  };

  const runTest = async () => {
    setProblem(null);
    setTest('running');
    try {
      setTest(await client.call('storage.test', { postgres: server, ...(password ? { password } : {}) }));
    } catch (err) {
      setTest(null);
      setProblem((err as Error).message);
    }
  };

  const save = async () => {
    setProblem(null);
    try {
      show(await client.call('storage.save', { engine, postgres: server, ...(password ? { password } : {}), ...(forgetPassword ? { forgetPassword } : {}) }));
      setSaved(true);
    } catch (err) {
      setProblem((err as Error).message);
    }
  };

  const running = status.running;
  // A stored password is bound to its host, port and user (see sameAccount): after changing them it must be typed again.
  const passwordKept = status.hasPassword && sameAccount(server, status.saved.postgres);
  return (
    <fieldset className="dialog__group" data-testid="storage-settings">
      <legend>{t('storage')}</legend>
      <p className="field__hint" data-testid="storage-running">
        {t('storageRunning')}:{' '}
        {running.engine === 'postgres' ? t('storageRunningPostgres').replace('{server}', () => running.server ?? '') : t('storageRunningSqlite')}
      </p>
      {running.source === 'env' && (
        <p className="field__hint field__hint--warn" data-testid="storage-env">
          {t('storageEnvOverride')}
        </p>
      )}
      {running.source === 'fallback' && (
        <p className="field__hint field__hint--warn" data-testid="storage-fallback">
          {t('storageFallback')}
        </p>
      )}
      {/* A form inside the settings form would submit both: Enter here saves this section alone. */}
      <div
        className="publish-targets__form"
        onKeyDown={(e) => {
          if (
            e.key !== 'Enter' ||
            e.nativeEvent.isComposing ||
            !(e.target instanceof HTMLInputElement) ||
            e.target.type === 'radio' ||
            e.target.type === 'checkbox'
          )
            return;
          e.preventDefault();
          void save();
        }}
      >
        {(['sqlite', 'postgres'] as const).map((value) => (
          <label className="field field--inline" key={value}>
            <input
              type="radio"
              name="storage-engine"
              value={value}
              checked={engine === value}
              onChange={() => (setEngine(value), setSaved(false))}
              data-testid={`storage-engine-${value}`}
            />
            <span>{t(value === 'sqlite' ? 'storageEngineSqlite' : 'storageEnginePostgres')}</span>
          </label>
        ))}
        {engine === 'postgres' && (
          <>
            {TEXT_FIELDS.map(([key, label, max]) => (
              <label className="field" key={key}>
                <span className="field__label">{t(label)}</span>
                <input
                  value={server[key]}
                  maxLength={max}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => set(key, e.target.value)}
                  data-testid={`storage-${key}`}
                />
              </label>
            ))}
            <label className="field">
              <span className="field__label">{t('storagePort')}</span>
              <input type="number" min={1} max={65535} value={server.port} onChange={(e) => set('port', Number(e.target.value))} data-testid="storage-port" />
            </label>
            <label className="field">
              <span className="field__label">{t('storagePassword')}</span>
              <input
                type="password"
                value={password}
                maxLength={200}
                autoComplete="new-password"
                placeholder={passwordKept ? t('storagePasswordKeep') : t('storageNoPassword')}
                onChange={(e) => (setPassword(e.target.value), setTest(null), setSaved(false))}
                data-testid="storage-password"
              />
            </label>
            {status.hasPassword && !passwordKept && <span className="field__hint field__hint--warn">{t('storagePasswordRetype')}</span>}
            {passwordKept && (
              <label className="field field--inline">
                <input type="checkbox" checked={forgetPassword} onChange={(e) => setForgetPassword(e.target.checked)} data-testid="storage-forget-password" />
                <span>{t('storageForgetPassword')}</span>
              </label>
            )}
            <label className="field">
              <span className="field__label">{t('storageSchema')}</span>
              <input
                value={server.schema}
                maxLength={63}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set('schema', e.target.value)}
                data-testid="storage-schema"
              />
            </label>
            <label className="field">
              <span className="field__label">{t('storageSsl')}</span>
              <select value={server.sslmode} onChange={(e) => set('sslmode', e.target.value as SslMode)} data-testid="storage-sslmode">
                {SSL_LABELS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {t(label)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <span className="field__hint">{t('storageRestartNote')}</span>
        <span className="field__hint">{t('storageNoMove')}</span>
        {test && (
          <p className={test !== 'running' && !test.ok ? 'dialog__error' : 'field__hint'} role="status" data-testid="storage-test-result">
            {test === 'running' ? t('storageTesting') : test.message}
          </p>
        )}
        {problem && (
          <p className="dialog__error" role="alert">
            {problem}
          </p>
        )}
        {saved && (
          <p className="field__hint" role="status" data-testid="storage-saved">
            {t('storageSaved')} {status.restartPending ? t('storageRestartPending') : ''}
          </p>
        )}
        <div className="photo-block__actions">
          {engine === 'postgres' && (
            <button type="button" className="button button--small" disabled={test === 'running'} onClick={() => void runTest()} data-testid="storage-test">
              {t('storageTest')}
            </button>
          )}
          <button type="button" className="button button--small button--primary" onClick={() => void save()} data-testid="storage-save">
            {t('storageSave')}
          </button>
        </div>
      </div>
      <NewsroomConnect client={client} />
    </fieldset>
  );
}
