import { useState } from 'react';
import { useT } from '../../i18n/i18n';

/** A temporary password or a reset link, as the server gave it once: copy it now, it is not kept anywhere. */
export function ShownOnce({ message, secret, onDone }: { message: string; secret: string; onDone: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="shown-once" role="status" data-testid="shown-once">
      <p>{message}</p>
      <div className="shown-once__secret">
        <code data-testid="shown-once-secret">{secret}</code>
        <button type="button" className="button button--small" onClick={copy} data-testid="shown-once-copy">
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <p className="shown-once__note">{t('accountShownOnce')}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onDone} data-testid="shown-once-done">
          {t('close')}
        </button>
      </div>
    </div>
  );
}
