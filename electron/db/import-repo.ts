import type { ArticleFields } from '../../shared/article';
import { ImportProposals, ProposalField, SetAsideItem, type ImportFormat, type ImportRecord } from '../../shared/press-release';
import type { Database, Executor } from './database';
import type { ArticleRepository } from './articles-repo';
import { DatabaseWorkflowTx } from './workflow-repo';

interface ImportRow {
  article_id: string;
  file_name: string;
  format: ImportFormat;
  proposals_json: string;
  set_aside_json: string;
  warnings_json: string;
  confirmed_json: string;
  created_at: string;
}

function toRecord(row: ImportRow): ImportRecord {
  return {
    articleId: row.article_id,
    fileName: row.file_name,
    format: row.format,
    proposals: ImportProposals.parse(JSON.parse(row.proposals_json)),
    setAside: SetAsideItem.array().parse(JSON.parse(row.set_aside_json)),
    warnings: (JSON.parse(row.warnings_json) as unknown[]).filter((w): w is string => typeof w === 'string'),
    confirmed: ProposalField.array().parse(JSON.parse(row.confirmed_json)),
    createdAt: row.created_at,
  };
}

export interface NewImportedDraft {
  id: string;
  fields: ArticleFields;
  bodyText: string;
  characters: number;
  ownerId?: string;
  record: Omit<ImportRecord, 'articleId' | 'createdAt' | 'confirmed'>;
  now: string;
}

/**
 * A story made from a document, written in one transaction: the article as a draft with its first
 * revision, photo usage and index row (ArticleRepository.insert), its owner and the import record.
 * Either all of it is stored or none.
 */
export class ImportRepository {
  constructor(
    private readonly db: Database,
    private readonly articles: ArticleRepository,
  ) {}

  async createDraft(input: NewImportedDraft): Promise<void> {
    const derived = { bodyText: input.bodyText, characters: input.characters };
    await this.articles.insert({ id: input.id, fields: input.fields, derived, now: input.now }, async (tx) => {
      // The owner is set before the index row is written, so the story is found under its owner at once.
      if (input.ownerId) await new DatabaseWorkflowTx(tx).updateWorkflow(input.id, { ownerId: input.ownerId });
      await this.writeRecord(tx, input);
    });
  }

  private async writeRecord(tx: Executor, input: NewImportedDraft): Promise<void> {
    const r = input.record;
    await tx.run(
      `INSERT INTO article_imports (article_id, file_name, format, proposals_json, set_aside_json, warnings_json, confirmed_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?, '[]', ?)`,
      [input.id, r.fileName, r.format, JSON.stringify(r.proposals), JSON.stringify(r.setAside), JSON.stringify(r.warnings), input.now],
    );
  }

  async get(articleId: string): Promise<ImportRecord | undefined> {
    const row = await this.db.get<ImportRow>('SELECT * FROM article_imports WHERE article_id = ?', [articleId]);
    return row && toRecord(row);
  }

  /** Adds fields the reporter has checked; answers undefined when the story has no import record. */
  async confirm(articleId: string, fields: readonly ProposalField[]): Promise<ImportRecord | undefined> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<ImportRow>('SELECT * FROM article_imports WHERE article_id = ?', [articleId]);
      if (!row) return undefined;
      const confirmed = new Set(ProposalField.array().parse(JSON.parse(row.confirmed_json)));
      for (const f of fields) confirmed.add(f);
      const list = ProposalField.options.filter((f) => confirmed.has(f));
      await tx.run('UPDATE article_imports SET confirmed_json = ? WHERE article_id = ?', [JSON.stringify(list), articleId]);
      return toRecord({ ...row, confirmed_json: JSON.stringify(list) });
    });
  }
}
