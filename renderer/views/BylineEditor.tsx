import type { Byline } from '../../shared/article';
import { useT } from '../i18n/i18n';

/** One or more reporters: name, title (기자, 특파원…) and e-mail. */
export function BylineEditor({ bylines, readOnly, onChange }: { bylines: Byline[]; readOnly: boolean; onChange: (b: Byline[]) => void }) {
  const t = useT();
  const set = (i: number, patch: Partial<Byline>) => onChange(bylines.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <fieldset className="field bylines">
      <legend className="field__label">{t('bylines')}</legend>
      {bylines.map((b, i) => (
        <div className="bylines__row" key={i} data-testid="byline-row">
          <input
            aria-label={t('bylineName')}
            placeholder={t('bylineName')}
            value={b.name}
            readOnly={readOnly}
            maxLength={50}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <input
            aria-label={t('bylineTitle')}
            placeholder={t('bylineTitle')}
            value={b.title}
            readOnly={readOnly}
            maxLength={30}
            onChange={(e) => set(i, { title: e.target.value })}
          />
          <input
            aria-label={t('bylineEmail')}
            placeholder={t('bylineEmail')}
            type="email"
            value={b.email}
            readOnly={readOnly}
            maxLength={200}
            onChange={(e) => set(i, { email: e.target.value.trim() })}
          />
          <button type="button" className="button button--quiet" disabled={readOnly} onClick={() => onChange(bylines.filter((_, j) => j !== i))}>
            {t('remove')}
          </button>
        </div>
      ))}
      {bylines.length < 10 && (
        <button type="button" className="button" disabled={readOnly} onClick={() => onChange([...bylines, { name: '', title: '기자', email: '' }])}>
          {t('addByline')}
        </button>
      )}
    </fieldset>
  );
}
