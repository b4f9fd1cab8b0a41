import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import { AppError } from '../../shared/errors';

/*
 * How a workstation trusts its newsroom server. A certificate from a public authority (checked against
 * the trusted roots, host name included) just works. A newsroom's own, self-signed certificate cannot be
 * checked that way: its SHA-256 fingerprint is shown once for the person to compare with what the
 * newsroom's administrator gave them, and from then on only that certificate is accepted (pinned), so a
 * machine between the workstation and the server cannot stand in for it.
 */

/** What a server shows at the first connection. */
export interface ServerCertificate {
  /** SHA-256 of the certificate, as openssl and browsers print it (AB:CD:…). */
  fingerprint: string;
  /** Whether the trusted roots vouch for it (and for the host name): then no pin is needed. */
  trusted: boolean;
  subject: string;
  validTo: string;
}

/** Trusted roots other than the system's (a newsroom's own authority; tests). */
export interface TrustOptions {
  ca?: string | Buffer;
  /** The fingerprint the person confirmed; accepted even when the roots do not vouch for it. */
  pin?: string;
}

export const sameFingerprint = (a: string, b: string): boolean => a.replace(/:/g, '').toUpperCase() === b.replace(/:/g, '').toUpperCase();

function fingerprintOf(socket: TLSSocket): string {
  const cert = socket.getPeerX509Certificate();
  if (!cert) throw new AppError('FORBIDDEN', '뉴스룸 서버가 인증서를 보내지 않았습니다. 주소가 https://로 시작하는 뉴스룸 서버인지 확인하세요.');
  return cert.fingerprint256;
}

/**
 * Why a connection's certificate is refused, or undefined when it is accepted: trusted by the roots
 * (and nothing pinned), or exactly the pinned one. A pinned certificate is the only one accepted, even
 * one the roots would vouch for: a changed certificate is something the person must see.
 */
export function refusalOf(socket: TLSSocket, pin: string | undefined): AppError | undefined {
  const fingerprint = fingerprintOf(socket);
  if (pin !== undefined) {
    if (sameFingerprint(fingerprint, pin)) return undefined;
    return new AppError(
      'FORBIDDEN',
      `뉴스룸 서버의 인증서가 바뀌었습니다. 확인했던 지문은 ${pin}, 지금 서버가 보낸 지문은 ${fingerprint}입니다. ` +
        '서버 관리자가 인증서를 바꾸었다고 알려 주지 않았다면 누군가 연결을 가로채고 있을 수 있으니 연결하지 마세요. ' +
        '관리자에게 새 지문을 받아 같을 때만 다시 확인하세요.',
      { certificate: 'changed', fingerprint, pinned: pin },
    );
  }
  if (socket.authorized) return undefined;
  return new AppError(
    'FORBIDDEN',
    `이 뉴스룸 서버의 인증서는 공인 인증기관이 보증하지 않습니다. 인증서 지문(SHA-256) ${fingerprint}이 서버 관리자가 알려 준 지문과 같은지 확인한 뒤 연결하세요.`,
    { certificate: 'unconfirmed', fingerprint },
  );
}

/** The certificate a server shows, without trusting it: what the confirmation step displays. */
export function inspectCertificate(origin: string, trust: TrustOptions = {}): Promise<ServerCertificate> {
  const url = new URL(origin);
  if (url.protocol !== 'https:') return Promise.reject(new AppError('VALIDATION', '뉴스룸 서버 주소는 https://로 시작해야 합니다.'));
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 443),
      servername: /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname,
      ca: trust.ca,
      rejectUnauthorized: false,
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('timeout')));
    socket.once('secureConnect', () => {
      try {
        const cert = socket.getPeerX509Certificate();
        if (!cert) throw new AppError('FORBIDDEN', '뉴스룸 서버가 인증서를 보내지 않았습니다.');
        resolve({ fingerprint: cert.fingerprint256, trusted: socket.authorized, subject: cert.subject, validTo: cert.validTo });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      } finally {
        socket.end();
      }
    });
    socket.once('error', () => reject(new AppError('STORAGE', `뉴스룸 서버(${url.host})에 연결할 수 없습니다. 주소와 네트워크를 확인하세요.`)));
  });
}

/**
 * An undici connector that lets a TLS connection through only when refusalOf accepts its certificate,
 * checked on every new connection (a pool reconnects after the server restarts with another one).
 */
export function pinnedConnector(trust: TrustOptions): buildConnector.connector {
  // No TLS session resumption: a resumed session shows no certificate, and each connection must show
  // the one confirmed.
  const connect = buildConnector({ ca: trust.ca, rejectUnauthorized: false, maxCachedSessions: 0 });
  return (options, callback) =>
    connect(options, (err, socket) => {
      if (err) return callback(err, null);
      const tls = socket as TLSSocket;
      let refusal: AppError | undefined;
      try {
        refusal = refusalOf(tls, trust.pin);
      } catch (e) {
        refusal = e instanceof AppError ? e : new AppError('FORBIDDEN', String(e));
      }
      if (!refusal) return callback(null, socket);
      tls.destroy();
      callback(refusal, null);
    });
}
