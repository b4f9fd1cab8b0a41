import { BrowserWindow } from 'electron';
import { eventChannelOf } from '../../shared/contract-events';
import type { EventBus } from '../api/event-bus';
import { originOf } from './protocol';

/** Just what forwarding needs of a window: where its page is from, and a way to send to it. */
export interface EventTarget {
  isDestroyed(): boolean;
  webContents: { getURL(): string; send(channel: string, payload: unknown): void };
}

/**
 * Sends every contract event to each window whose page is the app's own: a window that navigated
 * elsewhere (it cannot, see window.ts, but the check costs nothing) hears nothing.
 */
export function forwardEvents(
  bus: EventBus,
  trustedOrigins: readonly string[],
  windows: () => readonly EventTarget[] = () => BrowserWindow.getAllWindows(),
): () => void {
  return bus.listen((name, payload) => {
    for (const win of windows()) {
      if (win.isDestroyed()) continue;
      const origin = originOf(win.webContents.getURL());
      if (origin !== undefined && trustedOrigins.includes(origin)) win.webContents.send(eventChannelOf(name), payload);
    }
  });
}
