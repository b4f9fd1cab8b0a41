/**
 * Sandboxed preload: exposes `window.byline`, one function per contract method, and
 * `window.bylineEvents`, a subscription per contract event, and nothing else. The renderer never sees
 * ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { METHODS, channelOf, type BylineBridge } from '../../shared/contract';
import { eventChannelOf, isEventName, type BylineEventsBridge } from '../../shared/contract-events';

const bridge = Object.fromEntries(
  METHODS.map((method) => [method, (input: unknown, context?: unknown) => ipcRenderer.invoke(channelOf(method), input, context)]),
) as BylineBridge;

const eventsBridge: BylineEventsBridge = {
  subscribe(name, listener) {
    if (!isEventName(name)) throw new Error(`unknown event: ${String(name)}`);
    const channel = eventChannelOf(name);
    // The page gets the payload only, never Electron's event object (it carries the sender).
    const relay = (_event: IpcRendererEvent, payload: unknown) => (listener as (p: unknown) => void)(payload);
    ipcRenderer.on(channel, relay);
    return () => void ipcRenderer.removeListener(channel, relay);
  },
};

contextBridge.exposeInMainWorld('byline', bridge);
contextBridge.exposeInMainWorld('bylineEvents', eventsBridge);
