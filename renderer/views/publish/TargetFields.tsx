import type { FieldDescriptor, Words } from '../../../shared/publish-targets/index';
import { useLocale } from '../../i18n/i18n';
import type { FieldValue } from './target-draft';

interface Props {
  fields: readonly FieldDescriptor[];
  values: Record<string, FieldValue>;
  onChange: (key: string, value: FieldValue) => void;
  secret: string;
  onSecret: (value: string) => void;
  /** Under the secret field: that an empty field keeps the stored one, or that the edit drops it. */
  secretNote: { text: string; warn: boolean } | null;
}

/**
 * A target kind's form, drawn from its field descriptors (shared/publish-targets/): one input per
 * field, chosen by what the field holds, never by which kind it is. The secret is write-only: the
 * field starts empty whatever is stored.
 */
export function TargetFields({ fields, values, onChange, secret, onSecret, secretNote }: Props) {
  const locale = useLocale();
  const say = (w: Words) => w[locale];
  return (
    <>
      {fields.map((f) => {
        const id = `target-${f.key}`;
        const help = f.help && <small className="field__hint">{say(f.help)}</small>;
        if (f.input === 'toggle') {
          return (
            <label key={f.key} className="field field--inline">
              <input type="checkbox" checked={values[f.key] === true} onChange={(e) => onChange(f.key, e.target.checked)} data-testid={id} />
              <span>{say(f.label)}</span>
              {help}
            </label>
          );
        }
        if (f.input === 'choice') {
          return (
            <label key={f.key} className="field">
              <span className="field__label">{say(f.label)}</span>
              <select value={String(values[f.key] ?? '')} onChange={(e) => onChange(f.key, e.target.value)} data-testid={id}>
                {f.choices?.map((c) => (
                  <option key={c.value} value={c.value}>
                    {say(c.label)}
                  </option>
                ))}
              </select>
              {help}
            </label>
          );
        }
        if (f.input === 'secret') {
          return (
            <label key={f.key} className="field">
              <span className="field__label">{say(f.label)}</span>
              <input
                type="password"
                value={secret}
                maxLength={f.maxLength}
                autoComplete="new-password"
                spellCheck={false}
                onChange={(e) => onSecret(e.target.value)}
                data-testid={id}
              />
              {secretNote && <small className={secretNote.warn ? 'field__hint field__hint--warn' : 'field__hint'}>{secretNote.text}</small>}
              {help}
            </label>
          );
        }
        return (
          <label key={f.key} className="field">
            <span className="field__label">{say(f.label)}</span>
            <input
              type={f.input === 'url' ? 'url' : 'text'}
              value={String(values[f.key] ?? '')}
              maxLength={f.maxLength}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => onChange(f.key, e.target.value)}
              data-testid={id}
            />
            {help}
          </label>
        );
      })}
    </>
  );
}
