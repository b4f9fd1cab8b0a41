import type { NewsroomCertificate, NewsroomConnection as Connection } from '../../shared/contract-newsroom';
import { AppError } from '../../shared/errors';
import { inspectCertificate, sameFingerprint, type ServerCertificate } from '../remote/certificate-pin';
import type { NewsroomFile } from '../remote/newsroom-file';

export interface NewsroomConnectionDeps {
  file: NewsroomFile;
  /** The server this run talks to; undefined on this computer's own storage. */
  running?: string;
  inspect?: (origin: string) => Promise<ServerCertificate>;
}

/**
 * 뉴스룸 서버에 연결: which newsroom server this workstation joins at its next start. The certificate is
 * looked at before anything is saved: a publicly trusted one needs nothing more; a self-signed one is
 * saved only with the fingerprint the person confirmed, and only if the server shows exactly that one now.
 */
export class NewsroomConnectionService {
  constructor(private readonly deps: NewsroomConnectionDeps) {}

  get(): Connection {
    const saved = this.deps.file.read() ?? null;
    const running = this.deps.running ?? null;
    return { saved, running, restartPending: (saved?.origin ?? null) !== running };
  }

  async inspect(origin: string): Promise<NewsroomCertificate> {
    const cert = await (this.deps.inspect ?? inspectCertificate)(origin);
    return { origin, ...cert };
  }

  async connect(input: { origin: string; fingerprint?: string }): Promise<Connection> {
    const shown = await this.inspect(input.origin);
    if (input.fingerprint === undefined) {
      if (!shown.trusted)
        throw new AppError(
          'VALIDATION',
          `이 뉴스룸 서버의 인증서는 공인 인증기관이 보증하지 않습니다. 지문(SHA-256) ${shown.fingerprint}이 서버 관리자가 알려 준 지문과 같은지 확인한 뒤 연결하세요.`,
          { fingerprint: shown.fingerprint },
        );
    } else if (!sameFingerprint(input.fingerprint, shown.fingerprint)) {
      throw new AppError(
        'VALIDATION',
        `확인한 지문과 서버가 지금 보낸 인증서의 지문(${shown.fingerprint})이 다릅니다. 관리자에게 받은 지문을 다시 확인하세요. 연결하지 않았습니다.`,
        { fingerprint: shown.fingerprint },
      );
    }
    this.deps.file.write({ origin: shown.origin, fingerprint: input.fingerprint === undefined ? null : shown.fingerprint });
    return this.get();
  }

  disconnect(): Connection {
    this.deps.file.remove();
    return this.get();
  }
}
