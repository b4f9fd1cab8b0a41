import type { LexicalEditor } from 'lexical';
import { useState, type RefObject } from 'react';
import { StoryType, type Article, type ArticleState, type Byline } from '../../shared/article';
import { SENDABLE_STATES } from '../../shared/workflow';
import { useT } from '../i18n/i18n';
import { useNewsroomTime } from '../i18n/newsroom-time';
import type { StringKey } from '../i18n/strings';
import { BylineEditor } from './BylineEditor';
import { LeadPhotoField } from './LeadPhotoField';
import { MediaLibrary } from './MediaLibrary';
import { useWorkflowContext } from './desk/WorkflowContext';
import { PublishPanel } from './publish/PublishPanel';
import { useMedia } from '../media/MediaContext';
import { RevisionsPanel } from './RevisionsPanel';
import type { EditedFields, UpdateField } from './useArticle';

interface Props {
  article: Article;
  fields: EditedFields;
  sections: readonly string[];
  readOnly: boolean;
  loadSeq: number;
  onChange: UpdateField;
  onRestore: (version: number) => void;
  listRevisions: () => Promise<Array<{ version: number; savedAt: string; headline: string }>>;
  editorRef: RefObject<LexicalEditor | null>;
  onOpenArticle: (id: string) => void;
}

function TagsInput({ tags, readOnly, onChange }: { tags: string[]; readOnly: boolean; onChange: (tags: string[]) => void }) {
  // The typed text is kept as typed (a trailing comma included); the list is what gets saved.
  const [text, setText] = useState(tags.join(', '));
  return (
    <input
      value={text}
      readOnly={readOnly}
      data-testid="tags-input"
      onChange={(e) => {
        setText(e.target.value);
        onChange([
          ...new Set(
            e.target.value
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          ),
        ]);
      }}
    />
  );
}

type Tab = 'story' | 'media' | 'publish';

const TAB_LABELS: Record<Tab, StringKey> = { story: 'articleInfo', media: 'mediaLibrary', publish: 'publishTitle' };

/** The right-hand panel: the story's facts and saved versions, or the photo library. */
export function Inspector(props: Props) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('story');
  return (
    <aside className="inspector" aria-label={t('inspector')}>
      <div className="inspector__tabs" role="tablist">
        {(['story', 'media', 'publish'] as const).map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={`inspector__tab${tab === key ? ' inspector__tab--active' : ''}`}
            onClick={() => setTab(key)}
            data-testid={`inspector-tab-${key}`}
          >
            {t(TAB_LABELS[key])}
          </button>
        ))}
      </div>
      {tab === 'story' && <ArticleInfo {...props} />}
      {tab === 'media' && <MediaLibrary editorRef={props.editorRef} onOpenArticle={props.onOpenArticle} />}
      {tab === 'publish' && <PublishTab articleId={props.article.id} version={props.article.version} state={props.article.state} />}
    </aside>
  );
}

/**
 * 출고 for the open story: its targets and every attempt. The main process decides who may publish what;
 * the refusal it would give (services/publish.ts) is said beside the button before anyone presses it.
 */
function PublishTab({ articleId, version, state }: { articleId: string; version: number; state: ArticleState }) {
  const t = useT();
  const { client } = useMedia();
  const ctx = useWorkflowContext();
  const actor = ctx?.actor ?? null;
  const allowed = ctx?.workflow.status?.allowed;
  const withdrawn = state === 'withdrawn';
  const refusal = withdrawn
    ? null
    : !SENDABLE_STATES.includes(state)
      ? t('publishNeedsApproval').replace('{state}', t(`state_${state}` as StringKey))
      : allowed && !allowed.includes('publish') && !allowed.includes('correct')
        ? t('publishNeedsDesk')
        : null;
  return (
    <PublishPanel key={`${articleId}:${version}`} client={client} articleId={articleId} actorId={actor?.id ?? null} withdrawn={withdrawn} refusal={refusal} />
  );
}

function ArticleInfo({ article, fields, sections, readOnly, loadSeq, onChange, onRestore, listRevisions }: Props) {
  const t = useT();
  const time = useNewsroomTime();
  // A section removed from settings still shows on the stories that carry it.
  const options = sections.includes(fields.section) || !fields.section ? sections : [fields.section, ...sections];
  const needsSource = fields.storyType === 'press_release' && fields.sourceAttribution.trim() === '';
  return (
    <div className="inspector__panel">
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
      <label className="field">
        <span className="field__label">{t('dateline')}</span>
        <input
          value={fields.dateline}
          readOnly={readOnly}
          maxLength={20}
          placeholder={t('datelinePlaceholder')}
          onChange={(e) => onChange('dateline', e.target.value)}
          data-testid="dateline-input"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('storyType')}</span>
        <select
          value={fields.storyType}
          disabled={readOnly}
          onChange={(e) => onChange('storyType', e.target.value as EditedFields['storyType'])}
          data-testid="story-type-select"
        >
          {StoryType.options.map((type) => (
            <option key={type} value={type}>
              {t(`type_${type}` as StringKey)}
            </option>
          ))}
        </select>
      </label>
      <LeadPhotoField photo={fields.leadPhoto} onChange={(photo) => onChange('leadPhoto', photo)} />
      <BylineEditor bylines={fields.bylines} readOnly={readOnly} onChange={(b: Byline[]) => onChange('bylines', b)} />
      <label className="field">
        <span className="field__label">{t('sourceAttribution')}</span>
        <input
          value={fields.sourceAttribution}
          readOnly={readOnly}
          maxLength={100}
          onChange={(e) => onChange('sourceAttribution', e.target.value)}
          data-testid="source-input"
        />
        {needsSource && <span className="field__hint field__hint--warn">{t('sourceAttributionHint')}</span>}
      </label>
      <label className="field">
        <span className="field__label">
          {t('tags')} <small>({t('tagsHint')})</small>
        </span>
        <TagsInput key={loadSeq} tags={fields.tags} readOnly={readOnly} onChange={(tags) => onChange('tags', tags)} />
      </label>
      <label className="field">
        <span className="field__label">{t('summary')}</span>
        <textarea rows={3} value={fields.summary} readOnly={readOnly} maxLength={1000} onChange={(e) => onChange('summary', e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">
          {t('slug')} <small>({t('slugHint')})</small>
        </span>
        <input
          value={fields.slug}
          readOnly={readOnly}
          maxLength={200}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          onChange={(e) => onChange('slug', e.target.value.trim())}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('embargo')}</span>
        <input
          type="datetime-local"
          value={fields.embargoAt ? time.toInput(fields.embargoAt) : ''}
          title={time.zone}
          readOnly={readOnly}
          // The newsroom's wall clock, not this machine's: 10:00 is 10:00 in Seoul for a reporter abroad too.
          onChange={(e) => onChange('embargoAt', e.target.value ? (time.fromInput(e.target.value) ?? null) : null)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('deskNote')}</span>
        <textarea rows={3} value={fields.deskNote} readOnly={readOnly} maxLength={2000} onChange={(e) => onChange('deskNote', e.target.value)} />
      </label>
      <dl className="facts">
        <dt>{t('version')}</dt>
        <dd data-testid="article-version">{article.version}</dd>
        <dt>{t('updated')}</dt>
        <dd>{time.format(article.updatedAt)}</dd>
      </dl>
      <RevisionsPanel key={article.version} currentVersion={article.version} list={listRevisions} onRestore={onRestore} />
    </div>
  );
}
