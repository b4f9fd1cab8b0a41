import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useRef, useState } from 'react';
import type { PhotoRef } from '../../../shared/media';
import { $isGalleryNode, type GalleryNode } from '../../../shared/nodes/gallery-node';
import { useT } from '../../i18n/i18n';
import { imageFilesOf, refOf } from '../../media/import-files';
import { PhotoFileInput } from '../../media/PhotoFileInput';
import { useMedia } from '../../media/MediaContext';
import { PhotoFields } from './PhotoFields';
import { PhotoImage } from './PhotoImage';

const DRAG_TYPE = 'application/x-byline-gallery-item';

/** A 포토이슈 gallery: photos in order, each with its texts; reorder by buttons or by dragging. */
export function GalleryBlock({ nodeKey, items }: { nodeKey: NodeKey; items: readonly PhotoRef[] }) {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  const media = useMedia();
  const readOnly = media.readOnly || !editor.isEditable();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);

  const withGallery = (fn: (node: GalleryNode) => void) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isGalleryNode(node)) fn(node);
    });

  const add = async (files: File[]) => {
    const imported = await media.importFiles(files);
    if (imported.length > 0) withGallery((g) => g.appendItems(imported.map(refOf)));
  };

  const onDrop = (e: React.DragEvent, index: number) => {
    e.preventDefault();
    setDropTarget(null);
    if (readOnly) return;
    const from = e.dataTransfer.getData(DRAG_TYPE);
    if (from !== '') {
      withGallery((g) => g.moveItem(Number(from), index));
      return;
    }
    const files = imageFilesOf(e.dataTransfer.files);
    if (files.length > 0) void add(files);
  };

  return (
    <div
      className="gallery-block"
      data-decorator-ui
      data-testid="gallery-block"
      onDragOver={(e) => {
        if (!readOnly) e.preventDefault();
      }}
      onDrop={(e) => onDrop(e, items.length - 1)}
    >
      <div className="gallery-block__title">
        {t('gallery')} <small>({items.length})</small>
      </div>
      {items.length === 0 && <p className="gallery-block__empty">{t('galleryEmpty')}</p>}
      <ol className="gallery-block__items">
        {items.map((item, index) => (
          <li
            key={`${item.mediaId}:${index}`}
            className={`gallery-block__item${dropTarget === index ? ' gallery-block__item--target' : ''}`}
            data-testid="gallery-item"
            data-media-id={item.mediaId}
            draggable={!readOnly}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, String(index));
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              if (readOnly) return;
              e.preventDefault();
              setDropTarget(index);
            }}
            onDragLeave={() => setDropTarget(null)}
            onDrop={(e) => {
              e.stopPropagation();
              onDrop(e, index);
            }}
          >
            <PhotoImage mediaId={item.mediaId} alt={item.alt} width={320} className="gallery-block__image" />
            <PhotoFields
              photo={item}
              readOnly={readOnly}
              testPrefix={`gallery-${index}`}
              onChange={(patch) => withGallery((g) => g.updateItem(index, patch))}
            />
            {!readOnly && (
              <div className="photo-block__actions">
                <button
                  type="button"
                  className="button button--small"
                  disabled={index === 0}
                  onClick={() => withGallery((g) => g.moveItem(index, index - 1))}
                  data-testid={`gallery-${index}-earlier`}
                >
                  {t('moveLeft')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={index === items.length - 1}
                  onClick={() => withGallery((g) => g.moveItem(index, index + 1))}
                  data-testid={`gallery-${index}-later`}
                >
                  {t('moveRight')}
                </button>
                <button type="button" className="button button--small" onClick={() => media.setLeadPhoto(item)}>
                  {t('makeLead')}
                </button>
                <button type="button" className="button button--small button--danger" onClick={() => withGallery((g) => g.removeItem(index))}>
                  {t('remove')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <div className="photo-block__actions">
          <button type="button" className="button button--small" onClick={() => fileInput.current?.click()} data-testid="gallery-add">
            {t('addPhotos')}
          </button>
          <button type="button" className="button button--small button--danger" onClick={() => withGallery((g) => g.remove())}>
            {t('remove')}
          </button>
          <PhotoFileInput ref={fileInput} multiple testId="gallery-file-input" onFiles={(files) => void add(files)} />
        </div>
      )}
    </div>
  );
}
