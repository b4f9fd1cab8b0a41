/** What the page and the spelling worker say to each other; one request gets one reply with its id. */
import type { SpellFinding } from '../../shared/spelling-types';

export type SpellRequest = { id: number; type: 'accept'; words: string[] } | { id: number; type: 'check'; text: string };

export type SpellReply = { id: number; ok: true; findings?: SpellFinding[] } | { id: number; ok: false; error: string };
