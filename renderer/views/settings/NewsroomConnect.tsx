import { useEffect, useState } from 'react';
import type { NewsroomCertificate, NewsroomConnection } from '../../../shared/contract-newsroom';
import type { BylineClient } from '../../client';
import { useT } from '../../i18n/i18n';
import './newsroom-connect.css';

/**
 * 뉴스룸 서버에 연결 (환경설정 > 저장소): the address, then the certificate as the server shows it. A
 * self-signed one is joined only after the person ticks that its fingerprint is the one their
 * administrator gave them; the choice applies at the next start, where the server's sign-in page opens.
 */
export function NewsroomConnect({ client }: { client: BylineClient }) {
  const t = useT();
  const [connection, setConnection] = useState<NewsroomConnection | null>(null);
  const [origin, setOrigin] = useState('');
  const [certificate, setCertificate] = useState<NewsroomCertificate | 'inspecting' | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    client.call('newsroom.connection', {}).then(
      (c) => (setConnection(c), setOrigin(c.saved?.origin ?? c.running ?? '')),
      (err: Error) => setProblem(err.message),
    );
  }, [client]);

  const attempt = async (work: () => Promise<void>) => {
    setProblem(null);
    try {
      await work();
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  const inspect = () =>
    attempt(async () => {
      setCertificate('inspecting');
      setConfirmed(false);
      try {
        setCertificate(await client.call('newsroom.inspect', { origin }));
      } catch (err) {
        setCertificate(null);
        throw err;
      }
    });
  const shown = certificate && certificate !== 'inspecting' ? certificate : null;
  const connect = () =>
    attempt(async () => {
      if (!shown) return;
      setConnection(await client.call('newsroom.connect', { origin: shown.origin, ...(shown.trusted ? {} : { fingerprint: shown.fingerprint }) }));
      setCertificate(null);
    });
  const disconnect = () => attempt(async () => setConnection(await client.call('newsroom.disconnect', {})));

  return (
    <section className="newsroom-connect" aria-labelledby="newsroom-connect-title" data-testid="newsroom-connect">
      <h3 id="newsroom-connect-title" className="newsroom-connect__title">
        {t('newsroom_title')}
      </h3>
      <p className="field__hint">{t('newsroom_intro')}</p>
      {connection?.running && (
        <p className="field__hint" data-testid="newsroom-running">
          {t('newsroom_running').replace('{origin}', () => connection.running ?? '')}
        </p>
      )}
      {connection?.restartPending && (
        <p className="field__hint field__hint--warn" role="status" data-testid="newsroom-pending">
          {connection.saved ? t('newsroom_saved').replace('{origin}', () => connection.saved?.origin ?? '') : t('newsroom_savedLeave')}
        </p>
      )}
      <label className="field">
        <span className="field__label">{t('newsroom_origin')}</span>
        <input
          type="url"
          value={origin}
          maxLength={300}
          spellCheck={false}
          autoComplete="url"
          placeholder="https://"
          aria-describedby="newsroom-origin-hint"
          onChange={(e) => (setOrigin(e.target.value), setCertificate(null))}
          onKeyDown={(e) => {
            // Enter checks the certificate here; it must not submit the settings form around this section.
            if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
            e.preventDefault();
            void inspect();
          }}
          data-testid="newsroom-origin"
        />
        <span className="field__hint" id="newsroom-origin-hint">
          {t('newsroom_originHint')}
        </span>
      </label>
      {certificate === 'inspecting' && <p className="field__hint">{t('newsroom_inspecting')}</p>}
      {shown && (
        <div className="newsroom-connect__certificate" data-testid="newsroom-certificate">
          <p className={shown.trusted ? 'field__hint' : 'field__hint field__hint--warn'}>{t(shown.trusted ? 'newsroom_trusted' : 'newsroom_untrusted')}</p>
          <dl>
            <dt>{t('newsroom_fingerprint')}</dt>
            <dd>
              <code data-testid="newsroom-fingerprint">{shown.fingerprint}</code>
            </dd>
            <dt>{t('newsroom_subject')}</dt>
            <dd>{shown.subject.replace(/\n/g, ', ')}</dd>
            <dt>{t('newsroom_validTo')}</dt>
            <dd>{shown.validTo}</dd>
          </dl>
          {!shown.trusted && (
            <label className="field field--inline">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="newsroom-confirm" />
              <span>{t('newsroom_confirm')}</span>
            </label>
          )}
        </div>
      )}
      {problem && (
        <p className="dialog__error" role="alert" data-testid="newsroom-problem">
          {problem}
        </p>
      )}
      <div className="photo-block__actions">
        <button
          type="button"
          className="button button--small"
          disabled={!origin.trim() || certificate === 'inspecting'}
          onClick={() => void inspect()}
          data-testid="newsroom-inspect"
        >
          {t('newsroom_inspect')}
        </button>
        {shown && (
          <button
            type="button"
            className="button button--small button--primary"
            disabled={!shown.trusted && !confirmed}
            onClick={() => void connect()}
            data-testid="newsroom-join"
          >
            {t('newsroom_connect')}
          </button>
        )}
        {(connection?.saved || connection?.running) && (
          <button type="button" className="button button--small" onClick={() => void disconnect()} data-testid="newsroom-leave">
            {t('newsroom_disconnect')}
          </button>
        )}
      </div>
    </section>
  );
}
