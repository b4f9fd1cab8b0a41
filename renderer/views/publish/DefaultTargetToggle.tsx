import { useT } from '../../i18n/i18n';

/**
 * 기본 출고 대상: whether 출고 sends to this target without asking. Part of 환경설정's one draft: the
 * dialog's 저장 keeps it with everything else, 취소 forgets it.
 */
export function DefaultTargetToggle({ targetId, checked, onChange }: { targetId: number; checked: boolean; onChange: (on: boolean) => void }) {
  const t = useT();
  return (
    <label className="field--inline default-target__label default-target">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={`default-target-${targetId}`} />{' '}
      {t('deskFlow_defaultTarget')}
    </label>
  );
}
