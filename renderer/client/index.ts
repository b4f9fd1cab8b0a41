import type { BylineBridge } from '../../shared/contract';
import type { BylineEventsBridge } from '../../shared/contract-events';
import type { BylineClient } from './client';
import { createElectronClient } from './electron-client';
import { createWebClient } from './web-client';

declare global {
  interface Window {
    byline?: BylineBridge;
    bylineEvents?: BylineEventsBridge;
  }
}

/** Picks the host: the desktop preload bridge if present, otherwise web mode over HTTP. */
export function createClient(): BylineClient {
  return window.byline && window.bylineEvents ? createElectronClient(window.byline, window.bylineEvents) : createWebClient();
}

export { ClientError, type BylineClient } from './client';
