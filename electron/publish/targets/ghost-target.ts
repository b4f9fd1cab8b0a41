import type { PublishResult } from '../../../shared/contract-publish';
import { GHOST_ADMIN_KEY_PATTERN } from '../../../shared/publish-targets/ghost';
import { AppError } from '../../../shared/errors';
import { embargoHolds } from '../../../shared/workflow';
import type { StoredTargetOf } from '../../db/publish-repo';
import { takedownGhostPost } from '../ghost';
import { DEFAULT_GHOST_OPTIONS, GhostClient } from '../ghost-client';
import { sendToGhost } from '../ghost-publish';
import type { ConnectionCheck, PublishRun, TakedownRun, TargetAdapter, TargetEnv, TargetOutcome } from '../target-adapter';

type Ghost = StoredTargetOf<'ghost'>;

/** A Ghost site, reached with a Custom Integration's Admin API key (ghost-client.ts). */
export class GhostTarget implements TargetAdapter<'ghost'> {
  readonly kind = 'ghost';
  readonly label = 'Ghost';

  constructor(private readonly env: TargetEnv) {}

  /** Thrown before anything is sent, so nothing is logged: the desk has a setting to fix, not a failure to read. */
  private client(target: Ghost): GhostClient {
    const adminKey = target.secretSealed ? this.env.secrets.open(target.secretSealed) : '';
    if (!GHOST_ADMIN_KEY_PATTERN.test(adminKey))
      throw new AppError('VALIDATION', '이 Ghost 대상에는 Admin API 키가 저장되어 있지 않습니다. 대상 설정에서 Admin API 키를 저장하세요.');
    return new GhostClient({ url: target.settings.url, adminKey }, this.env.ghost ?? DEFAULT_GHOST_OPTIONS);
  }

  async publish(run: PublishRun<Ghost>): Promise<TargetOutcome> {
    const ghost = this.client(run.target);
    const embargoed = embargoHolds(run.fields.embargoAt, run.now());
    let remote: { id: string; url: string } | undefined;
    try {
      const { post, firstTime, notes } = await sendToGhost(ghost, {
        articleId: run.articleId,
        fields: run.fields,
        media: run.media,
        embargoed,
        posts: run.posts,
        now: run.now(),
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
  async takedown(run: TakedownRun<Ghost>): Promise<TargetOutcome> {
    const ghost = this.client(run.target);
    try {
      const post = await takedownGhostPost(ghost, run.record.remoteId, run.target.settings.takedown);
      if (post === null) return { result: 'withdrawn', note: 'Ghost에 이 글이 이미 없습니다 (사이트에서 삭제됨). 공개된 글은 없습니다.', tries: ghost.tries };
      return { result: 'withdrawn', remoteUrl: post.url || run.record.remoteUrl, tries: ghost.tries };
    } catch (err) {
      return { result: 'failed', note: ghost.failure(err), tries: ghost.tries };
    }
  }

  /** Whether the site is a Ghost that takes the key: reading one post needs a valid Admin API key. */
  async testConnection(target: Ghost): Promise<ConnectionCheck> {
    const ghost = this.client(target);
    try {
      await ghost.retried(() => ghost.request('GET', 'posts/', { query: { limit: '1', fields: 'id' } }));
      // The site's own words, when it gives them: what the desk recognises as the right site.
      const site = await ghost
        .request<{ site?: { title?: unknown; version?: unknown } }>('GET', 'site/')
        .then((r) => r?.site)
        .catch(() => undefined);
      const version = typeof site?.version === 'string' ? ` ${site.version.slice(0, 20)}` : '';
      const title = typeof site?.title === 'string' && site.title.trim() ? ` ‘${site.title.trim().slice(0, 60)}’` : '';
      return { ok: true, message: `연결됨: Ghost${version}${title} — 이 Admin API 키로 출고할 수 있습니다.` };
    } catch (err) {
      return { ok: false, message: ghost.failure(err) };
    }
  }
}
