import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { createPortal } from 'react-dom';
import { fieldsOf } from '../../../shared/article';
import { standingWarnings, type ImportedValues } from '../../../shared/import-warnings';
import type { ImportRecord, ProposalField } from '../../../shared/press-release';
import type { BylineClient } from '../../client';
import { useArticleChanges } from '../../client/useArticleChanges';
import { useT } from '../../i18n/i18n';
import { useNewsroomTime } from '../../i18n/newsroom-time';
import type { StringKey } from '../../i18n/strings';
import { DuplicateFinding } from '../duplicates/DuplicateFinding';
import './import.css';

interface Props {
  client: BylineClient;
  /** The story open in the editor: its import record, if any, can be shown again. */
  selectedId: string | null;
  /** Opens a story in the editor (App saves the one on screen first). */
  onOpen: (id: string) => void;
}

const ACCEPT = '.hwpx,.docx,.pdf,.html,.htm,.hwp,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html';
const FIELDS: readonly ProposalField[] = ['headline', 'deck', 'sourceAttribution', 'embargoAt'];
const LABEL: Record<ProposalField, StringKey> = { headline: 'headline', deck: 'deck', sourceAttribution: 'sourceAttribution', embargoAt: 'embargo' };

type Values = ImportedValues;

/**
 * 보도자료 가져오기: a button and a drop target on the queue. A dropped or picked file goes to main
 * (import.document), which makes the draft or refuses the file with a reason. The proposals are then
 * shown for checking before the story opens (edits are saved to the draft then, while nobody has it
 * open); afterwards the panel shows what was set aside and records confirmations only.
 */
export function PressReleaseImport({ client, selectedId, onOpen }: Props) {
  const t = useT();
  const time = useNewsroomTime();
  const input = useRef<HTMLInputElement>(null);
  const anchor = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  /** A fresh import under review (before the story opens), or a record shown again for the open story. */
  const [review, setReview] = useState<{ record: ImportRecord; values: Values } | null>(null);
  const [shown, setShown] = useState<ImportRecord | null>(null);
  const [known, setKnown] = useState<ImportRecord | null>(null);
  /** The shown story's values as they are now: the panel shows these, not what the release proposed. */
  const [current, setCurrent] = useState<{ articleId: string; values: Values } | null>(null);
  const shownId = shown?.articleId ?? null;
  const [reloads, setReloads] = useState(0);
  useArticleChanges(client, () => setReloads((n) => n + 1), shownId);
  useEffect(() => {
    let stale = false;
    if (!shownId) return;
    client.call('articles.get', { id: shownId }).then(
      (a) =>
        !stale &&
        setCurrent({ articleId: a.id, values: { headline: a.headline, deck: a.deck, sourceAttribution: a.sourceAttribution, embargoAt: a.embargoAt } }),
      () => !stale && setCurrent(null),
    );
    return () => {
      stale = true;
    };
  }, [client, shownId, reloads]);

  // Whether the open story came from a release (so its details can be shown again after a reload).
  useEffect(() => {
    let stale = false;
    if (!selectedId) return;
    client.call('import.get', { articleId: selectedId }).then(
      (record) => !stale && setKnown(record),
      () => !stale && setKnown(null),
    );
    return () => {
      stale = true;
    };
  }, [client, selectedId]);

  const importFile = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      const { record } = await client.call('import.document', { fileName: file.name, data });
      const p = record.proposals;
      setShown(null);
      setReview({ record, values: { headline: p.headline, deck: p.deck, sourceAttribution: p.sourceAttribution, embargoAt: p.embargoAt } });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  // The whole queue panel is the drop target; this component only listens on it.
  useEffect(() => {
    const zone = anchor.current?.closest('nav') as HTMLElement | null;
    if (!zone) return;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!zone.contains(e.relatedTarget as Node | null)) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    const position = zone.style.position;
    if (!position) zone.style.position = 'relative';
    zone.addEventListener('dragenter', over);
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', leave);
    zone.addEventListener('drop', drop);
    return () => {
      zone.removeEventListener('dragenter', over);
      zone.removeEventListener('dragover', over);
      zone.removeEventListener('dragleave', leave);
      zone.removeEventListener('drop', drop);
      zone.style.position = position;
    };
  });

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void importFile(file);
  };

  /** Saves edited proposals into the draft (nobody has it open yet), records them as checked, opens the story. */
  const confirmAndOpen = async (confirm: boolean) => {
    if (!review) return;
    const { record, values } = review;
    setBusy(true);
    setError(null);
    try {
      const p = record.proposals;
      const changed =
        values.headline !== p.headline || values.deck !== p.deck || values.sourceAttribution !== p.sourceAttribution || values.embargoAt !== p.embargoAt;
      if (confirm && changed) {
        const article = await client.call('articles.get', { id: record.articleId });
        await client.call('articles.save', {
          id: article.id,
          baseVersion: article.version,
          fields: {
            ...fieldsOf(article),
            headline: values.headline,
            deck: values.deck,
            sourceAttribution: values.sourceAttribution.trim(),
            embargoAt: values.embargoAt,
          },
        });
      }
      const next = confirm ? await client.call('import.confirm', { articleId: record.articleId, fields: [...FIELDS] }) : record;
      // What the draft now holds, shown at once; the fetch above then keeps it current.
      const saved = confirm ? { ...values, sourceAttribution: values.sourceAttribution.trim() } : p;
      setCurrent({
        articleId: record.articleId,
        values: { headline: saved.headline, deck: saved.deck, sourceAttribution: saved.sourceAttribution, embargoAt: saved.embargoAt },
      });
      setReview(null);
      setKnown(next);
      setShown(next);
      onOpen(record.articleId);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const confirmOne = async (field: ProposalField) => {
    if (!shown) return;
    try {
      const next = await client.call('import.confirm', { articleId: shown.articleId, fields: [field] });
      setShown(next);
      setKnown(next);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const setValue = <K extends keyof Values>(k: K, v: Values[K]) => setReview((r) => (r ? { ...r, values: { ...r.values, [k]: v } } : r));
  const record = review?.record ?? shown;
  const shownValues = shown && current?.articleId === shown.articleId ? current.values : null;
  // Warnings the reporter has since fixed (a 뉴스출처 typed in, the embargo confirmed) are dropped.
  const values = review?.values ?? shownValues;
  const warnings = record && values ? standingWarnings(record.warnings, values, record) : (record?.warnings ?? []);
  const knownForOpen = known && known.articleId === selectedId ? known : null;

  const proposalRow = (field: ProposalField) => {
    const id = `pr-${field}`;
    if (review) {
      const v = review.values;
      return (
        <div className="pr-panel__row" key={field}>
          <label htmlFor={id}>{t(LABEL[field])}</label>
          {field === 'embargoAt' ? (
            <input
              id={id}
              type="datetime-local"
              value={v.embargoAt ? time.toInput(v.embargoAt) : ''}
              title={time.zone}
              onChange={(e) => setValue('embargoAt', e.target.value ? (time.fromInput(e.target.value) ?? null) : null)}
              data-testid={`import-proposal-${field}`}
            />
          ) : field === 'deck' ? (
            <textarea id={id} rows={2} value={v.deck} onChange={(e) => setValue('deck', e.target.value)} data-testid={`import-proposal-${field}`} />
          ) : (
            <input id={id} value={v[field]} onChange={(e) => setValue(field, e.target.value)} data-testid={`import-proposal-${field}`} />
          )}
          {field === 'embargoAt' && review.record.proposals.embargoText && (
            <span className="pr-panel__status">
              {t('import_embargoFrom')}: {review.record.proposals.embargoText}
            </span>
          )}
        </div>
      );
    }
    const r = shown!;
    const done = r.confirmed.includes(field);
    const now = shownValues ?? r.proposals;
    const value = field === 'embargoAt' ? (now.embargoAt ? time.format(now.embargoAt) : t('import_embargoNone')) : now[field];
    return (
      <div className="pr-panel__row" key={field}>
        <label>{t(LABEL[field])}</label>
        <span className="pr-panel__value" data-testid={`import-proposal-${field}`}>
          {value || '—'}
        </span>
        {done ? (
          <span className="pr-panel__status pr-panel__status--ok">{t('import_confirmed')}</span>
        ) : (
          <button type="button" className="button button--small" onClick={() => void confirmOne(field)}>
            {t('import_confirm')}
          </button>
        )}
      </div>
    );
  };

  const panel = record && (
    <aside className="pr-panel" role="complementary" aria-label={t('import_panel')} data-testid="import-panel">
      <h2>{t('import_panel')}</h2>
      <p className="pr-panel__file">
        {t('import_file')}: {record.fileName} ({record.format.toUpperCase()})
      </p>
      <DuplicateFinding client={client} articleId={record.articleId} version={reloads} onOpen={onOpen} />
      <h3>{review ? t('import_proposals') : t('import_current')}</h3>
      <p className="pr-panel__help">{review ? t('import_proposalsHelp') : t('import_editInInspector')}</p>
      {FIELDS.map(proposalRow)}
      {warnings.length > 0 && (
        <>
          <h3>{t('import_warnings')}</h3>
          <ul className="pr-panel__warnings" data-testid="import-warnings">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('import_setAside')}</h3>
      {record.setAside.length === 0 && <p className="pr-panel__help">{t('import_setAsideNone')}</p>}
      {record.setAside.map((item, i) => (
        <div className="pr-panel__aside" key={i} data-testid={`import-aside-${item.kind}`}>
          <strong>{t(`importKind_${item.kind}` as StringKey)}</strong>
          {item.text}
        </div>
      ))}
      {error && review && (
        <p className="pr-import__error" role="alert">
          {error}
        </p>
      )}
      <div className="pr-panel__actions">
        {review ? (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void confirmAndOpen(true)}
              data-testid="import-confirm-open"
            >
              {t('import_confirmOpen')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void confirmAndOpen(false)}>
              {t('import_openLater')}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setShown(null)} data-testid="import-panel-close">
            {t('import_close')}
          </button>
        )}
      </div>
    </aside>
  );

  return (
    <div className="pr-import" ref={anchor}>
      <button type="button" className="button button--small" disabled={busy} onClick={() => input.current?.click()} data-testid="import-button">
        {busy ? t('import_busy') : t('import_button')}
      </button>
      {knownForOpen && !record && (
        <button type="button" className="button button--quiet button--small" onClick={() => setShown(knownForOpen)} data-testid="import-show">
          {t('import_show')}
        </button>
      )}
      <span className="pr-import__hint">{t('import_hint')}</span>
      <input ref={input} type="file" accept={ACCEPT} hidden onChange={onPick} data-testid="import-file" />
      {error && !review && (
        <p className="pr-import__error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {dragging && <div className="pr-import__drop">{t('import_drop')}</div>}
      {panel && createPortal(panel, document.body)}
    </div>
  );
}
