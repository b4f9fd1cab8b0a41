import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { MediaItem, MediaUsage } from '../../shared/media';
import { PhotoImage } from '../editor/nodes/PhotoImage';
import { INSERT_PHOTOS_COMMAND } from '../editor/plugins/photo-commands';
import { useT } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { imageFilesOf, refOf } from '../media/import-files';
import { PhotoFileInput } from '../media/PhotoFileInput';
import { useMedia } from '../media/MediaContext';

const SEARCH_DELAY_MS = 250;

interface Props {
  editorRef: RefObject<LexicalEditor | null>;
  onOpenArticle: (id: string) => void;
}

/** 사진 보관함: every photo on this machine, found by caption or credit, reused in any story. */
export function MediaLibrary({ editorRef, onOpenArticle }: Props) {
  const t = useT();
  const media = useMedia();
  const { client } = media;
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ items: MediaItem[]; total: number } | null>(null);
  const [selected, setSelected] = useState<MediaItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [reload, setReload] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(
      () => {
        void client
          .call('media.search', { query: query.trim(), limit: 60 })
          .then((r) => live && setResult(r))
          .catch(() => live && setResult({ items: [], total: 0 }));
      },
      query ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, query, reload]);

  const take = useCallback(
    async (files: File[]) => {
      setBusy(true);
      try {
        const items = await media.importFiles(files);
        if (items.length > 0) setSelected(items[items.length - 1]!);
        setReload((n) => n + 1);
      } finally {
        setBusy(false);
      }
    },
    [media],
  );

  return (
    <section
      className={`media-library${over ? ' media-library--over' : ''}`}
      aria-label={t('mediaLibrary')}
      data-testid="media-library"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(imageFilesOf(e.dataTransfer.files));
      }}
    >
      <div className="media-library__bar">
        <input
          type="search"
          value={query}
          placeholder={t('mediaSearch')}
          aria-label={t('mediaSearch')}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="media-search"
        />
        <button type="button" className="button button--small" disabled={busy} onClick={() => input.current?.click()} data-testid="media-import">
          {busy ? t('mediaImporting') : t('mediaImport')}
        </button>
        <PhotoFileInput ref={input} multiple testId="media-file-input" onFiles={(files) => void take(files)} />
      </div>
      {over && <div className="media-library__drop">{t('mediaDropHere')}</div>}
      {result && result.items.length === 0 && <p className="media-library__empty">{t(query ? 'mediaNoMatch' : 'mediaNone')}</p>}
      <ul className="media-library__grid">
        {result?.items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={`media-library__tile${selected?.id === item.id ? ' media-library__tile--selected' : ''}`}
              onClick={() => setSelected(item)}
              title={[item.caption, item.credit].filter(Boolean).join(' · ')}
              data-testid="media-tile"
              data-media-id={item.id}
            >
              <PhotoImage mediaId={item.id} alt={item.alt} width={320} />
              <span className="media-library__caption">{item.caption || item.fileName}</span>
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <MediaDetails
          key={selected.id}
          item={selected}
          onSaved={(item) => {
            setSelected(item);
            setReload((n) => n + 1);
          }}
          onInsert={() => editorRef.current?.dispatchCommand(INSERT_PHOTOS_COMMAND, [refOf(selected)])}
          onOpenArticle={onOpenArticle}
        />
      )}
    </section>
  );
}

function MediaDetails({
  item,
  onSaved,
  onInsert,
  onOpenArticle,
}: {
  item: MediaItem;
  onSaved: (item: MediaItem) => void;
  onInsert: () => void;
  onOpenArticle: (id: string) => void;
}) {
  const t = useT();
  const media = useMedia();
  const [draft, setDraft] = useState({ caption: item.caption, credit: item.credit, alt: item.alt, creator: item.creator, copyright: item.copyright });
  const [usage, setUsage] = useState<MediaUsage[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void media.client
      .call('media.usage', { id: item.id })
      .then((u) => live && setUsage(u))
      .catch(() => live && setUsage([]));
    return () => {
      live = false;
    };
  }, [media.client, item.id]);

  const save = async () => {
    try {
      setProblem(null);
      onSaved(await media.client.call('media.update', { id: item.id, ...draft }));
    } catch (err) {
      setProblem((err as Error).message);
    }
  };

  const field = (key: keyof typeof draft, label: StringKey, max: number) => (
    <label className="field">
      <span className="field__label">{t(label)}</span>
      <input
        value={draft[key]}
        maxLength={max}
        readOnly={media.readOnly}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        data-testid={`media-${key}`}
      />
    </label>
  );

  return (
    <div className="media-details" data-testid="media-details">
      <h3>{t('mediaDetails')}</h3>
      <p className="media-details__facts">
        {item.fileName} · {item.width}×{item.height} · {(item.bytes / 1024 / 1024).toFixed(1)} MB
        {item.takenAt && ` · ${t('mediaTaken')} ${new Date(item.takenAt).toLocaleString('ko-KR')}`}
      </p>
      {item.hasGps && <p className="field__hint">{t('mediaHasGps')}</p>}
      {field('caption', 'photoCaption', 1000)}
      {field('credit', 'photoCredit', 200)}
      {field('alt', 'photoAlt', 500)}
      {field('creator', 'mediaCreator', 200)}
      {field('copyright', 'mediaCopyright', 300)}
      {problem && (
        <p className="field__hint field__hint--warn" role="alert">
          {problem}
        </p>
      )}
      {!media.readOnly && (
        <div className="photo-block__actions">
          <button type="button" className="button button--small" onClick={() => void save()} data-testid="media-save">
            {t('mediaSaveDetails')}
          </button>
          <button type="button" className="button button--small button--primary" onClick={onInsert} data-testid="media-insert">
            {t('mediaInsertBody')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => media.setLeadPhoto({ mediaId: item.id, caption: draft.caption, credit: draft.credit, alt: draft.alt })}
            data-testid="media-make-lead"
          >
            {t('makeLead')}
          </button>
        </div>
      )}
      <h4>{t('mediaUsage')}</h4>
      {usage && usage.length === 0 && <p className="media-library__empty">{t('mediaUnused')}</p>}
      <ul className="media-details__usage" data-testid="media-usage">
        {usage?.map((u) => (
          <li key={u.articleId}>
            <button type="button" className="link-button" onClick={() => onOpenArticle(u.articleId)}>
              {u.headline || t('untitled')}
            </button>{' '}
            <small>({u.roles.map((r) => (r === 'lead' ? t('leadPhoto') : r === 'gallery' ? t('gallery') : t('photo'))).join(', ')})</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
