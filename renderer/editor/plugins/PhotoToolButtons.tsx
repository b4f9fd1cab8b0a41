import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useRef } from 'react';
import { useT } from '../../i18n/i18n';
import { refOf } from '../../media/import-files';
import { PhotoFileInput } from '../../media/PhotoFileInput';
import { useMedia } from '../../media/MediaContext';
import { INSERT_GALLERY_COMMAND, INSERT_PHOTOS_COMMAND } from './photo-commands';

/** 사진 넣기 opens the system's file dialog (Electron's native one on the desktop); 갤러리 넣기 starts a gallery. */
export function PhotoToolButtons({ disabled }: { disabled: boolean }) {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  const media = useMedia();
  const input = useRef<HTMLInputElement>(null);
  const target = useRef<'photo' | 'gallery'>('photo');

  const pick = (kind: 'photo' | 'gallery') => {
    target.current = kind;
    input.current?.click();
  };

  return (
    <>
      <button
        type="button"
        className="tool"
        disabled={disabled}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => pick('photo')}
        data-testid="insert-photo"
      >
        {t('insertPhoto')}
      </button>
      <button
        type="button"
        className="tool"
        disabled={disabled}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => pick('gallery')}
        data-testid="insert-gallery"
      >
        {t('insertGallery')}
      </button>
      <PhotoFileInput
        ref={input}
        multiple
        testId="photo-file-input"
        onFiles={(files) => {
          const kind = target.current;
          void media.importFiles(files).then((items) => {
            if (items.length === 0 && kind === 'photo') return;
            editor.dispatchCommand(kind === 'photo' ? INSERT_PHOTOS_COMMAND : INSERT_GALLERY_COMMAND, items.map(refOf));
          });
        }}
      />
    </>
  );
}
