import { useState } from 'react';
import { renditionPath, type MediaId, type RenditionWidth } from '../../../shared/media';
import { useT } from '../../i18n/i18n';

/** A rendition from the app's own /media/ route; a photo missing from this machine's library says so. */
export function PhotoImage({ mediaId, alt, width, className }: { mediaId: MediaId; alt: string; width: RenditionWidth; className?: string }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (failed) return <div className={`photo-missing ${className ?? ''}`}>{t('photoUnavailable')}</div>;
  return <img className={className} src={renditionPath(mediaId, width, 'webp')} alt={alt} draggable={false} onError={() => setFailed(true)} />;
}
