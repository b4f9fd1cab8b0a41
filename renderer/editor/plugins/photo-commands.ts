import { createCommand, type LexicalCommand } from 'lexical';
import type { PhotoRef } from '../../../shared/media';

/** Puts photos into the body where the caret is (or after the block it is in). */
export const INSERT_PHOTOS_COMMAND: LexicalCommand<PhotoRef[]> = createCommand('BYLINE_INSERT_PHOTOS');
/** Puts a gallery holding these photos (possibly none yet) into the body. */
export const INSERT_GALLERY_COMMAND: LexicalCommand<PhotoRef[]> = createCommand('BYLINE_INSERT_GALLERY');
