import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../shared/contract';
import type { BylineClient } from '../client';
import { useT } from '../i18n/i18n';
import { useNewsroomTime } from '../i18n/newsroom-time';

type BackupInfo = Output<'backup.list'>[number];

/** 백업: make a copy now, or bring every story back as it was in an earlier copy. */
export function BackupPanel({ client, beforeRestore, onRestored }: { client: BylineClient; beforeRestore: () => Promise<boolean>; onRestored: () => void }) {
  const t = useT();
  const time = useNewsroomTime();
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(() => client.call('backup.list', {}).then(setBackups, (e: Error) => setMessage(e.message)), [client]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await work());
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(false);
      setConfirming(null);
      void refresh();
    }
  };

  return (
    <fieldset className="dialog__group" data-testid="backup-panel">
      <legend>{t('backups')}</legend>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void run(async () => `${t('backupMade')}: ${(await client.call('backup.create', {})).name}`)}
      >
        {t('backupNow')}
      </button>
      <ul className="backups">
        {backups.map((b) => (
          <li key={b.name}>
            <span className="backups__name">{time.format(b.createdAt)}</span>
            <span className="backups__size">{(b.bytes / 1024 / 1024).toFixed(1)} MB</span>
            {confirming === b.name ? (
              <button
                type="button"
                className="button button--small button--danger"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    // The open story is saved first, so that the copy made before restoring has it.
                    if (!(await beforeRestore())) return t('saveFailed');
                    await client.call('backup.restore', { name: b.name });
                    onRestored();
                    return t('restored');
                  })
                }
              >
                {t('restoreConfirm')}
              </button>
            ) : (
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => setConfirming(b.name)}
                aria-label={`${b.name} ${t('restoreBackup')}`}
              >
                {t('restoreBackup')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {confirming && <p className="field__hint field__hint--warn">{t('restoreWarning')}</p>}
      {message && (
        <p className="field__hint" role="status">
          {message}
        </p>
      )}
    </fieldset>
  );
}
