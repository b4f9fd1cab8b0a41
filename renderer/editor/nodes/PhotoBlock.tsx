import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import type { PhotoRef } from '../../../shared/media';
import { $isPhotoNode } from '../../../shared/nodes/photo-node';
import { useT } from '../../i18n/i18n';
import { useMedia } from '../../media/MediaContext';
import { PhotoFields } from './PhotoFields';
import { PhotoImage } from './PhotoImage';

/** The editing face of a photo in the body: the picture, its texts, and moving it about. */
export function PhotoBlock({ nodeKey, photo }: { nodeKey: NodeKey; photo: PhotoRef }) {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  const media = useMedia();
  const readOnly = media.readOnly || !editor.isEditable();

  const withNode = (fn: (node: ReturnType<typeof $getNodeByKey>) => void) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isPhotoNode(node)) fn(node);
    });

  const move = (direction: -1 | 1) =>
    withNode((node) => {
      if (!node) return;
      const sibling = direction < 0 ? node.getPreviousSibling() : node.getNextSibling();
      if (!sibling) return;
      if (direction < 0) sibling.insertBefore(node);
      else sibling.insertAfter(node);
    });

  return (
    <figure className="photo-block" data-decorator-ui data-testid="photo-block" data-media-id={photo.mediaId}>
      <PhotoImage mediaId={photo.mediaId} alt={photo.alt} width={800} className="photo-block__image" />
      <PhotoFields
        photo={photo}
        readOnly={readOnly}
        testPrefix="photo"
        onChange={(patch) =>
          withNode((node) => {
            if ($isPhotoNode(node)) node.setPhotoText(patch);
          })
        }
      />
      {!readOnly && (
        <div className="photo-block__actions">
          <button type="button" className="button button--small" onClick={() => move(-1)}>
            {t('moveUp')}
          </button>
          <button type="button" className="button button--small" onClick={() => move(1)}>
            {t('moveDown')}
          </button>
          <button type="button" className="button button--small" onClick={() => media.setLeadPhoto(photo)} data-testid="photo-make-lead">
            {t('makeLead')}
          </button>
          <button type="button" className="button button--small button--danger" onClick={() => withNode((node) => node?.remove())} data-testid="photo-remove">
            {t('remove')}
          </button>
        </div>
      )}
    </figure>
  );
}
