import type { PostSettings } from '../../../shared/settings-posts';
import { useT } from '../../i18n/i18n';

/** How WordPress and Ghost posts are addressed and signed (shared/settings-posts.ts). */
export function PostSettingsFields({ value, onChange }: { value: PostSettings; onChange: (next: PostSettings) => void }) {
  const t = useT();
  return (
    <fieldset className="dialog__group">
      <legend>{t('posts_title')}</legend>
      <label className="field">
        <span className="field__label">{t('posts_slugRule')}</span>
        <select
          value={value.slugRule}
          onChange={(e) => onChange({ ...value, slugRule: e.target.value as PostSettings['slugRule'] })}
          data-testid="posts-slug-rule"
        >
          <option value="date-words">{t('posts_slugDateWords')}</option>
          <option value="story-number">{t('posts_slugStoryNumber')}</option>
        </select>
      </label>
      <span className="field__hint">{t('posts_slugHint')}</span>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={value.bylineInContent}
          onChange={(e) => onChange({ ...value, bylineInContent: e.target.checked })}
          data-testid="posts-byline-in-content"
        />
        <span>{t('posts_bylineInContent')}</span>
      </label>
    </fieldset>
  );
}
