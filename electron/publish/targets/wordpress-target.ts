import type { PublishResult } from '../../../shared/contract-publish';
import { AppError } from '../../../shared/errors';
import { photosOf } from '../../../shared/photo-refs';
import { embargoHolds } from '../../../shared/workflow';
import type { StoredTargetOf } from '../../db/publish-repo';
import { wordpressPostText } from '../cms-fields';
import { bylineInPost, wordpressAuthor } from '../post-byline';
import { postContent, wordpressFigures } from '../post-content';
import { postSlug } from '../post-slug';
import { storyMark } from '../story-key';
import type { ConnectionCheck, PublishRun, TakedownRun, TargetAdapter, TargetEnv, TargetOutcome } from '../target-adapter';
import { DEFAULT_WORDPRESS_OPTIONS, WordPressClient, publishFailure, takedownPost } from '../wordpress';
import { trashStrays } from '../wordpress-strays';

export { idempotencyKey } from '../story-key';

type WordPress = StoredTargetOf<'wordpress'>;

/** WordPress's own role names, as the desk knows them. */
const ROLE_KO: Record<string, string> = { administrator: '관리자', editor: '편집자', author: '글쓴이', contributor: '기고자', subscriber: '구독자' };

/** WordPress's date_gmt: no zone designator, UTC implied. */
function wpGmt(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

/** A WordPress site, reached with a user's application password (wordpress.ts). */
export class WordPressTarget implements TargetAdapter<'wordpress'> {
  readonly kind = 'wordpress';
  readonly label = '워드프레스';

  constructor(private readonly env: TargetEnv) {}

  /** Thrown before anything is sent, so nothing is logged: the desk has a setting to fix, not a failure to read. */
  private client(target: WordPress): { wp: WordPressClient; password: string } {
    const password = target.secretSealed ? this.env.secrets.open(target.secretSealed) : '';
    if (!password) throw new AppError('VALIDATION', '이 워드프레스 대상에는 애플리케이션 비밀번호가 저장되어 있지 않습니다. 대상 설정에서 저장하세요.');
    return {
      wp: new WordPressClient({ url: target.settings.url, username: target.settings.username, password }, this.env.wordpress ?? DEFAULT_WORDPRESS_OPTIONS),
      password,
    };
  }

  async publish(run: PublishRun<WordPress>): Promise<TargetOutcome> {
    const { wp, password } = this.client(run.target);
    const embargoed = embargoHolds(run.fields.embargoAt, run.now());
    let remote: { id: string; url: string } | undefined;
    try {
      await wp.checkAccount();
      // Photos first: the post's HTML points at their addresses on the site.
      const urls = new Map<string, { id: number; url: string }>();
      const placed = photosOf(run.fields);
      for (const [mediaId, item] of run.media) {
        const ref = placed.find((p) => p.mediaId === mediaId);
        const known = await run.knownPhoto(mediaId);
        const uploaded = await wp.photo(
          {
            mediaId,
            fileName: item.fileName,
            bytes: () => run.photoBytes(mediaId),
            caption: ref?.caption ?? item.caption,
            alt: ref?.alt ?? item.alt,
            credit: ref?.credit ?? item.credit,
          },
          known ? Number(known.remoteId) : undefined,
        );
        await run.savePhoto(mediaId, { remoteId: String(uploaded.id), remoteUrl: uploaded.source_url });
        urls.set(mediaId, { id: uploaded.id, url: uploaded.source_url });
      }
      const missing = placed.filter((p) => !urls.has(p.mediaId));
      if (missing.length)
        throw new AppError(
          'NOT_FOUND',
          `이 컴퓨터의 사진 보관함에 없는 사진이 있어 출고할 수 없습니다: ${missing.map((p) => p.mediaId.slice(0, 12)).join(', ')}…`,
        );
      const story = run.story((ref) => urls.get(ref.mediaId)?.url ?? '');
      const f = run.fields;
      const categories = f.section.trim() ? [await wp.term('categories', f.section.trim())] : [];
      const tags: number[] = [];
      for (const tag of f.tags) tags.push(await wp.term('tags', tag));
      // The slug of the first publish stays (the record keeps it): a correction never moves the post.
      const slug = postSlug(run.posts.slugRule, {
        articleId: run.articleId,
        headline: f.headline,
        editorSlug: f.slug,
        at: embargoed ? new Date(f.embargoAt!) : run.now(),
      });
      const record = await run.reserve(slug);
      const author = await wordpressAuthor(wp, f.bylines);
      const mark = storyMark(run.articleId);
      const content = wordpressFigures(postContent(story, { byline: bylineInPost(f.bylines, author, run.posts.bylineInContent), mark }));
      const { post, notes } = await wp.upsertPost(
        {
          slug: record.idempotencyKey,
          mark,
          author,
          ...wordpressPostText(story, content),
          status: embargoed ? 'future' : 'publish',
          dateGmt: embargoed ? wpGmt(f.embargoAt!) : undefined,
          categories,
          tags,
          featuredMedia: f.leadPhoto ? (urls.get(f.leadPhoto.mediaId)?.id ?? 0) : 0,
        },
        record.remoteId ? Number(record.remoteId) : undefined,
      );
      remote = { id: String(post.id), url: post.link };
      await run.setRemote({ remoteId: remote.id, remoteUrl: remote.url });
      const result: PublishResult = embargoed ? 'scheduled' : record.remoteId === null ? 'published' : 'updated';
      return { result, remoteId: remote.id, remoteUrl: remote.url, note: notes.join(' ') || null, tries: wp.tries };
    } catch (err) {
      return { result: 'failed', remoteId: remote?.id, remoteUrl: remote?.url, note: publishFailure(err, password), tries: wp.tries };
    }
  }

  /** The post goes to draft or the trash (the target's choice), and a late-created duplicate to the trash. */
  async takedown(run: TakedownRun<WordPress>): Promise<TargetOutcome> {
    const { wp, password } = this.client(run.target);
    const { record } = run;
    try {
      const post = await takedownPost(wp, Number(record.remoteId), run.target.settings.takedown);
      const strays = await trashStrays(wp, { slug: record.idempotencyKey, mark: storyMark(run.articleId) }, Number(record.remoteId));
      const notes = strays.notes.join(' ');
      // A duplicate still up keeps the withdrawn story public: the takedown is not done.
      if (!strays.clean) return { result: 'failed', note: notes, tries: wp.tries };
      if (post === null) {
        return { result: 'withdrawn', note: `워드프레스에 이 글이 이미 없습니다 (사이트에서 삭제됨). 공개된 글은 없습니다. ${notes}`.trim(), tries: wp.tries };
      }
      return { result: 'withdrawn', remoteUrl: post.link || record.remoteUrl, note: notes || null, tries: wp.tries };
    } catch (err) {
      return { result: 'failed', note: publishFailure(err, password), tries: wp.tries };
    }
  }

  /** Whether the password is the user's and the user may publish, upload photos and make categories. */
  async testConnection(target: WordPress): Promise<ConnectionCheck> {
    const { wp, password } = this.client(target);
    try {
      const me = await wp.checkAccount();
      const roles = me.roles.map((r) => ROLE_KO[r] ?? r.slice(0, 40)).join(', ');
      const who = `${(me.username || target.settings.username).slice(0, 100)} 계정${roles ? ` (${roles})` : ''}`;
      return { ok: true, message: `연결됨: 워드프레스 ${new URL(target.settings.url).host} — ${who}. 이 계정으로 출고할 수 있습니다.` };
    } catch (err) {
      return { ok: false, message: publishFailure(err, password) };
    }
  }
}
