import sharp from 'sharp';
import type { GpsPosition } from './metadata';
import { UNTRUSTED_INPUT } from './renditions';
import { xmpPacket, type XmpFields } from './xmp';

export interface ExportOptions {
  /** The library's texts for the photo (or a story's own caption and credit for it). */
  fields: XmpFields;
  /** The position the original carried; written only when `keepGps`. */
  gps: GpsPosition | null;
  keepGps: boolean;
  /** Narrower than the original when a CMS wants a web size; never wider. */
  maxWidth?: number;
}

/** "37/1 33/1 1234/100": degrees, minutes and seconds as EXIF rationals. */
function dms(value: number): string {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const centiseconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 100);
  return `${degrees}/1 ${minutes}/1 ${centiseconds}/100`;
}

/**
 * A photo as it leaves Byline (a CMS upload, an HTML bundle): upright JPEG, with the caption, credit,
 * creator and copyright the library holds and nothing else the camera wrote. The original's EXIF (GPS,
 * camera serial number, owner name, maker notes) stays behind; the GPS position goes along only when
 * the newsroom's settings keep it.
 */
export async function exportJpeg(original: Uint8Array, options: ExportOptions): Promise<Buffer> {
  let image = sharp(original, UNTRUSTED_INPUT).autoOrient();
  if (options.maxWidth) image = image.resize({ width: options.maxWidth, withoutEnlargement: true });
  image = image.jpeg({ quality: 90 }).withXmp(xmpPacket(options.fields));
  if (options.keepGps && options.gps) {
    const { latitude, longitude, altitude } = options.gps;
    image = image.withExif({
      IFD3: {
        GPSLatitudeRef: latitude < 0 ? 'S' : 'N',
        GPSLatitude: dms(latitude),
        GPSLongitudeRef: longitude < 0 ? 'W' : 'E',
        GPSLongitude: dms(longitude),
        ...(altitude === undefined ? {} : { GPSAltitudeRef: altitude < 0 ? '1' : '0', GPSAltitude: `${Math.round(Math.abs(altitude) * 100)}/100` }),
      },
    });
  }
  return image.toBuffer();
}
