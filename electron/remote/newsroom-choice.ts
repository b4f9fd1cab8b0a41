import { readFileSync } from 'node:fs';
import type { TrustOptions } from './certificate-pin';

/** A workstation's newsroom server: its address and how its certificate is trusted. */
export interface NewsroomChoice {
  origin: string;
  trust: TrustOptions;
}

/**
 * The newsroom server named for this run: BYLINE_NEWSROOM_URL (https://…), with the certificate's confirmed
 * SHA-256 fingerprint in BYLINE_NEWSROOM_FINGERPRINT for a self-signed one, or the newsroom's own
 * authority in BYLINE_NEWSROOM_CA (a PEM file). Without the address: no newsroom server.
 */
export function newsroomFromEnv(env: NodeJS.ProcessEnv = process.env): NewsroomChoice | undefined {
  const origin = env.BYLINE_NEWSROOM_URL?.trim();
  if (!origin) return undefined;
  const pin = env.BYLINE_NEWSROOM_FINGERPRINT?.trim();
  const caFile = env.BYLINE_NEWSROOM_CA?.trim();
  return { origin, trust: { ...(pin ? { pin } : {}), ...(caFile ? { ca: readFileSync(caFile) } : {}) } };
}
