import { DEFAULT_META, type Article, type ArticleFields } from '../../shared/article';
import { countCharacters } from '../../shared/counting';
import { editorStateToText } from '../../shared/editor-text';
import { AppError } from '../../shared/errors';
import type { PhotoRef } from '../../shared/media';
import type { ImportRecord, ImportResult, ProposalField } from '../../shared/press-release';
import type { Profile } from '../../shared/profiles';
import { coversSection } from '../../shared/workflow';
import type { ImportRepository } from '../db/import-repo';
import { blockHtml, buildEditorState, type BodyPart } from '../import/body';
import type { ImportedDocument } from '../import/document';
import { analysePressRelease, type ItemsAs } from '../import/press-release';
import { untrustedWork } from '../workers/untrusted';
import type { MediaService } from './media';
import type { WorkflowService } from './workflow';

export interface ImportServiceDeps {
  repo: ImportRepository;
  media: Pick<MediaService, 'import' | 'update'>;
  articles: { get(id: string): Promise<Article> };
  profile: (id: string) => Promise<Profile | undefined>;
  /** Whose article it is and in which section: who may confirm what an import proposed. */
  workflow: Pick<WorkflowService, 'status'>;
  defaultSection?: () => string | Promise<string>;
  /** The 발신지 an imported story starts with, as a new one does. */
  defaultDateline?: () => string | Promise<string>;
  /** Whether a release's ㅇ items come in as a list or as paragraphs (settings' newsroom.pressReleaseItems). */
  itemsAs?: () => ItemsAs | Promise<ItemsAs>;
  now?: () => Date;
  newId?: () => string;
  /** Document to import document; the process's worker queue (workers/untrusted.ts) unless a test brings its own. */
  convert?: (data: Uint8Array, fileName: string) => Promise<{ format: ImportRecord['format']; doc: ImportedDocument }>;
}

/** "(사진=과학기술정보통신부)" / "(사진 제공: …)" at a caption's end is the photo's credit. */
export function splitCredit(caption: string): { caption: string; credit: string } {
  const m = /\s*[(（]\s*(?:사진|자료|제공|사진\s*제공|사진제공)\s*[=:：]\s*([^)）]+)[)）]\s*$/.exec(caption);
  if (!m) return { caption: caption.trim(), credit: '' };
  return { caption: caption.slice(0, m.index).trim(), credit: m[1]!.trim() };
}

/**
 * Press release to draft: convert (electron/import/), analyse, import the photos into the library,
 * sanitise the body as paste is sanitised, then write the draft and its import record in one
 * transaction. A refusal before that write leaves no story behind; photos already imported stay in
 * the library, where they are content-addressed and harmless.
 */
export class ImportService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: ImportServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    if (!deps.convert) void untrustedWork().warm();
  }

  async importDocument(input: { fileName: string; data: Uint8Array; actorId?: string }): Promise<ImportResult> {
    const { fileName, data } = input;
    if (/[/\\\0]/.test(fileName) || fileName.trim() === '') throw new AppError('VALIDATION', '파일 이름에 경로 구분자를 쓸 수 없습니다. 파일 이름만 보내세요.');
    const actor = input.actorId === undefined ? undefined : await this.deps.profile(input.actorId);
    if (input.actorId !== undefined && !actor) throw new AppError('VALIDATION', '선택한 사용자 프로필을 찾을 수 없습니다. 프로필을 다시 고르세요.');

    // Off the main thread, in a worker with a time and heap limit: the file is untrusted.
    const { format, doc } = await (this.deps.convert ?? ((d, n) => untrustedWork().convertDocument(d, n)))(data, fileName);
    const analysis = analysePressRelease(doc, { items: (await this.deps.itemsAs?.()) ?? 'list' });
    const warnings = [...doc.warnings, ...analysis.warnings];
    const base = fileName.replace(/\.[^.]+$/, '').slice(0, 80) || '보도자료';

    const parts: BodyPart[] = [];
    let html = '';
    let photoNo = 0;
    for (const block of analysis.body) {
      if (block.kind !== 'image') {
        html += blockHtml(block);
        continue;
      }
      photoNo += 1;
      const image = doc.images[block.image]!;
      const ext = /\.[a-z0-9]+$/i.exec(image.name)?.[0] ?? '';
      let ref: PhotoRef;
      try {
        const { caption, credit } = splitCredit(block.caption);
        const { item } = await this.deps.media.import({ fileName: `${base}-사진${photoNo}${ext}`, data: image.data });
        // The library keeps its own texts when it has them; a new photo takes the document's.
        const patch: { caption?: string; credit?: string; alt?: string } = {};
        if (!item.caption && caption) patch.caption = caption.slice(0, 1_000);
        if (!item.credit && (credit || analysis.proposals.sourceAttribution)) patch.credit = (credit || analysis.proposals.sourceAttribution).slice(0, 200);
        if (!item.alt && (block.alt || caption)) patch.alt = (block.alt || caption).slice(0, 500);
        const stored = Object.keys(patch).length ? await this.deps.media.update({ id: item.id, ...patch }) : item;
        ref = {
          mediaId: item.id,
          caption: (caption || stored.caption).slice(0, 1_000),
          credit: (credit || stored.credit).slice(0, 200),
          alt: (block.alt || stored.alt).slice(0, 500),
        };
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'VALIDATION') throw err;
        warnings.push(`사진 ${photoNo}을(를) 가져오지 못했습니다: ${err.message}`);
        continue;
      }
      if (html) parts.push({ html });
      html = '';
      parts.push({ photo: ref });
    }
    if (html) parts.push({ html });
    const body = buildEditorState(parts);

    const p = analysis.proposals;
    const fields: ArticleFields = {
      headline: p.headline,
      deck: p.deck,
      section: (await this.deps.defaultSection?.()) ?? '',
      body,
      ...DEFAULT_META,
      storyType: 'press_release',
      sourceAttribution: p.sourceAttribution,
      embargoAt: p.embargoAt,
      bylines: actor ? [{ name: actor.name, email: actor.email, title: '기자' }] : [],
      dateline: (await this.deps.defaultDateline?.()) ?? '',
    };
    const bodyText = editorStateToText(body);
    const id = this.newId();
    const record = { fileName, format, proposals: p, setAside: analysis.setAside, warnings: warnings.slice(0, 50).map((w) => w.slice(0, 500)) };
    await this.deps.repo.createDraft({
      id,
      fields,
      bodyText,
      characters: countCharacters(bodyText).withSpaces,
      ownerId: actor?.id,
      record,
      now: this.now().toISOString(),
    });
    const stored = await this.deps.repo.get(id);
    return { article: await this.deps.articles.get(id), record: stored! };
  }

  async get(articleId: string): Promise<ImportRecord | null> {
    return (await this.deps.repo.get(articleId)) ?? null;
  }

  async confirm(input: { articleId: string; fields: ProposalField[]; actorId?: string }): Promise<ImportRecord> {
    if (input.actorId !== undefined) await this.mustStandBy(input.articleId, input.actorId);
    const record = await this.deps.repo.confirm(input.articleId, input.fields);
    if (!record) throw new AppError('NOT_FOUND', '이 기사는 보도자료에서 가져온 기사가 아닙니다.');
    return record;
  }

  /**
   * A confirmation vouches for the article's headline, deck, source and embargo, so it is the relation
   * shared/workflow.ts gives a draft's words: its reporter (anyone while nobody owns it), a desk editor
   * of its section, the editor-in-chief. Without an actor (one workstation, no profile picked) as before.
   */
  private async mustStandBy(articleId: string, actorId: string): Promise<void> {
    const actor = await this.deps.profile(actorId);
    if (!actor) throw new AppError('VALIDATION', '선택한 사용자 프로필을 찾을 수 없습니다. 프로필을 다시 고르세요.');
    const { owner, section } = await this.deps.workflow.status(articleId);
    if (owner === null || owner.id === actor.id || coversSection(actor, section)) return;
    throw new AppError('FORBIDDEN', `보도자료에서 가져온 내용은 기사를 쓴 기자와 ‘${section || '섹션 없음'}’ 데스크, 편집국장만 확인할 수 있습니다.`);
  }
}
