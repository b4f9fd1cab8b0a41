/** Interface words, Korean first. English keeps the same keys, so a missing one is a type error. */
import { en } from './strings-en';
import { ko, type StringKey } from './strings-ko';

export { en, ko };

export type { StringKey };
