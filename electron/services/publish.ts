import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fieldsOf, type ArticleFields } from '../../shared/article';
import { GHOST_ADMIN_KEY_PATTERN, type PublishAttempt, type PublishResult, type PublishTarget, type PublishTargetInput } from '../../shared/contract-publish';
import type { StoryWorkflow } from '../../shared/contract-workflow';
import { AppError } from '../../shared/errors';
import type { MediaItem } from '../../shared/media';
import type { PhotoSrc } from '../../shared/photo-html';
import { photosOf } from '../../shared/photo-refs';
import type { Profile } from '../../shared/profiles';
import type { Settings } from '../../shared/settings';
import { coversSection, embargoHolds } from '../../shared/workflow';
import type { PublishRepository, StoredTarget } from '../db/publish-repo';
import { takedownGhostPost } from '../publish/ghost';
import { DEFAULT_GHOST_OPTIONS, GhostClient, type GhostOptions } from '../publish/ghost-client';
import { sendToGhost } from '../publish/ghost-publish';
import { wordpressPostText } from '../publish/cms-fields';
import { bundleRoot } from '../publish/bundle-folder';
import { bundlePhotoSrc, writeHtmlBundle } from '../publish/html-bundle';
import type { SecretStore } from '../publish/secret-store';
import { outgoingStory, type CorrectionNote, type OutgoingStory } from '../publish/story';
import { DEFAULT_WORDPRESS_OPTIONS, WordPressClient, publishFailure, takedownPost, type WordPressOptions } from '../publish/wordpress';
import { trashStrays } from '../publish/wordpress-strays';
import type { ArticleService } from './articles';
import type { MediaService } from './media';
import type { WorkflowService } from './workflow';

export interface PublishServiceDeps {
  repo: PublishRepository;
  articles: ArticleService;
  media: Pick<MediaService, 'get' | 'exportPhoto'>;
  /** On a shared newsroom database: fetches photos another workstation imported, before a bundle copies them. */
  materialise?: (mediaId: string) => Promise<unknown>;
  workflow: Pick<WorkflowService, 'status' | 'recordPublication' | 'history'>;
  /** Who a profile is: a batch is refused up front for a profile that may not publish at all. */
  profile: (id: string) => Promise<Profile | undefined>;
  settings: () => Settings;
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
type StoryBase = { articleId: string; version: number; createdAt: string; versionAt: string; fields: ArticleFields; corrections: CorrectionNote[] };

/** States a story may be sent from: approved (first publication), and published or corrected (an update). */
const SENDABLE = new Set(['approved', 'published', 'corrected']);

function publicTarget(t: StoredTarget): PublishTarget {
  const { secretSealed: _sealed, ...rest } = t;
  return rest;
}

/** The key a story is known by on a CMS: its slug there, looked up before any create. */
export function idempotencyKey(articleId: string, slug: string): string {
  const tag = `b${createHash('sha256').update(articleId).digest('hex').slice(0, 15)}`;
  return slug ? `${slug.slice(0, 150)}-${tag}` : `byline-${tag}`;
}

/** WordPress's date_gmt: no zone designator, UTC implied. */
function wpGmt(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

/**
 * Publishing: turns the version the desk approved into each target's form (HTML bundle, WordPress, Ghost),
 * records the remote id and URL so the next publish updates instead of duplicating, logs every
 * attempt, and only after a CMS accepted the story asks the workflow to mark it published.
 */
export class PublishService {
  private readonly now: () => Date;
  /** One run per story and target at a time, so two clicks cannot both create. */
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: PublishServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async targets(): Promise<PublishTarget[]> {
    return (await this.deps.repo.targets()).map(publicTarget);
  }

  async saveTarget(input: PublishTargetInput): Promise<PublishTarget> {
    const username = input.username.trim();
    const folder = input.folder.trim();
    if (input.kind === 'wordpress' && username === '') throw new AppError('VALIDATION', '워드프레스 사용자 이름을 쓰세요.');
    if (input.kind === 'html-bundle' && folder === '') throw new AppError('VALIDATION', 'HTML 묶음을 저장할 폴더 이름을 쓰세요.');
    if (input.kind === 'html-bundle' && input.password !== undefined) throw new AppError('VALIDATION', 'HTML 묶음 대상에는 비밀번호가 없습니다.');

    const now = this.now().toISOString();
    const secretSealed = input.password === undefined ? undefined : this.deps.secrets.seal(input.password.trim());
    const row = { kind: input.kind, name: input.name.trim(), url: input.url.trim(), username: input.kind === 'wordpress' ? username : '', folder: input.kind === 'html-bundle' ? folder : '' };
    if (input.id === undefined) {
      if (input.kind === 'wordpress' && secretSealed === undefined) throw new AppError('VALIDATION', '워드프레스 애플리케이션 비밀번호를 쓰세요.');
      if (input.kind === 'ghost' && secretSealed === undefined) throw new AppError('VALIDATION', 'Ghost Admin API 키를 쓰세요 (Ghost 관리 화면 → 설정 → 통합 → 사용자 지정 통합).');
      return publicTarget(await this.deps.repo.insertTarget({ ...row, secretSealed: secretSealed ?? null, takedown: input.takedown, correctionPrefix: input.correctionPrefix, now }));
    }
    const updated = await this.deps.repo.updateTarget(input.id, { ...row, secretSealed, now });
    if (!updated) throw new AppError('NOT_FOUND', `출고 대상을 찾을 수 없습니다 (${input.id}).`);
    if (input.takedown === undefined && input.correctionPrefix === undefined) return publicTarget(updated);
    await this.deps.repo.setTargetChoices(input.id, { takedown: input.takedown, correctionPrefix: input.correctionPrefix });
    return publicTarget((await this.deps.repo.target(input.id))!);
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
  private async approvedFields(articleId: string, status: StoryWorkflow): Promise<{ fields: ArticleFields; version: number; state: string; createdAt: string; versionAt: string }> {
    if (!SENDABLE.has(status.state)) throw new AppError('CONFLICT', '승인된 기사만 출고할 수 있습니다. 데스크 승인을 먼저 받으세요.', { state: status.state });
    const deskMoves = status.allowed.filter((m) => m === 'publish' || m === 'correct');
    if (deskMoves.length === 0) throw new AppError('FORBIDDEN', '이 기사를 출고할 권한이 없습니다. 해당 섹션의 데스크나 편집국장만 출고할 수 있습니다.');
    const article = await this.deps.articles.get(articleId);
    const version = status.state === 'approved' && status.approvedVersion !== null ? status.approvedVersion : article.version;
    if (version === article.version) return { fields: fieldsOf(article), version, state: status.state, createdAt: article.createdAt, versionAt: article.updatedAt };
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
  private async corrections(articleId: string): Promise<CorrectionNote[]> {
    return (await this.deps.workflow.history(articleId)).filter((e) => e.action === 'correct' && e.note.trim() !== '').map((e) => ({ at: e.at, reason: e.note }));
  }

  private story(
    base: StoryBase,
    media: Map<string, MediaItem>,
    photoSrc: PhotoSrc,
    target: StoredTarget,
    newsroom: Settings['newsroom'],
  ): OutgoingStory {
    return outgoingStory({
      corrections: base.corrections,
      correctionPrefix: target.correctionPrefix,
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
    // Read once per run: each read parses and validates the settings file.
    const { newsroom } = this.deps.settings();
    const approved = await this.approvedFields(input.articleId, current);
    const media = await this.mediaItems(approved.fields);
    const base = { articleId: input.articleId, ...approved, corrections: await this.corrections(input.articleId) };
    const at = this.now().toISOString();
    const attempt = (
      result: PublishResult,
      extra: { remoteId?: string | null; remoteUrl?: string | null; error?: string | null; tries: number },
      record?: { key: string; remoteId: string; remoteUrl: string },
    ) =>
      this.deps.repo.finish(
        {
          articleId: input.articleId,
          targetId: target.id,
          targetName: target.name,
          version: approved.version,
          at,
          result,
          remoteId: extra.remoteId ?? null,
          remoteUrl: extra.remoteUrl ?? null,
          error: extra.error ?? null,
          tries: extra.tries,
        },
        record,
      );

    if (target.kind === 'html-bundle') {
      try {
        const { materialise } = this.deps;
        if (materialise) await Promise.all([...media.keys()].map((id) => materialise(id)));
        const story = this.story(base, media, bundlePhotoSrc, target, newsroom);
        const publicUrl = new URL(`${encodeURIComponent(input.articleId)}/`, target.url.endsWith('/') ? target.url : `${target.url}/`).href;
        await writeHtmlBundle({
          story,
          root: await bundleRoot(this.deps.exportsDir, target.folder),
          name: input.articleId,
          mediaDir: this.deps.mediaDir,
          publicUrl,
          agencyCredit: newsroom.agencyCredit,
        });
        const url = new URL('index.html', publicUrl).href;
        return await attempt('exported', { remoteId: input.articleId, remoteUrl: url, tries: 1 }, { key: input.articleId, remoteId: input.articleId, remoteUrl: url });
      } catch (err) {
        return attempt('failed', { error: publishFailure(err, ''), tries: 1 });
      }
    }

    if (target.kind === 'ghost') return this.runGhost(target, input, approved, base, media, newsroom, at, attempt);

    const password = target.secretSealed ? this.deps.secrets.open(target.secretSealed) : '';
    if (!password) throw new AppError('VALIDATION', '이 워드프레스 대상에는 애플리케이션 비밀번호가 저장되어 있지 않습니다. 대상 설정에서 저장하세요.');
    const wp = new WordPressClient({ url: target.url, username: target.username, password }, this.deps.wordpress ?? DEFAULT_WORDPRESS_OPTIONS);
    const embargoed = embargoHolds(approved.fields.embargoAt, this.now());
    let remote: { id: string; url: string } | undefined;
    try {
      await wp.checkAccount();
      // Photos first: the post's HTML points at their addresses on the site.
      const urls = new Map<string, { id: number; url: string }>();
      const placed = photosOf(approved.fields);
      for (const [mediaId, item] of media) {
        const ref = placed.find((p) => p.mediaId === mediaId);
        const known = await this.deps.repo.media(target.id, mediaId);
        const uploaded = await wp.photo(
          { mediaId, fileName: item.fileName, bytes: () => this.deps.media.exportPhoto(mediaId, { maxWidth: 2048 }), caption: ref?.caption ?? item.caption, alt: ref?.alt ?? item.alt, credit: ref?.credit ?? item.credit },
          known ? Number(known.remoteId) : undefined,
        );
        await this.deps.repo.setMedia(target.id, mediaId, { remoteId: String(uploaded.id), remoteUrl: uploaded.source_url });
        urls.set(mediaId, { id: uploaded.id, url: uploaded.source_url });
      }
      const missing = placed.filter((p) => !urls.has(p.mediaId));
      if (missing.length) throw new AppError('NOT_FOUND', `이 컴퓨터의 사진 보관함에 없는 사진이 있어 출고할 수 없습니다: ${missing.map((p) => p.mediaId.slice(0, 12)).join(', ')}…`);
      const story = this.story(base, media, (ref) => urls.get(ref.mediaId)?.url ?? '', target, newsroom);
      const f = approved.fields;
      const categories = f.section.trim() ? [await wp.term('categories', f.section.trim())] : [];
      const tags: number[] = [];
      for (const tag of f.tags) tags.push(await wp.term('tags', tag));
      const record = await this.deps.repo.reserveKey(input.articleId, target.id, idempotencyKey(input.articleId, f.slug), at);
      const { post, notes } = await wp.upsertPost(
        {
          slug: record.idempotencyKey,
          ...wordpressPostText(story),
          status: embargoed ? 'future' : 'publish',
          dateGmt: embargoed ? wpGmt(f.embargoAt!) : undefined,
          categories,
          tags,
          featuredMedia: f.leadPhoto ? (urls.get(f.leadPhoto.mediaId)?.id ?? 0) : 0,
        },
        record.remoteId ? Number(record.remoteId) : undefined,
      );
      remote = { id: String(post.id), url: post.link };
      // Recorded at once, so a failure below (the workflow's) cannot lose which post is the story's.
      await this.deps.repo.setRemote(input.articleId, target.id, { remoteId: remote.id, remoteUrl: remote.url, version: approved.version }, at);
      const firstTime = record.remoteId === null;
      const result: PublishResult = embargoed ? 'scheduled' : firstTime ? 'published' : 'updated';
      const marked = embargoed ? null : await this.markPublished(input, approved.state, target, remote.url, '워드프레스');
      const note = [...notes, ...(marked ? [marked] : [])].join(' ') || null;
      return attempt(result, { remoteId: remote.id, remoteUrl: remote.url, error: note, tries: wp.tries });
    } catch (err) {
      return attempt('failed', { remoteId: remote?.id, remoteUrl: remote?.url, error: publishFailure(err, password), tries: wp.tries });
    }
  }

  /**
   * Only once the CMS has accepted the story does it become published (the embargo is checked there
   * too). A refusal by the workflow is a note on the attempt, not a failure: the post is up.
   */
  private async markPublished(input: { articleId: string; actorId: string }, state: string, target: StoredTarget, url: string, cms: string): Promise<string | null> {
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
    const at = this.now().toISOString();
    const attempt = (result: PublishResult, extra: { remoteUrl?: string | null; error?: string | null; tries: number }) =>
      this.deps.repo.finish(
        {
          articleId: input.articleId,
          targetId: target.id,
          targetName: target.name,
          version: status.version,
          at,
          result,
          remoteId: record.remoteId,
          remoteUrl: extra.remoteUrl ?? record.remoteUrl,
          error: extra.error ?? null,
          tries: extra.tries,
        },
        undefined,
      );

    if (target.kind === 'html-bundle') {
      try {
        const root = await bundleRoot(this.deps.exportsDir, target.folder);
        const dir = path.join(root, input.articleId);
        if (path.dirname(dir) !== root) throw new AppError('VALIDATION', '기사 식별자가 올바르지 않습니다.');
        await rm(dir, { recursive: true, force: true });
        return await attempt('withdrawn', { tries: 1 });
      } catch (err) {
        return attempt('failed', { error: `HTML 묶음 폴더를 지우지 못했습니다: ${publishFailure(err, '')}`, tries: 1 });
      }
    }

    if (target.kind === 'ghost') {
      const ghost = this.ghostClient(target);
      try {
        const post = await takedownGhostPost(ghost, record.remoteId, target.takedown);
        if (post === null) return await attempt('withdrawn', { error: 'Ghost에 이 글이 이미 없습니다 (사이트에서 삭제됨). 공개된 글은 없습니다.', tries: ghost.tries });
        return await attempt('withdrawn', { remoteUrl: post.url || record.remoteUrl, tries: ghost.tries });
      } catch (err) {
        return attempt('failed', { error: ghost.failure(err), tries: ghost.tries });
      }
    }

    const password = target.secretSealed ? this.deps.secrets.open(target.secretSealed) : '';
    if (!password) throw new AppError('VALIDATION', '이 워드프레스 대상에는 애플리케이션 비밀번호가 저장되어 있지 않습니다. 대상 설정에서 저장하세요.');
    const wp = new WordPressClient({ url: target.url, username: target.username, password }, this.deps.wordpress ?? DEFAULT_WORDPRESS_OPTIONS);
    try {
      const post = await takedownPost(wp, Number(record.remoteId), target.takedown);
      const strays = await trashStrays(wp, record.idempotencyKey, Number(record.remoteId));
      const notes = strays.notes.join(' ');
      // A duplicate still up keeps the withdrawn story public: the takedown is not done.
      if (!strays.clean) return await attempt('failed', { error: notes, tries: wp.tries });
      if (post === null) {
        return await attempt('withdrawn', { error: `워드프레스에 이 글이 이미 없습니다 (사이트에서 삭제됨). 공개된 글은 없습니다. ${notes}`.trim(), tries: wp.tries });
      }
      return await attempt('withdrawn', { remoteUrl: post.link || record.remoteUrl, error: notes || null, tries: wp.tries });
    } catch (err) {
      return attempt('failed', { error: publishFailure(err, password), tries: wp.tries });
    }
  }
  private ghostClient(target: StoredTarget): GhostClient {
    const adminKey = target.secretSealed ? this.deps.secrets.open(target.secretSealed) : '';
    if (!GHOST_ADMIN_KEY_PATTERN.test(adminKey)) throw new AppError('VALIDATION', '이 Ghost 대상에는 Admin API 키가 저장되어 있지 않습니다. 대상 설정에서 Admin API 키를 저장하세요.');
    return new GhostClient({ url: target.url, adminKey }, this.deps.ghost ?? DEFAULT_GHOST_OPTIONS);
  }

  /** A Ghost target, as the WordPress branch of runOnce: the post is recorded at once, the story marked published only after Ghost accepted it. */
  private async runGhost(
    target: StoredTarget,
    input: { articleId: string; actorId: string },
    approved: { fields: ArticleFields; version: number; state: string },
    base: StoryBase,
    media: Map<string, MediaItem>,
    newsroom: Settings['newsroom'],
    at: string,
    attempt: (result: PublishResult, extra: { remoteId?: string | null; remoteUrl?: string | null; error?: string | null; tries: number }) => Promise<PublishAttempt>,
  ): Promise<PublishAttempt> {
    const ghost = this.ghostClient(target);
    const embargoed = embargoHolds(approved.fields.embargoAt, this.now());
    let remote: { id: string; url: string } | undefined;
    try {
      const { post, firstTime, notes } = await sendToGhost(ghost, {
        articleId: input.articleId,
        fields: approved.fields,
        media,
        embargoed,
        knownMedia: (mediaId) => this.deps.repo.media(target.id, mediaId),
        saveMedia: (mediaId, url) => this.deps.repo.setMedia(target.id, mediaId, { remoteId: url, remoteUrl: url }),
        photoBytes: (mediaId) => this.deps.media.exportPhoto(mediaId, { maxWidth: 2048 }),
        story: (photoSrc) => this.story(base, media, photoSrc, target, newsroom),
        reserve: (key) => this.deps.repo.reserveKey(input.articleId, target.id, key, at),
      });
      remote = { id: post.id, url: post.url };
      await this.deps.repo.setRemote(input.articleId, target.id, { remoteId: remote.id, remoteUrl: remote.url, version: approved.version }, at);
      const result: PublishResult = embargoed ? 'scheduled' : firstTime ? 'published' : 'updated';
      const marked = embargoed ? null : await this.markPublished(input, approved.state, target, remote.url, 'Ghost');
      const note = [...notes, ...(marked ? [marked] : [])].join(' ') || null;
      return await attempt(result, { remoteId: remote.id, remoteUrl: remote.url, error: note, tries: ghost.tries });
    } catch (err) {
      return attempt('failed', { remoteId: remote?.id, remoteUrl: remote?.url, error: ghost.failure(err), tries: ghost.tries });
    }
  }
}
