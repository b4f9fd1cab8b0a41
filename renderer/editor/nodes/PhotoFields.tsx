import type { PhotoRef } from '../../../shared/media';
import { useT } from '../../i18n/i18n';
import { MarkedCaption } from '../../views/spelling/MarkedCaption';
import { IsolatedField } from './IsolatedField';
import { missingText } from './photo-text';

type TextPatch = Partial<Omit<PhotoRef, 'mediaId'>>;

/** Caption, credit and alt text of one photo in a story, with what is missing said next to them. */
export function PhotoFields({
  photo,
  readOnly,
  onChange,
  testPrefix,
}: {
  photo: PhotoRef;
  readOnly: boolean;
  onChange: (patch: TextPatch) => void;
  testPrefix: string;
}) {
  const t = useT();
  return (
    <div className="photo-fields">
      <MarkedCaption
        value={photo.caption}
        label={t('photoCaption')}
        placeholder={t('photoCaptionPlaceholder')}
        readOnly={readOnly}
        onCommit={(caption) => onChange({ caption })}
        testId={`${testPrefix}-caption`}
      />
      <IsolatedField
        value={photo.credit}
        maxLength={200}
        label={t('photoCredit')}
        placeholder={t('photoCreditPlaceholder')}
        readOnly={readOnly}
        invalid={!photo.credit.trim()}
        onCommit={(credit) => onChange({ credit })}
        testId={`${testPrefix}-credit`}
      />
      <IsolatedField
        value={photo.alt}
        maxLength={500}
        label={t('photoAlt')}
        placeholder={t('photoAltPlaceholder')}
        readOnly={readOnly}
        onCommit={(alt) => onChange({ alt })}
        testId={`${testPrefix}-alt`}
      />
      <PhotoProblems photo={photo} testId={`${testPrefix}-problems`} />
    </div>
  );
}

/** What the desk would send the photo back for (red) and what it would only remark on (amber). */
export function PhotoProblems({ photo, testId }: { photo: PhotoRef; testId?: string }) {
  const t = useT();
  const { blocking, warnings } = missingText(photo);
  if (blocking.length === 0 && warnings.length === 0) return null;
  return (
    <ul className="photo-fields__problems" data-testid={testId}>
      {blocking.map((k) => (
        <li key={k} className="photo-fields__problem">
          {t(k)}
        </li>
      ))}
      {warnings.map((k) => (
        <li key={k} className="photo-fields__warning">
          {t(k)}
        </li>
      ))}
    </ul>
  );
}
