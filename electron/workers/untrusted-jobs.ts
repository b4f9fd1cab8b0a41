import type { ImportFormat } from '../../shared/press-release';
import type { ImportedDocument } from '../import/document';
import type { EmbeddedMetadata } from '../media/metadata';

/** What the untrusted-file worker does: a document to the import document, a photo's embedded texts. */
export type UntrustedJob = { kind: 'document'; data: Uint8Array; fileName: string } | { kind: 'photo-metadata'; data: Uint8Array } | { kind: 'warm' };

export interface JobResults {
  document: { format: ImportFormat; doc: ImportedDocument };
  'photo-metadata': EmbeddedMetadata;
  warm: null;
}

type Runner = (job: UntrustedJob) => Promise<JobResults[UntrustedJob['kind']]>;

/**
 * The code for a kind of job, loaded on first use: a worker that only reads photo metadata never loads
 * jsdom, pdf.js or mammoth, and loading (seconds under tsx) is not counted in a file's time limit.
 */
export async function loadJob(kind: UntrustedJob['kind']): Promise<Runner> {
  switch (kind) {
    case 'document': {
      const { convertDocument } = await import('../import/convert');
      return (job) => {
        const { data, fileName } = job as { data: Uint8Array; fileName: string };
        return convertDocument(data, fileName);
      };
    }
    case 'photo-metadata': {
      const { readEmbeddedMetadata } = await import('../media/metadata');
      return (job) => readEmbeddedMetadata((job as { data: Uint8Array }).data);
    }
    case 'warm':
      // Loads what the other jobs need, so the first file imported does not wait for it.
      await Promise.all([loadJob('document'), loadJob('photo-metadata')]);
      return async () => null;
  }
}
