import exifr from 'exifr';

/** Where a photo was taken, as its file says. Private: kept for the desk, never in a rendition or an export by default. */
export interface GpsPosition {
  latitude: number;
  longitude: number;
  altitude?: number;
}

/** What a photo's own file says about it (IPTC, XMP, EXIF), reduced to what the library keeps. */
export interface EmbeddedMetadata {
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
  headline: string;
  /** ISO time in UTC, or null when the file names none (or one that is not a date). */
  takenAt: string | null;
  gps: GpsPosition | null;
}

/** The contract's limits for these fields (shared/contract-media.ts): a pre-filled value must be one the user can save back. */
const LIMITS = { caption: 1_000, credit: 200, creator: 200, copyright: 300, headline: 300 } as const;

const EMPTY: EmbeddedMetadata = { caption: '', credit: '', creator: '', copyright: '', headline: '', takenAt: null, gps: null };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const eucKr = new TextDecoder('euc-kr', { fatal: true });

/**
 * exifr hands IPTC-IIM values over as Latin-1 strings. Photo desks write them in UTF-8 today, but older
 * Korean systems wrote EUC-KR (CP949); the bytes tell which: text that is valid UTF-8 is read as UTF-8.
 */
function decodeIptc(latin1: string): string {
  const bytes = Buffer.from(latin1, 'latin1');
  for (const decoder of [utf8, eucKr]) {
    try {
      return decoder.decode(bytes);
    } catch {
      // not this encoding; try the next
    }
  }
  return latin1;
}

/** One clean line of text: control characters out, runs of space collapsed, clipped to what the contract accepts. */
function clean(value: string, max: number): string {
  const text = value
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
  return [...text].slice(0, max).join('');
}

/** XMP text comes as a string, a {lang, value} alternative, or a list of either; x-default or Korean first. */
function xmpText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const texts = value.map((v) => ({ lang: (v as { lang?: string } | null)?.lang, text: xmpText(v) })).filter((t) => t.text);
    const preferred = texts.find((t) => t.lang === 'x-default') ?? texts.find((t) => t.lang?.startsWith('ko')) ?? texts[0];
    return texts.every((t) => t.lang === undefined) ? texts.map((t) => t.text).join(', ') : preferred?.text;
  }
  if (value && typeof value === 'object' && 'value' in value) return xmpText((value as { value: unknown }).value);
  return undefined;
}

function iptcText(value: unknown): string | undefined {
  if (typeof value === 'string') return decodeIptc(value);
  if (Array.isArray(value))
    return value
      .filter((v): v is string => typeof v === 'string')
      .map(decodeIptc)
      .join(', ');
  return undefined;
}

function first(max: number, ...candidates: Array<string | undefined>): string {
  for (const c of candidates) {
    const text = c === undefined ? '' : clean(c, max);
    if (text) return text;
  }
  return '';
}

function isoOrNull(date: Date): string | null {
  const t = date.getTime();
  // Cameras with an unset clock write 0000:00:00 or 1970; neither says when a news photo was taken.
  return Number.isFinite(t) && date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 2200 ? date.toISOString() : null;
}

/**
 * An EXIF date ("2026:01:15 10:30:00", revived by exifr as local time) with its offset tag if the
 * camera wrote one ("+09:00"); without one, the clock is taken to be this machine's, as cameras are
 * set to local time.
 */
function exifDate(value: unknown, offset: unknown): string | null {
  if (!(value instanceof Date)) return null;
  if (typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset)) {
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}T${pad(value.getHours())}:${pad(value.getMinutes())}:${pad(value.getSeconds())}`;
    return isoOrNull(new Date(`${local}${offset}`));
  }
  return isoOrNull(value);
}

/** XMP dates are ISO 8601, sometimes without a time or an offset. */
function xmpDate(value: unknown): string | null {
  const text = xmpText(value);
  if (!text || !/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  return isoOrNull(new Date(text));
}

/** IPTC 2:55 DateCreated "20260115" with 2:60 TimeCreated "103000+0900". */
function iptcDate(date: unknown, time: unknown): string | null {
  if (typeof date !== 'string' || !/^\d{8}$/.test(date)) return null;
  const d = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
  const t = typeof time === 'string' ? /^(\d{2})(\d{2})(\d{2})([+-]\d{2})(\d{2})$/.exec(time) : null;
  return isoOrNull(new Date(t ? `${d}T${t[1]}:${t[2]}:${t[3]}${t[4]}:${t[5]}` : `${d}T00:00:00`));
}

function gpsOf(gps: Record<string, unknown> | undefined): GpsPosition | null {
  const { latitude, longitude } = gps ?? {};
  if (typeof latitude !== 'number' || typeof longitude !== 'number' || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  const position: GpsPosition = { latitude, longitude };
  const altitude = gps?.GPSAltitude;
  if (typeof altitude === 'number' && Number.isFinite(altitude)) position.altitude = gps?.GPSAltitudeRef === 1 ? -altitude : altitude;
  return position;
}

type Block = Record<string, unknown> | undefined;

/**
 * Reads caption, credit, creator, copyright, date and GPS from the file's IPTC-IIM, XMP and EXIF, in
 * that order of trust (IPTC is what photo desks fill in; EXIF is what the camera wrote). A file with
 * damaged or no metadata reads as empty: metadata is a convenience, the photo itself is what matters.
 */
export async function readEmbeddedMetadata(bytes: Uint8Array): Promise<EmbeddedMetadata> {
  let out: Record<string, Block> | undefined;
  try {
    out = (await exifr.parse(bytes, {
      tiff: true,
      ifd0: {},
      exif: true,
      gps: true,
      xmp: true,
      iptc: true,
      ifd1: false,
      interop: false,
      icc: false,
      jfif: false,
      ihdr: false,
      makerNote: false,
      userComment: false,
      mergeOutput: false,
    })) as Record<string, Block> | undefined;
  } catch {
    return EMPTY;
  }
  if (!out) return EMPTY;
  const iptc = out.iptc ?? {};
  const ifd0 = out.ifd0 ?? {};
  const exif = out.exif ?? {};
  const dc = out.dc ?? {};
  const photoshop = out.photoshop ?? {};
  const xmp = out.xmp ?? {};
  return {
    caption: first(
      LIMITS.caption,
      iptcText(iptc.Caption),
      xmpText(dc.description),
      typeof ifd0.ImageDescription === 'string' ? ifd0.ImageDescription : undefined,
    ),
    credit: first(LIMITS.credit, iptcText(iptc.Credit), xmpText(photoshop.Credit), iptcText(iptc.Source), xmpText(photoshop.Source)),
    creator: first(LIMITS.creator, iptcText(iptc.Byline), xmpText(dc.creator), typeof ifd0.Artist === 'string' ? ifd0.Artist : undefined),
    copyright: first(LIMITS.copyright, iptcText(iptc.CopyrightNotice), xmpText(dc.rights), typeof ifd0.Copyright === 'string' ? ifd0.Copyright : undefined),
    headline: first(LIMITS.headline, iptcText(iptc.Headline), xmpText(photoshop.Headline)),
    takenAt:
      exifDate(exif.DateTimeOriginal, exif.OffsetTimeOriginal) ??
      xmpDate(photoshop.DateCreated) ??
      iptcDate(iptc.DateCreated, iptc.TimeCreated) ??
      xmpDate(xmp.CreateDate) ??
      exifDate(exif.CreateDate, exif.OffsetTimeDigitized),
    gps: gpsOf(out.gps),
  };
}
