import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notification } from '../../../shared/contract-notifications';
import type { BylineClient } from '../../client/client';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import type { StringKey } from '../../i18n/strings';
import { desktopWanted, setDesktopWanted, showDesktop } from './desktop-notify';
import { useNotifications } from './useNotifications';
import './notifications.css';

/** Where a notice leads: the comment's thread in the review screen, or the story (a return's reason shows on it). */
export type NotificationTarget = { articleId: string; place: 'story' | 'comments' };

function targetOf(n: Notification): NotificationTarget {
  return { articleId: n.articleId, place: n.kind === 'commented' || n.kind === 'mentioned' ? 'comments' : 'story' };
}

function what(t: Translate, n: Notification): string {
  return t(`notify_kind_${n.kind}` as StringKey).replace('{who}', n.by.name);
}

function BellIcon() {
  return (
    <svg className="notify__icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a.7.7 0 0 0 .6 1h14.2a.7.7 0 0 0 .6-1L18 12.6V9a6 6 0 0 0-6-6Zm-2.2 15.5a2.3 2.3 0 0 0 4.4 0Z"
        fill="currentColor"
      />
    </svg>
  );
}

/** 알림: the bell with the unread count, and the panel it opens (the person's inbox, newest first). */
export function NotificationBell({
  client,
  personId,
  onOpen,
}: {
  client: BylineClient;
  personId: string | null;
  onOpen: (target: NotificationTarget) => void;
}) {
  const t = useT();
  const time = useNewsroomTime();
  const [open, setOpen] = useState(false);
  // Read from this browser's storage at each render; bumped so a switch shows at once.
  const [, setDesktopChanged] = useState(0);
  const desktop = personId ? desktopWanted(personId) : false;
  const [desktopNote, setDesktopNote] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const bell = useRef<HTMLButtonElement>(null);

  const arrived = useCallback(
    (n: Notification) => {
      if (personId)
        showDesktop(personId, { title: what(t, n), body: [n.headline || t('untitled'), n.text].filter(Boolean).join('\n') }, () => onOpen(targetOf(n)));
    },
    [onOpen, personId, t],
  );
  const inbox = useNotifications(client, personId, arrived);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        bell.current?.focus();
      }
    };
    const onDown = (e: MouseEvent) => {
      if (!panel.current?.contains(e.target as Node) && !bell.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [open]);

  const choose = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await inbox.read(n.id).catch(() => undefined);
    onOpen(targetOf(n));
  };

  const switchDesktop = async (on: boolean) => {
    if (!personId) return;
    const answer = await setDesktopWanted(personId, on);
    setDesktopChanged((n) => n + 1);
    setDesktopNote(answer === 'denied' ? t('notify_desktopDenied') : answer === 'unsupported' ? t('notify_desktopUnsupported') : null);
  };

  const label = t('notify_bell').replace('{n}', String(inbox.unread));
  return (
    <div className="notify">
      <button
        ref={bell}
        type="button"
        className="button notify__bell"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onClick={() => setOpen((o) => !o)}
        data-testid="notify-bell"
      >
        <BellIcon /> {t('notify_title')}
        {inbox.unread > 0 && (
          <span className="notify__count" data-testid="notify-count">
            {inbox.unread > 99 ? '99+' : inbox.unread}
          </span>
        )}
      </button>
      {open && (
        <div ref={panel} className="notify__panel" role="dialog" aria-label={t('notify_title')} data-testid="notify-panel">
          <div className="notify__head">
            <h2>{t('notify_title')}</h2>
            <button
              type="button"
              className="button button--small"
              disabled={inbox.unread === 0}
              onClick={() => void inbox.readAll()}
              data-testid="notify-read-all"
            >
              {t('notify_readAll')}
            </button>
          </div>
          {!personId && <p className="notify__empty">{t('notify_pickProfile')}</p>}
          {inbox.problem && (
            <p className="notify__problem" role="alert">
              {inbox.problem}
            </p>
          )}
          {personId && inbox.items.length === 0 && !inbox.problem && <p className="notify__empty">{t('notify_empty')}</p>}
          <ul className="notify__list">
            {inbox.items.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className={n.readAt ? 'notify__item' : 'notify__item notify__item--unread'}
                  onClick={() => void choose(n)}
                  data-testid="notify-item"
                  data-kind={n.kind}
                >
                  <span className="notify__what">{what(t, n)}</span>
                  <span className="notify__headline">{n.headline || t('untitled')}</span>
                  {n.text && <span className="notify__text">{n.text}</span>}
                  <time className="notify__time" dateTime={n.createdAt}>
                    {time.format(n.createdAt)}
                  </time>
                </button>
              </li>
            ))}
          </ul>
          {inbox.more && (
            <button type="button" className="button button--small button--quiet" onClick={() => void inbox.loadMore()}>
              {t('notify_more')}
            </button>
          )}
          <label className="notify__desktop">
            <input type="checkbox" checked={desktop} disabled={!personId} onChange={(e) => void switchDesktop(e.target.checked)} data-testid="notify-desktop" />
            <span>{t('notify_desktop')}</span>
          </label>
          {desktopNote && <p className="notify__problem">{desktopNote}</p>}
        </div>
      )}
    </div>
  );
}
