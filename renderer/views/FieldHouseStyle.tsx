import { useMemo } from 'react';
import { findHouseStyle, fixAll, type CompiledHouseStyle } from '../../shared/house-style';
import { fieldLength } from '../../shared/house-style-submission';
import { useT } from '../i18n/i18n';

interface Props {
  /** Which field, for test ids: headline or deck. */
  name: 'headline' | 'deck';
  text: string;
  limit: number;
  style: CompiledHouseStyle;
  readOnly: boolean;
  onFix: (text: string) => void;
}

/** Under the headline or deck: its 글자 수 against the newsroom's limit, and its 표기 원칙 findings with their fixes. */
export function FieldHouseStyle({ name, text, limit, style, readOnly, onFix }: Props) {
  const t = useT();
  const length = fieldLength(text);
  const over = length > limit;
  const findings = useMemo(() => findHouseStyle(text, style), [text, style]);
  return (
    <div className="field-style" data-testid={`${name}-style`}>
      <span
        className={`field-style__count${over ? ' field-style__count--over' : ''}`}
        data-testid={`${name}-count`}
        data-over={over}
        title={`${t('hs_length')}${over ? ` — ${t('hs_overLimit')}` : ''}`}
      >
        {length}/{limit}
        {t('hs_chars')}
      </span>
      {findings.map((f, i) => (
        <span key={`${f.start}:${i}`} className={`field-style__finding house-style__item--${f.severity}`} data-testid={`${name}-finding`} title={f.note}>
          <span className="house-style__found">{f.text}</span> → {f.fix || t('hs_noFix')}
          {!readOnly && f.fix !== '' && (
            <button type="button" className="button button--small" onClick={() => onFix(fixAll(text, [f]))}>
              {t('hs_fix')}
            </button>
          )}
        </span>
      ))}
    </div>
  );
}
