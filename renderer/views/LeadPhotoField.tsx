import { useRef, useState } from 'react';
import type { PhotoRef } from '../../shared/media';
import { PhotoImage } from '../editor/nodes/PhotoImage';
import { PhotoProblems } from '../editor/nodes/PhotoFields';
import { useT } from '../i18n/i18n';
import { imageFilesOf, refOf } from '../media/import-files';
import { PhotoFileInput } from '../media/PhotoFileInput';
import { useMedia } from '../media/MediaContext';

type Patch = Partial<Omit<PhotoRef, 'mediaId'>>;

/**
 * 대표 사진 in the inspector: drop a file on it, pick one, or use 만들기 from a body photo. It sits
 * outside the editor, so its fields are ordinary controlled inputs.
 */
export function LeadPhotoField({ photo, onChange }: { photo: PhotoRef | null; onChange: (photo: PhotoRef | null) => void }) {
  const t = useT();
  const media = useMedia();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = async (files: File[]) => {
    const [first] = await media.importFiles(files.slice(0, 1));
    if (first) onChange(refOf(first));
  };
  const patch = (p: Patch) => photo && onChange({ ...photo, ...p });

  return (
    <section
      className={`lead-photo${over ? ' lead-photo--over' : ''}`}
      data-testid="lead-photo"
      onDragOver={(e) => {
        if (media.readOnly || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!media.readOnly) void take(imageFilesOf(e.dataTransfer.files));
      }}
    >
      <span className="field__label">{t('leadPhoto')}</span>
      {photo ? (
        <>
          <PhotoImage mediaId={photo.mediaId} alt={photo.alt} width={320} className="lead-photo__image" />
          <textarea
            rows={2}
            value={photo.caption}
            readOnly={media.readOnly}
            maxLength={1000}
            placeholder={t('photoCaptionPlaceholder')}
            aria-label={t('photoCaption')}
            aria-invalid={!photo.caption.trim() || undefined}
            onChange={(e) => patch({ caption: e.target.value })}
            data-testid="lead-caption"
          />
          <input
            value={photo.credit}
            readOnly={media.readOnly}
            maxLength={200}
            placeholder={t('photoCreditPlaceholder')}
            aria-label={t('photoCredit')}
            aria-invalid={!photo.credit.trim() || undefined}
            onChange={(e) => patch({ credit: e.target.value })}
            data-testid="lead-credit"
          />
          <input
            value={photo.alt}
            readOnly={media.readOnly}
            maxLength={500}
            placeholder={t('photoAltPlaceholder')}
            aria-label={t('photoAlt')}
            onChange={(e) => patch({ alt: e.target.value })}
            data-testid="lead-alt"
          />
          <PhotoProblems photo={photo} />
        </>
      ) : (
        <p className="lead-photo__empty">{t('leadPhotoEmpty')}</p>
      )}
      {!media.readOnly && (
        <div className="photo-block__actions">
          <button type="button" className="button button--small" onClick={() => input.current?.click()} data-testid="lead-choose">
            {t('choosePhoto')}
          </button>
          {photo && (
            <button type="button" className="button button--small button--danger" onClick={() => onChange(null)} data-testid="lead-remove">
              {t('remove')}
            </button>
          )}
          <PhotoFileInput ref={input} testId="lead-file-input" onFiles={(files) => void take(files)} />
        </div>
      )}
    </section>
  );
}
