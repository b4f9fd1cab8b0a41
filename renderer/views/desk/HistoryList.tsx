import type { WorkflowEvent } from '../../../shared/contract-workflow';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import type { StringKey } from '../../i18n/strings';

/** The story's history: every move and every lock taken over, who, when, from, to and why. */
export function HistoryList({ events }: { events: readonly WorkflowEvent[] }) {
  const t = useT();
  const when = useNewsroomTime().format;
  if (events.length === 0) return <p className="queue__empty">{t('historyEmpty')}</p>;
  return (
    <ol className="history" data-testid="workflow-history">
      {events.map((e) => (
        <li key={e.id} className="history__item" data-action={e.action}>
          <div className="history__head">
            <strong>{t(`action_${e.action}` as StringKey)}</strong>
            <span className="history__move">
              {t(`state_${e.from}` as StringKey)} → {t(`state_${e.to}` as StringKey)}
            </span>
          </div>
          <div className="history__meta">
            {e.actor.name} {t(`role_${e.actor.role}` as StringKey)} · {when(e.at)} · v{e.version}
          </div>
          {e.note && <p className="history__note">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
