import { z } from 'zod';
import { Role } from './profiles';

/**
 * Who a newsroom server's session belongs to, as GET /auth/me answers it: to a browser on the server, and
 * to a workstation that relays the same answer to its own windows.
 */
export const SignedInPerson = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(100),
  login: z.string().max(64),
  role: Role,
  sections: z.array(z.string().max(100)).max(200),
  admin: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type SignedInPerson = z.infer<typeof SignedInPerson>;
