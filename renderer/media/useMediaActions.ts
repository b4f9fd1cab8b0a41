import { useCallback, useMemo } from 'react';
import type { MediaItem, PhotoRef } from '../../shared/media';
import type { BylineClient } from '../client';
import type { UpdateField } from '../views/useArticle';
import { importFiles } from './import-files';
import type { MediaActions } from './MediaContext';

/** The story screen's photo actions: imports that tell the user what was refused, and the lead photo. */
export function useMediaActions(client: BylineClient, readOnly: boolean, updateField: UpdateField, report: (message: string) => void): MediaActions {
  const run = useCallback(
    async (files: readonly File[]): Promise<MediaItem[]> => {
      if (files.length === 0) return [];
      const outcome = await importFiles(client, files);
      if (outcome.failures.length > 0) report(outcome.failures.join('\n'));
      return outcome.imported;
    },
    [client, report],
  );
  const setLeadPhoto = useCallback((ref: PhotoRef) => updateField('leadPhoto', ref), [updateField]);
  return useMemo(() => ({ client, readOnly, importFiles: run, setLeadPhoto }), [client, readOnly, run, setLeadPhoto]);
}
