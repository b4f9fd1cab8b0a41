import { AppError } from '../../shared/errors';

/** Bounds every converter keeps, so a hostile file costs a refusal, not the machine. */
export const LIMITS = {
  zipEntries: 2_000,
  /** Uncompressed total of a DOCX or HWPX (text XML plus photos). */
  zipTotalBytes: 200 * 1024 * 1024,
  /** One entry's uncompressed size. */
  zipEntryBytes: 100 * 1024 * 1024,
  /** Compression ratio above which an entry is treated as a bomb (text XML compresses ~10:1, not 1000:1). */
  zipRatio: 200,
  pdfPages: 300,
  images: 100,
  /** Paragraphs of an HWP 5 file, cells' and text boxes' included, and its BodyText sections. */
  hwpParagraphs: 200_000,
  hwpSections: 200,
  /** Characters of text a release may carry. */
  textChars: 2_000_000,
} as const;

export function refuse(message: string): AppError {
  return new AppError('VALIDATION', message);
}
