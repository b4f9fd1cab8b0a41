import { useEffect, useState } from 'react';
import type { DuplicateMatch } from '../../../shared/contract-duplicates';
import type { BylineClient } from '../../client';
import { useLocale, useT, type Locale } from '../../i18n/i18n';
import './duplicates.css';

interface Props {
  client: BylineClient;
  articleId: string;
  /** Asked again at each saved version: the finding follows the text as it is stored. */
  version: number;
  /** Opens the story found (App saves the one on screen first). */
  onOpen: (id: string) => void;
}

/** "10:12" for today, else the day too: when the other story was started, as a reporter would say it. */
export function findingTime(iso: string, locale: Locale, now = new Date()): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  const tag = locale === 'ko' ? 'ko-KR' : 'en-GB';
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return sameDay ? time : `${new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric' }).format(at)} ${time}`;
}

/**
 * Near-duplicates of the story in the archive (duplicates.check): "같은 보도자료로 쓴 기사가 있습니다:
 * <제목>, ○○○ 기자, 10:12", each headline opening that story. Nothing is shown when there is none, or
 * when the check cannot be made (the story's own work goes on; a finding is advice, never a refusal).
 */
export function DuplicateFinding({ client, articleId, version, onOpen }: Props) {
  const t = useT();
  const locale = useLocale();
  const [found, setFound] = useState<{ articleId: string; matches: DuplicateMatch[] } | null>(null);

  useEffect(() => {
    let stale = false;
    client.call('duplicates.check', { articleId }).then(
      (r) => !stale && setFound({ articleId, matches: r.matches }),
      () => !stale && setFound(null),
    );
    return () => {
      stale = true;
    };
  }, [client, articleId, version]);

  const matches = found?.articleId === articleId ? found.matches : [];
  if (matches.length === 0) return null;
  const allImported = matches.every((m) => m.imported);
  return (
    <section className="dup-finding" role="status" aria-live="polite" data-testid="duplicate-finding">
      <strong className="dup-finding__heading">{t(allImported ? 'dup_headingImported' : 'dup_heading')}</strong>
      <ul className="dup-finding__list">
        {matches.map((m) => (
          <li key={m.articleId} className="dup-finding__item" data-testid="duplicate-match">
            <button type="button" className="dup-finding__open" onClick={() => onOpen(m.articleId)} data-testid="duplicate-open">
              {m.headline || t('dup_untitled')}
            </button>
            {m.reporter && <span>, {t('dup_reporter').replace('{name}', m.reporter)}</span>}
            <span>, {findingTime(m.createdAt, locale)}</span>
            <span className="dup-finding__meta">
              {m.imported && `${t('dup_imported')} · `}
              {t('dup_similarity').replace('{percent}', String(Math.round(m.similarity * 100)))}
            </span>
          </li>
        ))}
      </ul>
      <p className="dup-finding__help">{t('dup_help')}</p>
    </section>
  );
}
