import type { Article } from '../../shared/article';
import { useT } from '../i18n/i18n';
import type { StoryFields } from './useStory';

interface Props {
  article: Article;
  fields: StoryFields;
  sections: readonly string[];
  readOnly: boolean;
  onChange: (name: keyof StoryFields, value: string) => void;
}

/** The right-hand panel: the story's facts. Later issues add byline, 뉴스출처, tags, photos, embargo. */
export function Inspector({ article, fields, sections, readOnly, onChange }: Props) {
  const t = useT();
  // A section removed from settings still shows on the stories that carry it.
  const options = sections.includes(fields.section) || !fields.section ? sections : [fields.section, ...sections];
  return (
    <aside className="inspector" aria-label={t('inspector')}>
      <h2>{t('inspector')}</h2>
      <label className="field">
        <span className="field__label">{t('section')}</span>
        <select value={fields.section} disabled={readOnly} onChange={(e) => onChange('section', e.target.value)} data-testid="section-select">
          {!fields.section && <option value="">—</option>}
          {options.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <dl className="facts">
        <dt>{t('version')}</dt>
        <dd data-testid="article-version">{article.version}</dd>
        <dt>{t('updated')}</dt>
        <dd>{new Date(article.updatedAt).toLocaleString('ko-KR')}</dd>
      </dl>
    </aside>
  );
}
