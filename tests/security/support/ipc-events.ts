import type { isTrustedSender } from '../../../electron/glue/ipc';

/** Electron's IpcMainInvokeEvent, named through the glue (only the glue may import 'electron'). */
type IpcMainInvokeEvent = Parameters<typeof isTrustedSender>[0];

/** The page Electron loads in production (electron/glue/main.ts). */
export const TRUSTED_URL = 'app://byline/index.html';

/** An invoke event as ipcMain hands it to a handler; only `senderFrame.url` is read by the glue. */
export function senderEvent(url: string | undefined): IpcMainInvokeEvent {
  return { senderFrame: { url } } as unknown as IpcMainInvokeEvent;
}

/** Senders that must get FORBIDDEN: foreign pages, lookalike origins, and frames Electron could not describe. */
export const UNTRUSTED_SENDERS: ReadonlyArray<[string, unknown]> = [
  ['no senderFrame', {}],
  ['senderFrame null (frame gone)', { senderFrame: null }],
  ['url undefined (Playwright)', senderEvent(undefined)],
  ['url empty', senderEvent('')],
  ['url not a URL', senderEvent('index.html')],
  ['https page', senderEvent('https://evil.example/index.html')],
  ['web mode origin', senderEvent('http://127.0.0.1:4717/')],
  ['dev server when not configured', senderEvent('http://localhost:5173/')],
  ['file://', senderEvent('file:///opt/byline/resources/app/index.html')],
  ['data:', senderEvent('data:text/html,<script>byline.settings.get({})</script>')],
  ['about:blank', senderEvent('about:blank')],
  ['javascript:', senderEvent('javascript:alert(1)')],
  ['other app:// host', senderEvent('app://evil/index.html')],
  ['lookalike app:// host', senderEvent('app://byline.evil.example/index.html')],
  ['app:// with credentials', senderEvent('app://byline@evil.example/index.html')],
  [
    'senderFrame getter throws (frame destroyed)',
    Object.defineProperty({}, 'senderFrame', {
      get: () => {
        throw new Error('Render frame was disposed');
      },
    }),
  ],
];
