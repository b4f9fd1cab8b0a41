/**
 * One newsroom time zone for every time the interface and the outputs show: a desk in Seoul and a
 * reporter abroad must read the same 10:00 for an embargo. Times are stored as UTC instants; only their
 * display and the embargo inputs use the zone. Written as Korean portals print times (2026.12.07 13:19),
 * whichever language the interface speaks.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string; timeZoneName: string };

const formats = new Map<string, Intl.DateTimeFormat>();

function partsIn(instant: Date, zone: string): Parts {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formats.set(zone, format);
  }
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(instant)) out[p.type] = p.value;
  return out as Parts;
}

/** 2026.12.07 13:19 in the newsroom's zone; an unreadable time is shown as it came. */
export function formatNewsroomTime(iso: string, zone = DEFAULT_TIME_ZONE): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = partsIn(d, zone);
  return `${p.year}.${p.month}.${p.day} ${p.hour}:${p.minute}`;
}

/** 2026.12.07 in the newsroom's zone. */
export function formatNewsroomDate(iso: string, zone = DEFAULT_TIME_ZONE): string {
  return formatNewsroomTime(iso, zone).slice(0, 10);
}

/** A stored instant as a datetime-local input shows it, in the newsroom's zone (not the browser's). */
export function toZonedInput(iso: string, zone = DEFAULT_TIME_ZONE): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = partsIn(d, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, zone: string): number {
  const p = partsIn(new Date(instant), zone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * A datetime-local value read as the newsroom's wall clock, as an ISO instant; undefined when it is not
 * one. The offset is taken twice, at the naive instant and again at the corrected one, so a time near a
 * daylight-saving change lands on the right side of it.
 */
export function fromZonedInput(local: string, zone = DEFAULT_TIME_ZONE): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(naive)) return undefined;
  let instant = naive - offsetAt(naive, zone) * 60_000;
  instant = naive - offsetAt(instant, zone) * 60_000;
  return new Date(instant).toISOString();
}

/**
 * "2026-12-07T13:19:05+09:00": ISO 8601 with the zone's own offset at that instant (worked out through
 * Intl, not by adding nine hours), for JSON-LD, Open Graph and the news sitemap.
 */
export function formatNewsroomIso(iso: string, zone = DEFAULT_TIME_ZONE): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a time: ${iso.slice(0, 40)}`);
  const p = partsIn(d, zone);
  // longOffset says "GMT+09:00", or "GMT" for a zero offset.
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.replace('GMT', '');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}
