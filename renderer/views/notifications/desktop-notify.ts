/**
 * Desktop notifications for 알림, a personal choice kept per person on this computer: the browser's
 * Notification API, whose permission is asked only when the person switches this on. The Electron window
 * denies every permission request (glue/window.ts), so there the switch answers 'denied' until the glue
 * shows them through Electron's own Notification.
 */

const KEY = (personId: string) => `byline.notify.desktop.${personId}`;

export function desktopWanted(personId: string): boolean {
  try {
    return window.localStorage.getItem(KEY(personId)) === 'on';
  } catch {
    return false;
  }
}

export type DesktopAnswer = 'on' | 'off' | 'denied' | 'unsupported';

/** Switches desktop notifications on or off for `personId`; on asks the browser's permission first. */
export async function setDesktopWanted(personId: string, on: boolean): Promise<DesktopAnswer> {
  if (on) {
    if (typeof Notification === 'undefined') return 'unsupported';
    const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    if (permission !== 'granted') return 'denied';
  }
  try {
    if (on) window.localStorage.setItem(KEY(personId), 'on');
    else window.localStorage.removeItem(KEY(personId));
  } catch {
    return 'unsupported';
  }
  return on ? 'on' : 'off';
}

/** Shows one, if the person wants them; a click brings the window forward and runs `onClick`. */
export function showDesktop(personId: string, note: { title: string; body: string }, onClick: () => void): void {
  if (!desktopWanted(personId)) return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const shown = new Notification(note.title, { body: note.body, tag: 'byline-notification' });
  shown.onclick = () => {
    window.focus();
    onClick();
    shown.close();
  };
}
