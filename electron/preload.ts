/**
 * Sandboxed preload: exposes `window.byline`, one function per contract method, and nothing else.
 * The renderer never sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHODS, channelOf, type BylineBridge } from '../shared/contract';

const bridge = Object.fromEntries(
  METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(channelOf(method), input)]),
) as BylineBridge;

contextBridge.exposeInMainWorld('byline', bridge);
