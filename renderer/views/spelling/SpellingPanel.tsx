import { useState, useSyncExternalStore } from 'react';
import { dictionaryForm } from '../../../shared/spelling-word';
import { useT } from '../../i18n/i18n';
import { spellingFindings, type PaintedFinding } from './spell-paint';
import { useSpelling } from './SpellingProvider';

/** Suggestions offered per finding in the list; the right-click menu offers more. */
const SHOWN = 3;

/**
 * 맞춤법 above the body, beside the 표기 원칙 list: every finding of the headline, deck, body and captions
 * with its suggestions (a click replaces the word), 무시 and 뉴스룸 사전에 추가, and the switch that turns
 * checking off in this browser.
 */
export function SpellingPanel({ readOnly }: { readOnly: boolean }) {
  const spelling = useSpelling();
  const t = useT();
  const findings = useSyncExternalStore(spellingFindings.subscribe, spellingFindings.get);
  const [open, setOpen] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  if (!spelling) return null;
  const reveal = (p: PaintedFinding) => {
    const el = p.range?.startContainer.parentElement;
    el?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <section className="spelling" aria-label={t('sp_title')} data-testid="spelling-panel">
      <div className="spelling__head">
        <button
          type="button"
          className="button button--quiet button--small"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          disabled={findings.length === 0}
        >
          {t('sp_title')} {spelling.enabled ? `${findings.length}${t('sp_found')}` : ''}
        </button>
        <label className="spelling__switch">
          <input type="checkbox" checked={spelling.enabled} onChange={(e) => spelling.setEnabled(e.target.checked)} data-testid="spelling-switch" />
          {t('sp_on')}
        </label>
      </div>
      {problem && (
        <p className="spelling__where" role="alert">
          {problem}
        </p>
      )}
      {open && spelling.enabled && findings.length > 0 && (
        <ul className="spelling__list">
          {findings.map((p, i) => (
            <li key={`${p.source.id}:${p.finding.start}:${i}`} className="spelling__item" data-testid="spelling-item">
              <span className="spelling__where">{p.source.label}</span>
              <button type="button" className="house-style__found spelling__word" onClick={() => reveal(p)}>
                {p.finding.word}
              </button>
              <span aria-hidden="true"> → </span>
              {p.finding.suggestions.length === 0 && <span className="spelling__where">{t('sp_noSuggestion')}</span>}
              {!readOnly &&
                p.finding.suggestions.slice(0, SHOWN).map((s) => (
                  <button
                    key={s}
                    type="button"
                    className="button button--small"
                    onClick={() => p.source.replace(p.finding, s)}
                    data-testid="spelling-suggestion"
                  >
                    {s}
                  </button>
                ))}
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => spelling.ignore(p.finding.word)}
                data-testid="spelling-ignore"
              >
                {t('sp_ignore')}
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => void spelling.addWord(dictionaryForm(p.finding.word)).then(setProblem)}
                title={dictionaryForm(p.finding.word)}
                data-testid="spelling-add"
              >
                {t('sp_add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
