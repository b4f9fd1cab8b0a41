import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { diffText, hasChanges } from './diff';

/** One field's changes, as a reader sees an edited manuscript: struck-out removals, underlined additions. */
export function DiffView({ label, before, after, testId }: { label: string; before: string; after: string; testId: string }) {
  const t = useT();
  const parts = useMemo(() => diffText(before, after), [before, after]);
  return (
    <section className="diff" data-testid={testId}>
      <h3 className="diff__label">
        {label} {!hasChanges(parts) && <span className="diff__unchanged">{t('diffUnchanged')}</span>}
      </h3>
      <div className="diff__text">
        {parts.map((p, i) =>
          p.kind === 'same' ? (
            <span key={i}>{p.text}</span>
          ) : p.kind === 'removed' ? (
            <del key={i} className="diff__removed" title={t('diffRemoved')}>
              {p.text}
            </del>
          ) : (
            <ins key={i} className="diff__added" title={t('diffAdded')}>
              {p.text}
            </ins>
          ),
        )}
      </div>
    </section>
  );
}
