import { DEFAULT_META, type Article, type ArticleFields, type ArticleSummary, type Revision, type RevisionSummary } from '../../shared/article';
import { countCharacters } from '../../shared/counting';
import { emptyEditorState } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import { AppError } from '../../shared/errors';
import type { ArticleRepository, Derived, VersionedWrite, WriteGuard } from '../db/articles-repo';

export interface ArticleServiceDeps {
  repo: ArticleRepository;
  now?: () => Date;
  newId?: () => string;
  /** Settings' defaultSection; a promise where settings live in the newsroom's database. */
  defaultSection?: () => string | Promise<string>;
  /** The 발신지 a new story starts with (settings' newsroom.defaultDateline). */
  defaultDateline?: () => string | Promise<string>;
  /** The reporter at this workstation, who signs a new story unless they change it. */
  defaultBylines?: () => Article['bylines'];
  /**
   * Who may change a story in its workflow state (electron/services/workflow.ts): checked inside the
   * write's own transaction, so a lock taken or a move made a moment earlier cannot slip past it.
   * `actorId` is the caller the host names (shared/call-context.ts); undefined when nobody is picked.
   */
  editGuard?: (actorId: string | undefined, write: 'save' | 'archive') => WriteGuard;
  /** Records a new story's owner inside the transaction that creates it (the workflow's store). */
  ownerWriter?: (ownerId: string) => WriteGuard;
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `기사를 찾을 수 없습니다 (${id}).`);
}

/** Unwraps a versioned write: a stale base version is a conflict the user resolves, never an overwrite. */
function settle(id: string, baseVersion: number, result: VersionedWrite): Article {
  if (result.status === 'ok') return result.article;
  if (result.status === 'missing') throw notFound(id);
  throw new AppError(
    'CONFLICT',
    `다른 곳에서 이 기사를 먼저 저장했습니다 (내 기준 버전 ${baseVersion}, 현재 버전 ${result.currentVersion}). 최신 버전을 확인한 뒤 다시 저장하세요.`,
    { currentVersion: result.currentVersion, baseVersion },
  );
}

/** Drafting stories: create, load, list, save with optimistic versions, archive. */
export class ArticleService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: ArticleServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  private derive(fields: ArticleFields): Derived {
    const bodyText = editorStateToText(fields.body);
    return { bodyText, characters: countCharacters(bodyText).withSpaces };
  }

  async create(input: { headline?: string; section?: string; bylines?: Article['bylines']; ownerId?: string }): Promise<Article> {
    const fields: ArticleFields = {
      headline: input.headline ?? '',
      deck: '',
      section: input.section ?? (await this.deps.defaultSection?.()) ?? '',
      body: emptyEditorState(),
      ...DEFAULT_META,
      bylines: input.bylines ?? this.deps.defaultBylines?.() ?? [],
      dateline: (await this.deps.defaultDateline?.()) ?? '',
    };
    const id = this.newId();
    const { ownerId } = input;
    if (ownerId !== undefined && !this.deps.ownerWriter) throw new AppError('INTERNAL', '기사 소유자를 기록할 수 없습니다.');
    const owner = ownerId === undefined ? undefined : (tx: Parameters<WriteGuard>[0]) => this.deps.ownerWriter!(ownerId)(tx, id);
    return this.deps.repo.insert({ id, fields, derived: this.derive(fields), now: this.now().toISOString() }, owner);
  }

  async get(id: string): Promise<Article> {
    const article = await this.deps.repo.get(id);
    if (!article) throw notFound(id);
    return article;
  }

  list(input: { includeArchived: boolean; limit: number; offset: number }): Promise<{ items: ArticleSummary[]; total: number }> {
    return this.deps.repo.list(input);
  }

  async save(input: { id: string; baseVersion: number; fields: ArticleFields; actorId?: string }): Promise<Article> {
    const { actorId, ...write } = input;
    const guard = this.deps.editGuard?.(actorId, 'save');
    const result = await this.deps.repo.saveIfVersion({ ...write, derived: this.derive(input.fields), now: this.now().toISOString(), guard });
    return settle(input.id, input.baseVersion, result);
  }

  async archive(input: { id: string; baseVersion: number; archived: boolean; actorId?: string }): Promise<Article> {
    const now = this.now().toISOString();
    const result = await this.deps.repo.setArchivedIfVersion({
      id: input.id,
      baseVersion: input.baseVersion,
      archivedAt: input.archived ? now : null,
      now,
      guard: this.deps.editGuard?.(input.actorId, 'archive'),
    });
    return settle(input.id, input.baseVersion, result);
  }

  async revisions(id: string): Promise<RevisionSummary[]> {
    await this.get(id);
    return this.deps.repo.revisions(id);
  }

  async revision(id: string, version: number): Promise<Revision> {
    const revision = await this.deps.repo.revision(id, version);
    if (!revision) throw new AppError('NOT_FOUND', `기사 ${id}의 버전 ${version}을(를) 찾을 수 없습니다.`);
    return revision;
  }
}
