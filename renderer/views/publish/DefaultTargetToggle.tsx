import { useEffect, useState } from 'react';
import { withDefaultTarget } from '../../../shared/settings-publish-defaults';
import type { BylineClient } from '../../client';
import { useT } from '../../i18n/i18n';

/**
 * 기본 출고 대상: whether 출고 sends to this target without asking. Saved at once, as the targets
 * themselves are, and read fresh before each change so two toggles in a row keep each other.
 */
export function DefaultTargetToggle({ client, targetId }: { client: BylineClient; targetId: number }) {
  const t = useT();
  const [on, setOn] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    client.call('settings.get', {}).then(
      (s) => !stale && setOn(s.publishDefaults.targetIds.includes(targetId)),
      (err: Error) => !stale && setProblem(err.message),
    );
    return () => {
      stale = true;
    };
  }, [client, targetId]);

  const change = async (next: boolean) => {
    // Shown at once; put back if the newsroom would not keep it.
    const before = on;
    setOn(next);
    setBusy(true);
    setProblem(null);
    try {
      const current = await client.call('settings.get', {});
      const saved = await client.call('settings.set', { publishDefaults: withDefaultTarget(current.publishDefaults, targetId, next) });
      setOn(saved.publishDefaults.targetIds.includes(targetId));
    } catch (err) {
      setOn(before);
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="default-target">
      <label className="field--inline default-target__label">
        <input
          type="checkbox"
          checked={on === true}
          disabled={on === null || busy}
          onChange={(e) => void change(e.target.checked)}
          data-testid={`default-target-${targetId}`}
        />{' '}
        {t('deskFlow_defaultTarget')}
      </label>
      {problem && (
        <small className="field__hint field__hint--warn" role="alert">
          {problem}
        </small>
      )}
    </span>
  );
}
