import { GHOST_ADMIN_KEY_PATTERN, type PublishResult, type PublishTargetInput } from '../../../shared/contract-publish';
import { AppError } from '../../../shared/errors';
import { embargoHolds } from '../../../shared/workflow';
import type { StoredTarget } from '../../db/publish-repo';
import { takedownGhostPost } from '../ghost';
import { DEFAULT_GHOST_OPTIONS, GhostClient } from '../ghost-client';
import { sendToGhost } from '../ghost-publish';
import type { ConnectionCheck, PublishRun, TakedownRun, TargetAdapter, TargetEnv, TargetOutcome, TargetSettings } from '../target-adapter';

/** A Ghost site, reached with a Custom Integration's Admin API key (ghost-client.ts). */
export class GhostTarget implements TargetAdapter {
  readonly kind = 'ghost';
  readonly label = 'Ghost';

  constructor(private readonly env: TargetEnv) {}

  validate(input: PublishTargetInput): TargetSettings {
    // The key's shape is the contract's check (PublishTargetInput); here only that a new target has one.
    if (input.id === undefined && input.password === undefined)
      throw new AppError('VALIDATION', 'Ghost Admin API 키를 쓰세요 (Ghost 관리 화면 → 설정 → 통합 → 사용자 지정 통합).');
    return { username: '', folder: '' };
  }

  /** Thrown before anything is sent, so nothing is logged: the desk has a setting to fix, not a failure to read. */
  private client(target: StoredTarget): GhostClient {
    const adminKey = target.secretSealed ? this.env.secrets.open(target.secretSealed) : '';
    if (!GHOST_ADMIN_KEY_PATTERN.test(adminKey))
      throw new AppError('VALIDATION', '이 Ghost 대상에는 Admin API 키가 저장되어 있지 않습니다. 대상 설정에서 Admin API 키를 저장하세요.');
    return new GhostClient({ url: target.url, adminKey }, this.env.ghost ?? DEFAULT_GHOST_OPTIONS);
  }

  async publish(run: PublishRun): Promise<TargetOutcome> {
    const ghost = this.client(run.target);
    const embargoed = embargoHolds(run.fields.embargoAt, run.now());
    let remote: { id: string; url: string } | undefined;
    try {
      const { post, firstTime, notes } = await sendToGhost(ghost, {
        articleId: run.articleId,
        fields: run.fields,
        media: run.media,
        embargoed,
        knownMedia: (mediaId) => run.knownPhoto(mediaId),
        // Ghost knows an upload only by its address.
        saveMedia: (mediaId, url) => run.savePhoto(mediaId, { remoteId: url, remoteUrl: url }),
        photoBytes: (mediaId) => run.photoBytes(mediaId),
        story: (photoSrc) => run.story(photoSrc),
        reserve: (key) => run.reserve(key),
      });
      remote = { id: post.id, url: post.url };
      await run.setRemote({ remoteId: remote.id, remoteUrl: remote.url });
      const result: PublishResult = embargoed ? 'scheduled' : firstTime ? 'published' : 'updated';
      return { result, remoteId: remote.id, remoteUrl: remote.url, note: notes.join(' ') || null, tries: ghost.tries };
    } catch (err) {
      return { result: 'failed', remoteId: remote?.id, remoteUrl: remote?.url, note: ghost.failure(err), tries: ghost.tries };
    }
  }

  /** The post goes to draft or is deleted (Ghost has no trash), the target's choice. */
  async takedown(run: TakedownRun): Promise<TargetOutcome> {
    const ghost = this.client(run.target);
    try {
      const post = await takedownGhostPost(ghost, run.record.remoteId, run.target.takedown);
      if (post === null) return { result: 'withdrawn', note: 'Ghost에 이 글이 이미 없습니다 (사이트에서 삭제됨). 공개된 글은 없습니다.', tries: ghost.tries };
      return { result: 'withdrawn', remoteUrl: post.url || run.record.remoteUrl, tries: ghost.tries };
    } catch (err) {
      return { result: 'failed', note: ghost.failure(err), tries: ghost.tries };
    }
  }

  /** Whether the site is a Ghost that takes the key: reading one post needs a valid Admin API key. */
  async testConnection(target: StoredTarget): Promise<ConnectionCheck> {
    const ghost = this.client(target);
    try {
      await ghost.retried(() => ghost.request('GET', 'posts/', { query: { limit: '1', fields: 'id' } }));
      return { ok: true, message: 'Ghost에 연결했습니다. 이 Admin API 키로 출고할 수 있습니다.' };
    } catch (err) {
      return { ok: false, message: ghost.failure(err) };
    }
  }
}
