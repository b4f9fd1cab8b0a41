import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { ArticleState } from '../../shared/article';
import type { QueueCounts } from '../../shared/contract-workflow';
import type { Profile } from '../../shared/profiles';
import type { SearchHit } from '../../shared/search';
import type { BylineClient } from '../client';
import { useArticleChanges } from '../client/useArticleChanges';
import { useLocale, useT } from '../i18n/i18n';
import { useNewsroomTime } from '../i18n/newsroom-time';
import type { StringKey } from '../i18n/strings';
import { DeskQueue } from './desk/DeskQueue';
import { TrashQueue } from './desk/TrashQueue';
import { Highlighted } from './Highlighted';
import { PressReleaseImport } from './import/PressReleaseImport';
import { useQueue, type QueueQuery } from './useQueue';

interface Props {
  client: BylineClient;
  sections: readonly string[];
  refreshKey: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCreate: () => void;
  onSettings: () => void;
  /** The profile picked in this window, and a way to pick one. */
  actor: Profile | null;
  /** Absent on the newsroom server: the person is whoever signed in. */
  onProfile?: () => void;
  /** Present on the newsroom server. */
  onSignOut?: () => void;
  /** Present on the newsroom server for a 관리자 or 편집국장: 사용자 관리. */
  onAccounts?: () => void;
}

/** The left panel's queues (DESIGN.md): 내 기사 is the whole archive with search; the others are the desk's. */
type Tab = 'mine' | 'desk' | 'approved' | 'published' | 'trash';
/** The tabs across the top; the 휴지통, rarely visited, opens from the panel's footer instead. */
const TABS = ['mine', 'desk', 'approved', 'published'] as const satisfies readonly Tab[];

/** How many stories wait in each desk queue (for a desk editor: in the sections they cover). */
function useQueueCounts(client: BylineClient, actor: Profile | null, refreshKey: number): QueueCounts | null {
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const actorId = actor?.id;
  const coveredOnly = actor?.role === 'desk';
  useEffect(() => {
    let stale = false;
    client.call('workflow.counts', { coveredOnly }).then(
      (c) => !stale && setCounts(c),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [client, actorId, coveredOnly, refreshKey]);
  return counts;
}

const SEARCH_DELAY_MS = 200;

/** 내 기사 and the archive search: one list, virtualised, so 100,000 rows scroll like ten. */
export function QueuePanel({ client, sections, refreshKey, selectedId, onSelect, onCreate, onSettings, actor, onProfile, onSignOut, onAccounts }: Props) {
  const t = useT();
  const time = useNewsroomTime();
  const locale = useLocale();
  const [tab, setTab] = useState<Tab>('mine');
  // A story filed, moved or saved in another window or on another workstation: counts and list follow.
  const [changes, setChanges] = useState(0);
  useArticleChanges(client, () => setChanges((n) => n + 1));
  const counts = useQueueCounts(client, actor, refreshKey + changes);
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Omit<QueueQuery, 'text'>>({ sort: 'relevance' });
  const [query, setQuery] = useState<QueueQuery>({ text: '', sort: 'relevance' });
  // 내 기사 narrowed to the stories the picked profile started; it follows a change of profile.
  const [ownOnly, setOwnOnly] = useState(false);
  const ownerId = ownOnly ? actor?.id : undefined;
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery({ ...filters, ...(ownerId ? { ownerId } : {}), text: text.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, filters, ownerId]);

  const queue = useQueue(client, query, refreshKey + changes);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser hands back functions React Compiler cannot memoise safely; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({ count: queue.total, getScrollElement: () => scroller.current, estimateSize: () => 74, overscan: 8 });
  const visible = rows.getVirtualItems();
  useEffect(() => {
    for (const row of visible) if (!queue.item(row.index)) queue.ensure(row.index);
  });

  const searching = query.text !== '';
  const setFilter = <K extends keyof typeof filters>(k: K, v: (typeof filters)[K]) => setFilters((f) => ({ ...f, [k]: v }));

  const renderRow = (hit: SearchHit) => (
    <button
      type="button"
      className={`queue__item${hit.id === selectedId ? ' queue__item--selected' : ''}`}
      aria-current={hit.id === selectedId ? 'true' : undefined}
      onClick={() => onSelect(hit.id)}
    >
      <span className="queue__headline">{hit.headline || t('untitled')}</span>
      {searching && (
        <span className="queue__snippet" data-testid="search-snippet">
          <Highlighted text={hit.snippet} ranges={hit.highlights} />
        </span>
      )}
      <span className="queue__meta">
        {hit.section && <span className="tag">{hit.section}</span>}
        <span>{t(`state_${hit.state}` as StringKey)}</span>
        <span>{time.format(hit.updatedAt)}</span>
        <span>
          {hit.characters.toLocaleString()}
          {locale === 'ko' ? '자' : ' chars'}
        </span>
      </span>
    </button>
  );

  const tabs = (
    <div className="queue__tabs" role="tablist" aria-label={t('queues')}>
      {TABS.map((key) => (
        <button
          key={key}
          type="button"
          role="tab"
          aria-selected={tab === key}
          className={`queue__tab${tab === key ? ' queue__tab--active' : ''}`}
          onClick={() => setTab(key)}
          data-testid={`queue-tab-${key}`}
        >
          {t(`queue_${key}` as StringKey)}
          {key !== 'mine' && counts && (
            <span className="queue__tab-count" data-testid={`queue-tab-count-${key}`}>
              {counts[key].toLocaleString()}
            </span>
          )}
        </button>
      ))}
    </div>
  );

  const footer = (
    <div className={onAccounts ? 'queue__footer queue__profile queue__profile--admin' : 'queue__footer queue__profile'}>
      {onProfile ? (
        <button type="button" className="button button--small" onClick={onProfile} data-testid="profile-button" title={t('profilePick')}>
          {actor ? `${actor.name} · ${t(`role_${actor.role}` as StringKey)}` : t('profilePick')}
        </button>
      ) : (
        <span className="queue__signed-in" data-testid="signed-in-as">
          {actor ? `${actor.name} · ${t(`role_${actor.role}` as StringKey)}` : ''}
        </span>
      )}
      {onSignOut && (
        <button type="button" className="button button--small button--quiet" onClick={onSignOut} data-testid="sign-out">
          {t('signOut')}
        </button>
      )}
      <span className="workflow__spacer" />
      <button
        type="button"
        className={`button button--quiet${tab === 'trash' ? ' button--pressed' : ''}`}
        aria-pressed={tab === 'trash'}
        onClick={() => setTab(tab === 'trash' ? 'mine' : 'trash')}
        data-testid="queue-tab-trash"
      >
        {t('queue_trash')}
      </button>
      {onAccounts && (
        <button type="button" className="button button--quiet" onClick={onAccounts} data-testid="accounts-button">
          {t('accounts')}
        </button>
      )}
      <button type="button" className="button button--quiet" onClick={onSettings}>
        {t('settings')}
      </button>
    </div>
  );

  if (tab === 'trash') {
    return (
      <nav className="queue" aria-label={t('queue_trash')}>
        {tabs}
        <TrashQueue client={client} actor={actor} refreshKey={refreshKey} selectedId={selectedId} onSelect={onSelect} />
        {footer}
      </nav>
    );
  }

  if (tab !== 'mine') {
    return (
      <nav className="queue" aria-label={t(`queue_${tab}` as StringKey)}>
        {tabs}
        <DeskQueue
          key={`${tab}:${actor?.id ?? ''}`}
          client={client}
          queue={tab}
          actor={actor}
          sections={sections}
          refreshKey={refreshKey}
          selectedId={selectedId}
          onSelect={onSelect}
        />
        {footer}
      </nav>
    );
  }

  return (
    <nav className="queue" aria-label={t('myArticles')}>
      {tabs}
      <div className="queue__header">
        <h2>
          {searching ? t('searchResults') : t('myArticles')}{' '}
          <span className="queue__count" data-testid="queue-count">
            {queue.estimated ? t('aboutCount') : ''}
            {queue.total.toLocaleString()}
            {queue.atLeast ? '+' : ''}
          </span>
        </h2>
        <button type="button" className="button button--primary" onClick={onCreate}>
          {t('newArticle')}
        </button>
      </div>
      <PressReleaseImport client={client} selectedId={selectedId} onOpen={onSelect} />
      <div className="queue__search" role="search">
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('searchPlaceholder')}
          aria-label={t('search')}
          data-testid="search-input"
        />
        <div className="queue__filters">
          <select aria-label={t('section')} value={filters.section ?? ''} onChange={(e) => setFilter('section', e.target.value || undefined)}>
            <option value="">{t('allSections')}</option>
            {sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <select
            aria-label={t('state')}
            value={filters.state ?? ''}
            onChange={(e) => setFilter('state', (e.target.value || undefined) as QueueQuery['state'])}
          >
            <option value="">{t('allStates')}</option>
            {ArticleState.options.map((s) => (
              <option key={s} value={s}>
                {t(`state_${s}` as StringKey)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('photoFilter')}
            value={filters.hasPhotos === undefined ? '' : String(filters.hasPhotos)}
            onChange={(e) => setFilter('hasPhotos', e.target.value === '' ? undefined : e.target.value === 'true')}
            data-testid="photo-filter"
          >
            <option value="">{t('photoFilterAll')}</option>
            <option value="true">{t('photoFilterWith')}</option>
            <option value="false">{t('photoFilterWithout')}</option>
          </select>
          {actor && (
            <select
              aria-label={t('ownerFilter')}
              value={ownOnly ? 'mine' : ''}
              onChange={(e) => setOwnOnly(e.target.value === 'mine')}
              data-testid="owner-filter"
            >
              <option value="">{t('ownerFilterAll')}</option>
              <option value="mine">{t('ownerFilterMine')}</option>
            </select>
          )}
          <select aria-label={t('sortOrder')} value={filters.sort ?? 'relevance'} onChange={(e) => setFilter('sort', e.target.value as 'relevance' | 'date')}>
            <option value="relevance">{t('sortRelevance')}</option>
            <option value="date">{t('sortDate')}</option>
          </select>
        </div>
      </div>
      {queue.error && (
        <p className="queue__error" role="alert">
          {queue.error}
        </p>
      )}
      {queue.loaded && queue.total === 0 && <p className="queue__empty">{searching ? t('noResults') : t('noArticles')}</p>}
      <div className="queue__scroller" ref={scroller} data-testid="story-list">
        <ul className="queue__list" style={{ height: rows.getTotalSize() }}>
          {visible.map((row) => {
            const hit = queue.item(row.index);
            return (
              <li key={row.key} data-index={row.index} ref={rows.measureElement} className="queue__row" style={{ transform: `translateY(${row.start}px)` }}>
                {hit ? renderRow(hit) : <span className="queue__placeholder" />}
              </li>
            );
          })}
        </ul>
      </div>
      {footer}
    </nav>
  );
}
