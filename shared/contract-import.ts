import { z } from 'zod';
import { ArticleId } from './article';
import { FileName, fileBytes } from './contract-files';
import { ImportRecord, ImportResult, MAX_IMPORT_BYTES, ProposalField } from './press-release';

/**
 * Press releases (보도자료) to drafts. `import.document` converts the file (DOCX, HWPX, PDF, saved HTML),
 * sanitises it as paste is sanitised, and creates one 보도자료 draft, or nothing at all. `import.get`
 * reads back what the import proposed and set aside; `import.confirm` records the reporter's checks.
 */
export const importMethods = {
  'import.document': {
    input: z.strictObject({ fileName: FileName, data: fileBytes(MAX_IMPORT_BYTES) }),
    output: ImportResult,
    binary: 'data',
  },
  'import.get': {
    input: z.strictObject({ articleId: ArticleId }),
    output: ImportRecord.nullable(),
  },
  /** With a caller (always on the newsroom server), only the article's reporter, its section's desk or the editor-in-chief may confirm. */
  'import.confirm': {
    input: z.strictObject({ articleId: ArticleId, fields: z.array(ProposalField).min(1).max(4) }),
    output: ImportRecord,
  },
} as const;
