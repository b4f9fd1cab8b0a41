import { createContext, useContext } from 'react';
import type { MediaItem, PhotoRef } from '../../shared/media';
import type { BylineClient } from '../client';

/** What photo blocks inside the editor need from the story screen around them. */
export interface MediaActions {
  client: BylineClient;
  readOnly: boolean;
  /** Imports files into the library, reporting refusals to the user; resolves with the photos that made it. */
  importFiles: (files: readonly File[]) => Promise<MediaItem[]>;
  /** Makes a photo the story's 대표 사진. */
  setLeadPhoto: (ref: PhotoRef) => void;
}

const MediaContext = createContext<MediaActions | null>(null);

export const MediaProvider = MediaContext.Provider;

export function useMedia(): MediaActions {
  const media = useContext(MediaContext);
  if (!media) throw new Error('useMedia outside MediaProvider');
  return media;
}
