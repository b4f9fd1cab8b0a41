import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, buildConnector } from 'undici';
import { AppError } from '../../shared/errors';
import { isRefusedAddress, isRefusedHost, LINK_LOCAL_MESSAGE } from '../../shared/link-local';

/*
 * The CMS clients' requests go out only to addresses a target may be (shared/link-local.ts), checked
 * where the connection is made: a target's name may resolve to 169.254.169.254 or fe80::… although its
 * URL passed the contract, or resolve differently between the check and the connection (DNS
 * rebinding). The check sits in the lookup the socket itself uses, so the address refused is the
 * address that would have been connected to; an IP literal (which skips lookup) is checked by name.
 */

/** A connection refused before it was made, carried as the cause of fetch's "fetch failed". */
export class RefusedAddressError extends Error {
  constructor(readonly host: string) {
    super(`refused link-local or metadata address for ${host}`);
    this.name = 'RefusedAddressError';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/** How names are resolved: the system's resolver (getaddrinfo, as every socket uses), every address at once. */
export type Resolve = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A connection pool whose sockets resolve names through `resolve` and refuse to connect when any address is refused. */
export function guardedAgent(resolve: Resolve = dns.lookup): Agent {
  const lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      // Any one refused address refuses the name: the socket may try them all.
      if (addresses.some((a) => isRefusedAddress(a.address))) return callback(new RefusedAddressError(hostname), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
  const connectGuarded = buildConnector({ lookup } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (options, callback) => {
    if (isRefusedHost(options.hostname)) return callback(new RefusedAddressError(options.hostname), null);
    connectGuarded(options, callback);
  };
  return new Agent({ connect });
}

/** One pool for every CMS request in this process: keep-alive connections are reused as fetch's own would be. */
const cmsAgent = guardedAgent();

function refused(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) if (e instanceof RefusedAddressError) return true;
  return false;
}

/**
 * fetch for a CMS request, through the guarded connections. A refused address is an AppError (FORBIDDEN)
 * with a Korean message, which the clients pass on as it is and never retry.
 */
export async function cmsFetch(url: string, init: RequestInit, agent: Agent = cmsAgent): Promise<Response> {
  if (isRefusedHost(new URL(url).hostname)) throw new AppError('FORBIDDEN', LINK_LOCAL_MESSAGE);
  try {
    return await fetch(url, { ...init, dispatcher: agent } as RequestInit);
  } catch (err) {
    if (refused(err)) throw new AppError('FORBIDDEN', LINK_LOCAL_MESSAGE);
    throw err;
  }
}
