import type { PhotoRef } from '../../../shared/media';
import type { StringKey } from '../../i18n/strings';

/** The problems a desk would send a photo back for; alt text is a warning, the rest block submission. */
export function missingText(ref: PhotoRef): { blocking: StringKey[]; warnings: StringKey[] } {
  const blocking: StringKey[] = [];
  if (!ref.caption.trim()) blocking.push('photoMissingCaption');
  if (!ref.credit.trim()) blocking.push('photoMissingCredit');
  return { blocking, warnings: ref.alt.trim() ? [] : ['photoMissingAlt'] };
}
