import { z } from 'zod';
import { ProfileId } from './profiles';

/**
 * Who makes a contract call. It travels beside the input, never inside it: no contract schema names an
 * actor, so no request can claim to be someone. The host fills it in —
 * - the newsroom server from the signed-in session (electron/server/contract-call.ts), and nothing else;
 * - a single workstation (`npm run web` / `npm start`, no sign-in) from the profile picked in the window,
 *   sent as the `X-Byline-Actor` header or the preload's second argument.
 * Without an actor a window may only read and draft stories nobody owns yet. The client's network address
 * (for the audit log) is the newsroom server's alone to fill in, from the socket or its named proxy; a
 * window never names one (electron/glue/ipc.ts refuses it, web mode's server sends only the actor).
 */
export const CallContext = z.strictObject({ actorId: ProfileId.optional(), address: z.string().max(100).optional() });
export type CallContext = z.infer<typeof CallContext>;

/** The header a single workstation's browser window names its picked profile in; the newsroom server refuses it. */
export const ACTOR_HEADER = 'x-byline-actor';
