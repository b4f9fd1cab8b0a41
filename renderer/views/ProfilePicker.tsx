import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Role, type Profile, type ProfileInput } from '../../shared/profiles';
import { useT } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';

interface Props {
  profiles: readonly Profile[];
  current: Profile | null;
  sections: readonly string[];
  onPick: (id: string | null) => void;
  onCreate: (input: ProfileInput) => Promise<Profile>;
  onClose: () => void;
}

/**
 * Who is working at this window. Not a login: there are no passwords on a shared workstation; the
 * pick decides what the desk's workflow lets this window do, and the history records it.
 */
export function ProfilePicker({ profiles, current, sections, onPick, onCreate, onClose }: Props) {
  const t = useT();
  const [adding, setAdding] = useState(profiles.length === 0);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const [covered, setCovered] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await onCreate({ name: name.trim(), email: email.trim(), role, sections: covered });
      onPick(created.id);
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const toggle = (s: string) => setCovered((c) => (c.includes(s) ? c.filter((x) => x !== s) : [...c, s]));

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog profile-picker" role="dialog" aria-modal="true" aria-labelledby="profile-picker-title" data-testid="profile-picker">
        <h2 id="profile-picker-title">{t('profilePick')}</h2>
        <p className="profile-picker__hint">{t('profileHint')}</p>
        {profiles.length > 0 && (
          <ul className="profile-picker__list">
            {profiles.map((p, i) => (
              <li key={p.id}>
                <button
                  ref={i === 0 ? first : undefined}
                  type="button"
                  className={`profile-picker__item${current?.id === p.id ? ' profile-picker__item--current' : ''}`}
                  aria-pressed={current?.id === p.id}
                  onClick={() => {
                    onPick(p.id);
                    onClose();
                  }}
                >
                  <strong>{p.name}</strong> <span className="tag">{t(`role_${p.role}` as StringKey)}</span>
                  {p.role === 'desk' && <span className="profile-picker__sections">{p.sections.join(', ')}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        {!adding ? (
          <div className="dialog__actions">
            {current && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  onPick(null);
                  onClose();
                }}
              >
                {t('profileClear')}
              </button>
            )}
            <button type="button" className="button" onClick={() => setAdding(true)} data-testid="profile-add">
              {t('profileAdd')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('cancel')}
            </button>
          </div>
        ) : (
          <form onSubmit={(e) => void submit(e)} className="profile-picker__form" data-testid="profile-form">
            <h3>{t('profileAdd')}</h3>
            <label>
              {t('reporterName')}
              <input value={name} onChange={(e) => setName(e.target.value)} maxLength={50} required data-testid="profile-name" />
            </label>
            <label>
              {t('reporterEmail')}
              <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={200} data-testid="profile-email" />
            </label>
            <label>
              {t('profileRole')}
              <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="profile-role">
                {Role.options.map((r) => (
                  <option key={r} value={r}>
                    {t(`role_${r}` as StringKey)}
                  </option>
                ))}
              </select>
            </label>
            {role === 'desk' && (
              <fieldset className="dialog__group">
                <legend>{t('profileSections')}</legend>
                <div className="profile-picker__checks">
                  {sections.map((s) => (
                    <label key={s} className="profile-picker__check">
                      <input type="checkbox" checked={covered.includes(s)} onChange={() => toggle(s)} />
                      {s}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            {error && (
              <p className="dialog__error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog__actions">
              <button type="button" className="button" onClick={() => (profiles.length === 0 ? onClose() : setAdding(false))}>
                {t('cancel')}
              </button>
              <button type="submit" className="button button--primary" data-testid="profile-create">
                {t('profileCreate')}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
