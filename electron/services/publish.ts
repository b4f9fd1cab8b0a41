import { fieldsOf, type ArticleFields } from '../../shared/article';
import type { PublishAttempt, PublishTarget, PublishTargetInput, TargetCheck } from '../../shared/contract-publish';
import type { ArticleWorkflow, WorkflowEvent } from '../../shared/contract-workflow';
import { AppError } from '../../shared/errors';
import type { MediaItem } from '../../shared/media';
import type { PhotoSrc } from '../../shared/photo-html';
import { photosOf } from '../../shared/photo-refs';
import type { Profile } from '../../shared/profiles';
import type { Settings } from '../../shared/settings';
import { targetKind } from '../../shared/publish-targets/index';
import { coversSection, SENDABLE_STATES } from '../../shared/workflow';
import type { PublishRepository, StoredTarget } from '../db/publish-repo';
import { checkGhost, checkWordPress, failed } from '../publish/connection-check';
import { DEFAULT_GHOST_OPTIONS, type GhostOptions } from '../publish/ghost-client';
import type { SecretStore } from '../host/secret-store';
import { outgoingArticle, type CorrectionNote, type OutgoingArticle } from '../publish/outgoing-article';
import type { StoryTimes } from '../publish/reader-meta';
import { TargetRegistry } from '../publish/targets/registry';
import { DEFAULT_WORDPRESS_OPTIONS, type WordPressOptions } from '../publish/wordpress';
import type { ArticleService } from './articles';
import type { MediaService } from './media';
import type { WorkflowService } from './workflow';

/** Tests and the CMS payload checks build the WordPress key as the target does. */
export { idempotencyKey } from '../publish/targets/wordpress-target';

export interface PublishServiceDeps {
  repo: PublishRepository;
  articles: ArticleService;
  media: Pick<MediaService, 'get' | 'exportPhoto'>;
  /** On a shared newsroom database: fetches photos another workstation imported, before a bundle copies them. */
  materialise?: (mediaId: string) => Promise<unknown>;
  workflow: Pick<WorkflowService, 'status' | 'recordPublication' | 'history'>;
  /** Who a profile is: a batch is refused up front for a profile that may not publish at all. */
  profile: (id: string) => Promise<Profile | undefined>;
  settings: () => Settings | Promise<Settings>;
  secrets: SecretStore;
  /** HTML bundles go under <exportsDir>/<target folder>/<story id>/. */
  exportsDir: string;
  /** <data>/media: the renditions a bundle copies. */
  mediaDir: string;
  wordpress?: WordPressOptions;
  ghost?: GhostOptions;
  now?: () => Date;
}

/** What a run knows of the story before rendering it for a target. */
type ArticleBase = { articleId: string; version: number; createdAt: string; versionAt: string; fields: ArticleFields; corrections: CorrectionNote[] };

const SENDABLE = new Set<string>(SENDABLE_STATES);

/**
 * Publishing: turns the version the desk approved into each target's form (HTML bundle, WordPress, Ghost),
 * records the remote id and URL so the next publish updates instead of duplicating, logs every
 * attempt, and only after a CMS accepted the story asks the workflow to mark it published.
 */
export class PublishService {
  private readonly now: () => Date;
  /** One run per story and target at a time, so two clicks cannot both create. */
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly adapters: TargetRegistry;

  constructor(private readonly deps: PublishServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.adapters = new TargetRegistry(deps);
  }

  targets(): Promise<PublishTarget[]> {
    return this.deps.repo.targets();
  }

  /**
   * Saves a target as its kind's schema checked it (the contract parsed `settings` and `secret` with it).
   * What stays here is what every kind shares: a kind this build has an adapter for, a new target's
   * secret when its kind needs one, the secret sealed before it is stored.
   */
  async saveTarget(input: PublishTargetInput): Promise<PublishTarget> {
    this.adapters.adapter(input.kind);
    const spec = targetKind(input.kind)!;
    if (input.id === undefined && spec.secret && input.secret === undefined) throw new AppError('VALIDATION', spec.secret.requiredMessage);
    const now = this.now().toISOString();
    const secretSealed = input.secret === undefined ? undefined : this.deps.secrets.seal(input.secret);
    const row = { kind: input.kind, name: input.name.trim(), settings: input.settings as Record<string, unknown> };
    if (input.id === undefined) return this.deps.repo.insertTarget({ ...row, secretSealed: secretSealed ?? null, now });
    const updated = await this.deps.repo.updateTarget(input.id, { ...row, secretSealed, now });
    if (!updated) throw new AppError('NOT_FOUND', `출고 대상을 찾을 수 없습니다 (${input.id}).`);
    return updated;
  }

  /** Whether a target can be reached with what is stored for it. A refusal by the site is the answer, not an error. */
  async testTarget(targetId: number): Promise<TargetCheck> {
    const target = await this.deps.repo.target(targetId);
    if (!target) throw new AppError('NOT_FOUND', `출고 대상을 찾을 수 없습니다 (${targetId}).`);
    return this.adapters.adapterFor(target).testConnection(target);
  }

  /**
   * 연결 시험 of a target as typed (publish.checkTarget): the secret typed, or else the stored one while
   * the settings it is bound to are unchanged (as updateTarget keeps it). Nothing is stored.
   */
  async checkTarget(input: PublishTargetInput): Promise<TargetCheck> {
    const spec = targetKind(input.kind)!;
    const stored = input.id === undefined ? undefined : await this.deps.repo.target(input.id);
    if (input.id !== undefined && !stored) throw new AppError('NOT_FOUND', `출고 대상을 찾을 수 없습니다 (${input.id}).`);
    const settings = input.settings as Record<string, unknown>;
    const kept =
      stored?.kind === input.kind &&
      spec.secret?.boundTo.every((k) => String((stored.settings as Record<string, unknown>)[k] ?? '').trim() === String(settings[k] ?? '').trim());
    const secret = input.secret ?? (kept && stored.secretSealed ? this.deps.secrets.open(stored.secretSealed) : '');
    if (spec.secret && !secret) return failed('auth', spec.secret.requiredMessage);
    if (input.kind === 'wordpress')
      return checkWordPress({ url: input.settings.url, username: input.settings.username, password: secret }, this.deps.wordpress ?? DEFAULT_WORDPRESS_OPTIONS);
    if (input.kind === 'ghost') return checkGhost({ url: input.settings.url, adminKey: secret }, this.deps.ghost ?? DEFAULT_GHOST_OPTIONS);
    const now = this.now().toISOString();
    const draft = {
      id: input.id ?? 0,
      kind: input.kind,
      name: input.name,
      settings: input.settings,
      secretSealed: null,
      createdAt: now,
      updatedAt: now,
    } as StoredTarget;
    return this.adapters.adapterFor(draft).testConnection(draft);
  }

  /**
   * Whether a batch can start at all: the target exists and the profile is a desk editor or the
   * editor-in-chief. Each story is still checked as it goes (its state, its section).
   */
  async checkBatch(targetId: number, actorId: string): Promise<void> {
    if (!(await this.deps.repo.target(targetId))) throw new AppError('NOT_FOUND', `출고 대상을 찾을 수 없습니다 (${targetId}).`);
    const actor = await this.deps.profile(actorId);
    if (!actor) throw new AppError('FORBIDDEN', '알 수 없는 프로필입니다. 프로필을 다시 고르세요.');
    if (actor.role === 'reporter') throw new AppError('FORBIDDEN', '기자는 출고할 수 없습니다. 데스크나 편집국장만 여러 기사를 한꺼번에 출고할 수 있습니다.');
  }

  log(articleId: string): Promise<PublishAttempt[]> {
    return this.deps.repo.attempts(articleId);
  }

  /** Publishes the story to the target; a withdrawn story is taken down there instead (see takedown). */
  run(input: { articleId: string; targetId: number; actorId: string }): Promise<PublishAttempt> {
    return this.serialized(input, () => this.runOnce(input));
  }

  /**
   * Takes a withdrawn story down from a target: a WordPress post is set to draft or moved to the trash
   * (the target's choice), an HTML bundle's folder is removed. Only for a story in state withdrawn,
   * only by the editor-in-chief or a desk editor of its section. Logged as a 'withdrawn' attempt only
   * when the target accepted it; a refusal or a failure after retries is logged as 'failed'.
   */
  takedown(input: { articleId: string; targetId: number; actorId: string }): Promise<PublishAttempt> {
    return this.serialized(input, async () => {
      const target = await this.deps.repo.target(input.targetId);
      if (!target) throw new AppError('NOT_FOUND', `출고 대상을 찾을 수 없습니다 (${input.targetId}).`);
      return this.takedownOnce(target, input);
    });
  }

  private async serialized(input: { articleId: string; targetId: number }, run: () => Promise<PublishAttempt>): Promise<PublishAttempt> {
    const key = `${input.articleId}:${input.targetId}`;
    while (this.running.has(key)) await this.running.get(key)!.catch(() => undefined);
    const job = run();
    this.running.set(key, job);
    try {
      return await job;
    } finally {
      this.running.delete(key);
    }
  }

  /** The fields to send: exactly the version the desk approved. */
  private async approvedFields(
    articleId: string,
    status: ArticleWorkflow,
  ): Promise<{ fields: ArticleFields; version: number; state: string; createdAt: string; versionAt: string }> {
    if (!SENDABLE.has(status.state)) throw new AppError('CONFLICT', '승인된 기사만 출고할 수 있습니다. 데스크 승인을 먼저 받으세요.', { state: status.state });
    const deskMoves = status.allowed.filter((m) => m === 'publish' || m === 'correct');
    if (deskMoves.length === 0) throw new AppError('FORBIDDEN', '이 기사를 출고할 권한이 없습니다. 해당 섹션의 데스크나 편집국장만 출고할 수 있습니다.');
    const article = await this.deps.articles.get(articleId);
    const version = status.state === 'approved' && status.approvedVersion !== null ? status.approvedVersion : article.version;
    if (version === article.version)
      return { fields: fieldsOf(article), version, state: status.state, createdAt: article.createdAt, versionAt: article.updatedAt };
    const revision = await this.deps.articles.revision(articleId, version);
    return { fields: revision.fields, version, state: status.state, createdAt: article.createdAt, versionAt: revision.savedAt };
  }

  private async mediaItems(fields: ArticleFields): Promise<Map<string, MediaItem>> {
    const ids = new Set(photosOf(fields).map((p) => p.mediaId));
    const out = new Map<string, MediaItem>();
    for (const id of ids) {
      const item = await this.deps.media.get(id).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'NOT_FOUND') return undefined;
        throw err;
      });
      if (item) out.set(id, item);
    }
    return out;
  }

  /** Every 정정 the story went through, oldest first, with its 정정 사유: readers are shown them all. */
  private corrections(history: readonly WorkflowEvent[]): CorrectionNote[] {
    return history.filter((e) => e.action === 'correct' && e.note.trim() !== '').map((e) => ({ at: e.at, reason: e.note }));
  }

  /**
   * 입력 is when readers first got the story: its first publication on the workflow, or its first export
   * (a bundle leaves the state alone), or this run; 수정 is its last 정정. A resubmission changes neither.
   */
  private async times(articleId: string, history: readonly WorkflowEvent[], corrections: readonly CorrectionNote[], now: string): Promise<StoryTimes> {
    const out = (await this.deps.repo.attempts(articleId)).filter((a) => a.result === 'published' || a.result === 'updated' || a.result === 'exported');
    const firsts = [...history.filter((e) => e.action === 'publish').map((e) => e.at), ...out.map((a) => a.at), now];
    const first = firsts.reduce((a, b) => (new Date(b).getTime() < new Date(a).getTime() ? b : a));
    return { firstPublishedAt: first, correctedAt: corrections.at(-1)?.at ?? null };
  }

  private story(base: ArticleBase, media: Map<string, MediaItem>, photoSrc: PhotoSrc, target: StoredTarget, newsroom: Settings['newsroom']): OutgoingArticle {
    return outgoingArticle({
      corrections: base.corrections,
      correctionPrefix: target.settings.correctionPrefix,
      articleId: base.articleId,
      version: base.version,
      createdAt: base.createdAt,
      versionCreatedAt: base.versionAt,
      fields: base.fields,
      newsroom,
      photoSrc,
      media,
    });
  }

  private async runOnce(input: { articleId: string; targetId: number; actorId: string }): Promise<PublishAttempt> {
    const target = await this.deps.repo.target(input.targetId);
    if (!target) throw new AppError('NOT_FOUND', `출고 대상을 찾을 수 없습니다 (${input.targetId}).`);
    const current = await this.deps.workflow.status(input.articleId, input.actorId);
    if (current.state === 'withdrawn') return this.takedownOnce(target, input);
    // Read once per run: each read parses and validates the stored settings (on the newsroom server, a query).
    const { newsroom, portal, posts } = await this.deps.settings();
    const approved = await this.approvedFields(input.articleId, current);
    const media = await this.mediaItems(approved.fields);
    const history = await this.deps.workflow.history(input.articleId);
    const base = { articleId: input.articleId, ...approved, corrections: this.corrections(history) };
    const at = this.now().toISOString();
    const times = await this.times(input.articleId, history, base.corrections, at);
    const { repo } = this.deps;
    const adapter = this.adapters.adapterFor(target);
    const outcome = await adapter.publish({
      target,
      articleId: input.articleId,
      fields: approved.fields,
      version: approved.version,
      media,
      newsroom,
      portal,
      times,
      posts,
      now: this.now,
      story: (photoSrc) => this.story(base, media, photoSrc, target, newsroom),
      photoBytes: (mediaId) => this.deps.media.exportPhoto(mediaId, { maxWidth: 2048 }),
      knownPhoto: (mediaId) => repo.media(target.id, mediaId),
      savePhoto: (mediaId, remote) => repo.setMedia(target.id, mediaId, remote),
      reserve: (key) => repo.reserveKey(input.articleId, target.id, key, at),
      setRemote: (remote) => repo.setRemote(input.articleId, target.id, { ...remote, version: approved.version }, at),
    });
    const live = outcome.result === 'published' || outcome.result === 'updated';
    const marked = live ? await this.markPublished(input, approved.state, target, outcome.remoteUrl ?? '', adapter.label) : null;
    return repo.finish(
      {
        articleId: input.articleId,
        targetId: target.id,
        targetName: target.name,
        version: approved.version,
        at,
        result: outcome.result,
        remoteId: outcome.remoteId ?? null,
        remoteUrl: outcome.remoteUrl ?? null,
        error: [outcome.note, marked].filter((s) => s).join(' ') || null,
        tries: outcome.tries,
      },
      outcome.record,
    );
  }

  /**
   * Only once the CMS has accepted the story does it become published (the embargo is checked there
   * too). A refusal by the workflow is a note on the attempt, not a failure: the post is up.
   */
  private async markPublished(
    input: { articleId: string; actorId: string },
    state: string,
    target: StoredTarget,
    url: string,
    cms: string,
  ): Promise<string | null> {
    if (state !== 'approved' && state !== 'corrected') return null;
    try {
      await this.deps.workflow.recordPublication({ id: input.articleId, actorId: input.actorId, note: `${target.name}: ${url}` });
      return null;
    } catch (err) {
      return `${cms}에는 올라갔지만 기사 상태를 '출고'로 바꾸지 못했습니다: ${err instanceof AppError ? err.message : '알 수 없는 오류'}`;
    }
  }

  private async takedownOnce(target: StoredTarget, input: { articleId: string; targetId: number; actorId: string }): Promise<PublishAttempt> {
    const status = await this.deps.workflow.status(input.articleId, input.actorId);
    if (status.state !== 'withdrawn') {
      throw new AppError('CONFLICT', '철회된 기사만 내릴 수 있습니다. 먼저 기사를 철회하세요 (철회 사유 필요).', { state: status.state });
    }
    const actor = await this.deps.repo.actor(input.actorId);
    if (!actor) throw new AppError('FORBIDDEN', '알 수 없는 프로필입니다. 프로필을 다시 고르세요.', { reason: 'unknown-profile' });
    if (!coversSection(actor, status.section)) {
      throw new AppError('FORBIDDEN', '이 기사를 내릴 권한이 없습니다. 해당 섹션의 데스크나 편집국장만 출고된 기사를 내릴 수 있습니다.', { role: actor.role });
    }
    const record = await this.deps.repo.record(input.articleId, target.id);
    if (!record || record.remoteId === null) throw new AppError('CONFLICT', `‘${target.name}’에는 이 기사가 출고된 적이 없어 내릴 것이 없습니다.`);
    const adapter = this.adapters.adapterFor(target);
    const at = this.now().toISOString();
    const { newsroom } = await this.deps.settings();
    const outcome = await adapter.takedown({ target, articleId: input.articleId, newsroom, now: this.now, record: { ...record, remoteId: record.remoteId } });
    return this.deps.repo.finish(
      {
        articleId: input.articleId,
        targetId: target.id,
        targetName: target.name,
        version: status.version,
        at,
        result: outcome.result,
        remoteId: record.remoteId,
        remoteUrl: outcome.remoteUrl ?? record.remoteUrl,
        error: outcome.note ?? null,
        tries: outcome.tries,
      },
      undefined,
    );
  }
}
