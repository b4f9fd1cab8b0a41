import { z } from 'zod';

/** The newsroom server's address as the administrator gives it: https only, so passwords never travel in clear. */
export const NewsroomOrigin = z
  .string()
  .trim()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, '뉴스룸 서버 주소는 https://로 시작하는 주소여야 합니다 (예: https://byline.newsroom.kr:8443)')
  .transform((value) => new URL(value).origin);

/** SHA-256 as openssl and browsers print it (AB:CD:…), or without the colons. */
export const Fingerprint = z
  .string()
  .trim()
  .regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$|^[0-9A-Fa-f]{64}$/, '인증서 지문은 SHA-256 지문(AB:CD:… 32바이트)이어야 합니다');

/** What the server shows at the first connection, for the person to compare with what the administrator gave them. */
export const NewsroomCertificate = z.object({
  origin: z.string(),
  fingerprint: z.string(),
  /** Vouched for by a public authority (and the host name): nothing to confirm. */
  trusted: z.boolean(),
  subject: z.string(),
  validTo: z.string(),
});
export type NewsroomCertificate = z.infer<typeof NewsroomCertificate>;

export const NewsroomConnection = z.object({
  /** The server this workstation opens at its next start; null: this computer's own storage. */
  saved: z.object({ origin: z.string(), fingerprint: z.string().nullable() }).nullable(),
  /** The server this run talks to; null when it runs on this computer's storage. */
  running: z.string().nullable(),
  /** The saved choice differs from the running one: it applies when Byline starts again. */
  restartPending: z.boolean(),
});
export type NewsroomConnection = z.infer<typeof NewsroomConnection>;

/**
 * 뉴스룸 서버에 연결 (환경설정 > 저장소): this workstation's own choice, answered by the workstation itself
 * and never forwarded to a server. A self-signed certificate is confirmed by its fingerprint and pinned.
 */
export const newsroomMethods = {
  'newsroom.connection': { input: z.strictObject({}), output: NewsroomConnection },
  /** Reaches the server and shows its certificate; nothing is saved or sent but the TLS greeting. */
  'newsroom.inspect': { input: z.strictObject({ origin: NewsroomOrigin }), output: NewsroomCertificate },
  /**
   * Saves the server for the next start. A certificate that no public authority vouches for needs the
   * fingerprint the person confirmed, and it must be the one the server shows now.
   */
  'newsroom.connect': { input: z.strictObject({ origin: NewsroomOrigin, fingerprint: Fingerprint.optional() }), output: NewsroomConnection },
  /** Back to this computer's own storage at the next start; the stories on the server stay there. */
  'newsroom.disconnect': { input: z.strictObject({}), output: NewsroomConnection },
} as const;
