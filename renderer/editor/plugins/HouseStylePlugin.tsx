import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $isTextNode } from 'lexical';
import { useEffect, useState } from 'react';
import type { CompiledHouseStyle } from '../../../shared/house-style';
import { useT } from '../../i18n/i18n';
import { $applyFixes, watchHouseStyle, type BodyFinding } from './house-style-marks';

/**
 * 표기 원칙 in the body, like a spelling checker: findings are underlined (a Custom Highlight over the
 * editor's DOM, never a node that would be saved) and listed above the text with one-click fixes.
 * Typing re-checks only the blocks the update touched.
 */
export function HouseStylePlugin({ style, readOnly }: { style: CompiledHouseStyle; readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const t = useT();
  const [findings, setFindings] = useState<BodyFinding[]>([]);
  const [open, setOpen] = useState(true);

  useEffect(() => watchHouseStyle(editor, style, setFindings), [editor, style]);

  const fix = (list: readonly BodyFinding[]) => editor.update(() => $applyFixes(list));
  const reveal = (f: BodyFinding) =>
    editor.update(() => {
      const node = $getNodeByKey(f.nodeKey);
      if ($isTextNode(node) && node.getTextContent().slice(f.start, f.end) === f.text) node.select(f.start, f.end);
    });

  if (findings.length === 0) return null;
  const fixable = findings.filter((f) => f.fix !== '');
  return (
    <section className="house-style" aria-label={t('hs_title')} data-testid="house-style-panel">
      <div className="house-style__head">
        <button type="button" className="button button--quiet button--small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('hs_title')} {findings.length}
          {t('hs_found')}
        </button>
        {!readOnly && fixable.length > 0 && (
          <button type="button" className="button button--small" onClick={() => fix(fixable)} data-testid="house-style-fix-all">
            {t('hs_fixAll')}
          </button>
        )}
      </div>
      {open && (
        <ul className="house-style__list">
          {findings.map((f, i) => (
            <li key={`${f.nodeKey}:${f.start}:${i}`} className={`house-style__item house-style__item--${f.severity}`} data-testid="house-style-item">
              {f.caption && (
                <span className="house-style__where">
                  {t('hs_caption')}
                  {f.caption.position > 0 ? ` ${f.caption.position}` : ''}
                </span>
              )}
              <button type="button" className="house-style__found" onClick={() => reveal(f)}>
                {f.text}
              </button>
              <span aria-hidden="true"> → </span>
              <span className="house-style__right">{f.fix || t('hs_noFix')}</span>
              {f.severity === 'block' && <span className="house-style__badge">{t('hs_block')}</span>}
              {!readOnly && f.fix !== '' && (
                <button type="button" className="button button--small" onClick={() => fix([f])} data-testid="house-style-fix">
                  {t('hs_fix')}
                </button>
              )}
              {f.note && <span className="house-style__note">{f.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
