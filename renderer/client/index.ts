import type { BylineBridge } from '../../shared/contract';
import type { BylineClient } from './client';
import { createElectronClient } from './electron-client';
import { createWebClient } from './web-client';

declare global {
  interface Window {
    byline?: BylineBridge;
  }
}

/** Picks the host: the desktop preload bridge if present, otherwise web mode over HTTP. */
export function createClient(): BylineClient {
  return window.byline ? createElectronClient(window.byline) : createWebClient();
}

export { ClientError, type BylineClient } from './client';
