import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleState } from '../../../shared/article';
import type { QueueItem } from '../../../shared/contract-workflow';
import type { Profile } from '../../../shared/profiles';
import { QUEUE_STATES, type DeskQueueName, type QueueSort } from '../../../shared/workflow';
import type { BylineClient } from '../../client';
import { useArticleChanges } from '../../client/useArticleChanges';
import { BatchPublishBar } from '../publish/BatchPublishBar';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import type { StringKey } from '../../i18n/strings';
import './desk.css';

interface Props {
  client: BylineClient;
  queue: Exclude<DeskQueueName, 'mine'>;
  actor: Profile | null;
  sections: readonly string[];
  refreshKey: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const PAGE = 200;
/** How often the time-dependent parts of a row (embargo countdowns) are redrawn. */
const CLOCK_MS = 30_000;
/** '' all sections, '*' the sections this desk editor covers, otherwise one section. */
type SectionFilter = string;

/**
 * 데스크 대기, 승인, 출고: a queue of the desk by section and state, in the order the desk works
 * (priority, filing time or embargo), with embargoes and locks shown. Keyboard: ↑/↓ (Home/End) move,
 * Enter opens.
 */
export function DeskQueue({ client, queue, actor, sections, refreshKey, selectedId, onSelect }: Props) {
  const t = useT();
  const when = useNewsroomTime().format;
  const [section, setSection] = useState<SectionFilter>(actor?.role === 'desk' ? '*' : '');
  const [state, setState] = useState<ArticleState | ''>('');
  const [sort, setSort] = useState<QueueSort>(queue === 'published' ? 'submitted' : 'priority');
  const [items, setItems] = useState<QueueItem[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [tick, setTick] = useState(0);
  // When the list was read: an embargo shown as still holding is one that held then.
  const [now, setNow] = useState(() => Date.now());
  const list = useRef<HTMLUListElement>(null);
  // 승인 queue, desk and editor-in-chief: stories ticked for 일괄 출고.
  const batchable = queue === 'approved' && actor !== null && actor.role !== 'reporter';
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const coveredOnly = section === '*' && actor !== null;
  const actorId = actor?.id;
  useEffect(() => {
    let stale = false;
    client
      .call('workflow.queue', {
        queue,
        sort,
        limit: PAGE,
        coveredOnly,
        ...(section && section !== '*' ? { section } : {}),
        ...(state ? { state } : {}),
      })
      .then(
        (page) => {
          if (stale) return;
          setItems(page.items);
          setTotal(page.total);
          setNow(Date.now());
          setError(null);
        },
        (err: Error) => !stale && setError(err.message),
      );
    return () => {
      stale = true;
    };
  }, [client, queue, sort, coveredOnly, actorId, section, state, refreshKey, tick]);

  // Another window's or workstation's filing, review, approval or publication shows here as it happens.
  useArticleChanges(client, () => setTick((n) => n + 1));
  // Embargoes lift with the clock alone: only the time shown moves, the server is not asked.
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => window.clearInterval(timer);
  }, []);

  const current = Math.min(active, Math.max(0, items.length - 1));
  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (items.length === 0) return;
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(items.length - 1, to)));
    };
    if (e.key === 'ArrowDown') move(current + 1);
    else if (e.key === 'ArrowUp') move(current - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (batchable && e.key === 'x') {
      e.preventDefault();
      toggle(items[current]!.id);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(items[current]!.id);
    }
  };

  return (
    <div className="desk-queue" data-testid={`desk-queue-${queue}`}>
      <div className="queue__filters desk-queue__filters">
        <select aria-label={t('section')} value={section} onChange={(e) => setSection(e.target.value)} data-testid="desk-queue-section">
          <option value="">{t('allSections')}</option>
          {actor && actor.role !== 'reporter' && <option value="*">{t('mySections')}</option>}
          {sections.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select aria-label={t('state')} value={state} onChange={(e) => setState(e.target.value as ArticleState | '')} data-testid="desk-queue-state">
          <option value="">{t('allStates')}</option>
          {QUEUE_STATES[queue].map((s) => (
            <option key={s} value={s}>
              {t(`state_${s}` as StringKey)}
            </option>
          ))}
        </select>
        <select aria-label={t('sortOrder')} value={sort} onChange={(e) => setSort(e.target.value as QueueSort)} data-testid="desk-queue-sort">
          <option value="priority">{t('sortPriority')}</option>
          <option value="submitted">{t('sortSubmitted')}</option>
          <option value="embargo">{t('sortEmbargo')}</option>
        </select>
      </div>
      {batchable && (
        <>
          <label className="batch-publish__all">
            <input
              type="checkbox"
              checked={items.length > 0 && items.every((i) => picked.has(i.id))}
              onChange={(e) => setPicked(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())}
              data-testid="batch-publish-all"
            />
            {t('batchPublishSelectAll')}
          </label>
          <BatchPublishBar client={client} selected={items.filter((i) => picked.has(i.id)).map((i) => i.id)} onClear={() => setPicked(new Set())} />
        </>
      )}
      {error && (
        <p className="queue__error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 && !error && <p className="queue__empty">{t('deskQueueEmpty')}</p>}
      <ul
        ref={list}
        className="desk-queue__list"
        role="listbox"
        tabIndex={0}
        aria-label={t(`queue_${queue}` as StringKey)}
        aria-activedescendant={items[current] ? `desk-row-${items[current].id}` : undefined}
        onKeyDown={onKey}
        data-testid="desk-queue-list"
      >
        {items.map((item, i) => {
          const embargoed = item.embargoAt !== null && new Date(item.embargoAt).getTime() > now;
          return (
            <li
              key={item.id}
              id={`desk-row-${item.id}`}
              role="option"
              data-index={i}
              aria-selected={i === current}
              aria-checked={batchable ? picked.has(item.id) : undefined}
              className={`desk-queue__row${i === current ? ' desk-queue__row--active' : ''}${item.id === selectedId ? ' desk-queue__row--open' : ''}`}
              onClick={() => {
                setActive(i);
                onSelect(item.id);
              }}
              data-testid="desk-queue-row"
            >
              <span className="queue__headline">
                {batchable && (
                  // A control inside an option is unreachable to a screen reader (axe nested-interactive): the
                  // option carries the pick as aria-checked and X toggles it; this box only shows it, for the mouse.
                  <span
                    className={`batch-publish__pick${picked.has(item.id) ? ' batch-publish__pick--on' : ''}`}
                    aria-hidden="true"
                    title={t('batchPublishSelect')}
                    onClick={(e) => {
                      e.stopPropagation();
                      toggle(item.id);
                    }}
                    data-testid="batch-publish-pick"
                  />
                )}
                {item.headline || t('untitled')}
              </span>
              <span className="queue__meta">
                {item.priority > 0 && <span className={`priority-badge priority-badge--${item.priority}`}>{t(`priority_${item.priority}` as StringKey)}</span>}
                {item.section && <span className="tag">{item.section}</span>}
                <span className={`state-badge state-badge--${item.state}`}>{t(`state_${item.state}` as StringKey)}</span>
                {item.owner && <span>{item.owner.name}</span>}
                {item.submittedAt && (
                  <span>
                    {t('submittedAt')} {when(item.submittedAt)}
                  </span>
                )}
              </span>
              {(item.embargoAt || item.lock) && (
                <span className="queue__meta">
                  {item.embargoAt && (
                    <span className={`embargo-badge${embargoed ? ' embargo-badge--holding' : ''}`} data-testid="desk-queue-embargo">
                      {t('embargo')} {when(item.embargoAt)}
                      {embargoed ? ` · ${t('embargoHolding')}` : ''}
                    </span>
                  )}
                  {item.lock && (
                    <span className="workflow__lock" data-testid="desk-queue-lock">
                      {t('lockedBy')} {item.lock.holder.name}
                    </span>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {total > items.length && <p className="queue__empty">{t('deskQueueMore').replace('{n}', String(total - items.length))}</p>}
    </div>
  );
}
