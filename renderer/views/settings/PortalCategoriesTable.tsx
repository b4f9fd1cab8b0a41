import type { PortalCategoryRow } from '../../../shared/settings-portal';
import { useT } from '../../i18n/i18n';

interface Props {
  /** The sections as the dialog has them now, so a section just typed has its row. */
  sections: readonly string[];
  rows: readonly PortalCategoryRow[];
  onChange: (rows: PortalCategoryRow[]) => void;
}

/** The rows to save: one per listed section that names a category; a removed section's row goes with it. */
export function portalRowsFor(sections: readonly string[], rows: readonly PortalCategoryRow[]): PortalCategoryRow[] {
  return [...new Set(sections)].flatMap((section) => {
    const row = rows.find((r) => r.section === section);
    const naver = row?.naver.trim() ?? '';
    const daum = row?.daum.trim() ?? '';
    return naver || daum ? [{ section, naver, daum }] : [];
  });
}

/** 포털 분류: a small table, one line per section, its Naver and Daum categories. */
export function PortalCategoriesTable({ sections, rows, onChange }: Props) {
  const t = useT();
  const set = (section: string, portal: 'naver' | 'daum', value: string) => {
    const current = rows.find((r) => r.section === section) ?? { section, naver: '', daum: '' };
    onChange([...rows.filter((r) => r.section !== section), { ...current, [portal]: value }]);
  };
  return (
    <fieldset className="dialog__group" data-testid="portal-categories">
      <legend>{t('portal_title')}</legend>
      <p className="field__hint">{t('portal_hint')}</p>
      <table className="portal-categories">
        <thead>
          <tr>
            <th scope="col">{t('portal_section')}</th>
            <th scope="col">{t('portal_naver')}</th>
            <th scope="col">{t('portal_daum')}</th>
          </tr>
        </thead>
        <tbody>
          {[...new Set(sections)].map((section) => {
            const row = rows.find((r) => r.section === section);
            return (
              <tr key={section}>
                <th scope="row">{section}</th>
                {(['naver', 'daum'] as const).map((portal) => (
                  <td key={portal}>
                    <input
                      value={row?.[portal] ?? ''}
                      maxLength={30}
                      aria-label={`${section} ${t(portal === 'naver' ? 'portal_naver' : 'portal_daum')}`}
                      onChange={(e) => set(section, portal, e.target.value)}
                      data-testid={`portal-${portal}-${section}`}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
