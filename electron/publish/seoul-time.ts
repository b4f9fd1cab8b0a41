/*
 * The newsroom's clock for what readers and portals see: Asia/Seoul. Worked out through Intl rather
 * than by adding nine hours, so the offset written is the zone's own for that instant.
 */

export const NEWSROOM_TIME_ZONE = 'Asia/Seoul';

const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: NEWSROOM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

function seoulParts(iso: string): Record<string, string> {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: ${iso.slice(0, 40)}`);
  return Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "2026.12.07 13:19", as Korean portals print a story's 입력 and 수정 times. */
export function portalDate(iso: string): string {
  const p = seoulParts(iso);
  return `${p.year}.${p.month}.${p.day} ${p.hour}:${p.minute}`;
}

/** "2026-12-07T13:19:05+09:00": ISO 8601 with the newsroom's offset, for JSON-LD, Open Graph and the news sitemap. */
export function seoulIso(iso: string): string {
  const p = seoulParts(iso);
  // longOffset says "GMT+09:00", or "GMT" for a zero offset.
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName!.replace('GMT', '');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}
