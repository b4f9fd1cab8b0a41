import { useRef, useState } from 'react';
import { houseStyleFromCsv, houseStyleToCsv } from '../../shared/house-style-csv';
import { HouseStyleRule, type HouseStyleSettings as Style } from '../../shared/settings-house-style';
import { useT } from '../i18n/i18n';

interface Props {
  value: Style;
  onChange: (next: Style) => void;
}

const EMPTY_RULE: HouseStyleRule = { wrong: '', right: '', pattern: false, severity: 'warn', note: '' };

/** Why a row cannot be saved, in Korean (a bad or dangerous pattern, an empty wrong form); null when it can. */
function rowProblem(rule: HouseStyleRule): string | null {
  const parsed = HouseStyleRule.safeParse(rule);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? null);
}

/** 환경설정 > 표기 원칙: the rules as an editable table, CSV in and out, and the headline and deck limits. */
export function HouseStyleSettings({ value, onChange }: Props) {
  const t = useT();
  const file = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const setRule = (index: number, patch: Partial<HouseStyleRule>) =>
    onChange({ ...value, rules: value.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });

  const importCsv = async (picked: File | undefined) => {
    if (!picked) return;
    try {
      const rules = houseStyleFromCsv(await picked.text());
      onChange({ ...value, rules });
      setMessage({ error: false, text: `${t('hs_imported')}: ${rules.length}` });
    } catch (err) {
      setMessage({ error: true, text: (err as Error).message });
    }
    if (file.current) file.current.value = '';
  };

  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([houseStyleToCsv(value.rules)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'byline-house-style.csv';
    link.click();
    URL.revokeObjectURL(url);
  };

  const limit = (key: 'headlineLimit' | 'deckLimit', label: string) => (
    <label className="field field--inline">
      <span className="field__label">{label}</span>
      <input
        type="number"
        min={5}
        max={key === 'headlineLimit' ? 300 : 2000}
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: Math.round(Number(e.target.value) || 0) })}
        data-testid={`house-style-${key}`}
      />
    </label>
  );

  return (
    <fieldset className="dialog__group" data-testid="house-style-settings">
      <legend>{t('hs_title')}</legend>
      {limit('headlineLimit', t('hs_headlineLimit'))}
      {limit('deckLimit', t('hs_deckLimit'))}
      <span className="field__hint">{t('hs_limitsHint')}</span>
      <div className="house-style-settings__actions">
        <strong>
          {t('hs_rules')} {value.rules.length}
        </strong>
        <button type="button" className="button button--small" onClick={() => onChange({ ...value, rules: [...value.rules, EMPTY_RULE] })}>
          {t('hs_add')}
        </button>
        <button type="button" className="button button--small" onClick={() => file.current?.click()}>
          {t('hs_import')}
        </button>
        <button type="button" className="button button--small" onClick={exportCsv} data-testid="house-style-export">
          {t('hs_export')}
        </button>
        <input ref={file} type="file" accept=".csv,text/csv" hidden onChange={(e) => void importCsv(e.target.files?.[0])} data-testid="house-style-import" />
      </div>
      <span className="field__hint">{t('hs_importHint')}</span>
      {message && (
        <p className={message.error ? 'dialog__error' : 'field__hint'} role={message.error ? 'alert' : 'status'} data-testid="house-style-message">
          {message.text}
        </p>
      )}
      <div className="house-style-settings__scroll">
        <table className="house-style-settings__table">
          <thead>
            <tr>
              <th>
                {t('hs_wrong')} → {t('hs_right')} · {t('hs_pattern')} · {t('hs_kind')} · {t('hs_severity')} · {t('hs_note')}
              </th>
            </tr>
          </thead>
          <tbody>
            {value.rules.map((rule, i) => {
              const problem = rowProblem(rule);
              return (
                <tr key={i} data-testid="house-style-rule" aria-invalid={problem !== null}>
                  <td>
                    <div className="house-style-settings__row">
                      <input
                        type="text"
                        aria-label={t('hs_wrong')}
                        value={rule.wrong}
                        maxLength={200}
                        onChange={(e) => setRule(i, { wrong: e.target.value })}
                      />
                      <input
                        type="text"
                        aria-label={t('hs_right')}
                        value={rule.right}
                        maxLength={200}
                        onChange={(e) => setRule(i, { right: e.target.value })}
                      />
                      <label className="house-style-settings__check">
                        <input type="checkbox" checked={rule.pattern} onChange={(e) => setRule(i, { pattern: e.target.checked })} />
                        {t('hs_pattern')}
                      </label>
                      <select
                        aria-label={t('hs_kind')}
                        data-testid="house-style-kind"
                        value={rule.kind ?? 'replace'}
                        onChange={(e) => setRule(i, e.target.value === 'first-mention' ? { kind: 'first-mention', pattern: false } : { kind: undefined })}
                      >
                        <option value="replace">{t('hs_kindReplace')}</option>
                        <option value="first-mention">{t('hs_kindFirstMention')}</option>
                      </select>
                      <select
                        aria-label={t('hs_severity')}
                        value={rule.severity}
                        onChange={(e) => setRule(i, { severity: e.target.value as HouseStyleRule['severity'] })}
                      >
                        <option value="warn">{t('hs_warn')}</option>
                        <option value="block">{t('hs_block')}</option>
                      </select>
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        onClick={() => onChange({ ...value, rules: value.rules.filter((_, j) => j !== i) })}
                      >
                        {t('hs_delete')}
                      </button>
                    </div>
                    <input
                      type="text"
                      className="house-style-settings__note"
                      aria-label={t('hs_note')}
                      placeholder={t('hs_note')}
                      value={rule.note}
                      maxLength={300}
                      onChange={(e) => setRule(i, { note: e.target.value })}
                    />
                    {problem && (
                      <span className="dialog__error" role="alert">
                        {problem}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
