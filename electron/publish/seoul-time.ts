import { DEFAULT_TIME_ZONE, formatNewsroomIso, formatNewsroomTime } from '../../shared/newsroom-time';

/*
 * The clock of what readers and portals see, from shared/newsroom-time.ts (one implementation for the
 * screens and the outputs). Outputs use Asia/Seoul; the newsroom's own zone setting does not reach the
 * publish path yet.
 */
export const NEWSROOM_TIME_ZONE = DEFAULT_TIME_ZONE;

/** "2026.12.07 13:19", as Korean portals print a story's 입력 and 수정 times. */
export function portalDate(iso: string): string {
  if (Number.isNaN(new Date(iso).getTime())) throw new RangeError(`not a time: ${iso.slice(0, 40)}`);
  return formatNewsroomTime(iso, NEWSROOM_TIME_ZONE);
}

/** "2026-12-07T13:19:05+09:00", for JSON-LD, Open Graph and the news sitemap. */
export function seoulIso(iso: string): string {
  return formatNewsroomIso(iso, NEWSROOM_TIME_ZONE);
}
