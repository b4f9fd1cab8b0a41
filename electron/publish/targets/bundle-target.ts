import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { StoredTargetOf } from '../../db/publish-repo';
import { bundleRoot } from '../bundle-folder';
import { listStory, unlistStory, type Channel } from '../bundle-listing';
import { bundlePhotoSrc, writeHtmlBundle } from '../html-bundle';
import type { ConnectionCheck, PublishRun, TakedownRun, TargetAdapter, TargetEnv, TargetOutcome } from '../target-adapter';

import { publishFailure } from '../wordpress';

type Bundle = StoredTargetOf<'html-bundle'>;

/** The target's address as a folder (ending with a slash), which each story's address is made from. */
const baseUrl = (target: Bundle) => (target.settings.url.endsWith('/') ? target.settings.url : `${target.settings.url}/`);

const channel = (target: Bundle, agencyCredit: string): Channel => ({ title: agencyCredit || target.name, baseUrl: baseUrl(target) });

/**
 * An HTML bundle (page, photos, ninjs) written under <exportsDir>/<target folder>/<story id>/, for a web
 * server or a partner to pick up, with the folder's RSS feed and news sitemap brought up to date
 * (bundle-listing.ts). Nothing goes over the network, so there is one try and no secret.
 */
export class BundleTarget implements TargetAdapter<'html-bundle'> {
  readonly kind = 'html-bundle';
  readonly label = 'HTML 묶음';

  constructor(private readonly env: TargetEnv) {}

  async publish(run: PublishRun<Bundle>): Promise<TargetOutcome> {
    const { target, articleId } = run;
    try {
      const { materialise } = this.env;
      if (materialise) await Promise.all([...run.media.keys()].map((id) => materialise(id)));
      const story = run.story(bundlePhotoSrc);
      const publicUrl = new URL(`${encodeURIComponent(articleId)}/`, baseUrl(target)).href;
      const root = await bundleRoot(this.env.exportsDir, target.settings.folder);
      const { meta } = await writeHtmlBundle({
        story,
        root,
        name: articleId,
        mediaDir: this.env.mediaDir,
        publicUrl,
        agencyCredit: run.newsroom.agencyCredit,
        times: run.times,
        portal: run.portal,
        publisher: { name: run.newsroom.agencyCredit || target.name, logo: target.settings.logoUrl || null },
        ninjs: target.settings.ninjs,
      });
      const url = meta.url;
      // The bundle is out whatever happens to the feed: a failure there is the desk's to know, and the next run redoes it.
      const note = await listStory(root, channel(target, run.newsroom.agencyCredit), meta, run.now()).then(
        () => null,
        (err: unknown) => `묶음은 썼지만 RSS와 뉴스 사이트맵을 고치지 못했습니다. 다시 출고하면 고칩니다: ${publishFailure(err, '')}`,
      );
      return { result: 'exported', remoteId: articleId, remoteUrl: url, note, tries: 1, record: { key: articleId, remoteId: articleId, remoteUrl: url } };
    } catch (err) {
      return { result: 'failed', note: publishFailure(err, ''), tries: 1 };
    }
  }

  /** The story's folder is removed, only ever from inside the target's folder under exports. */
  async takedown(run: TakedownRun<Bundle>): Promise<TargetOutcome> {
    try {
      const root = await bundleRoot(this.env.exportsDir, run.target.settings.folder);
      const dir = path.join(root, run.articleId);
      if (path.dirname(dir) !== root) throw new AppError('VALIDATION', '기사 식별자가 올바르지 않습니다.');
      await rm(dir, { recursive: true, force: true });
      await unlistStory(root, channel(run.target, run.newsroom.agencyCredit), run.articleId, run.now());
      return { result: 'withdrawn', tries: 1 };
    } catch (err) {
      return { result: 'failed', note: `HTML 묶음 폴더를 지우거나 RSS와 뉴스 사이트맵에서 빼지 못했습니다: ${publishFailure(err, '')}`, tries: 1 };
    }
  }

  /** Whether the target's folder is a folder under exports (bundleRoot's checks), nothing written. */
  async testConnection(target: Bundle): Promise<ConnectionCheck> {
    try {
      await bundleRoot(this.env.exportsDir, target.settings.folder);
      return { ok: true, message: `연결됨: HTML 묶음 — 데이터 폴더의 exports/${target.settings.folder} 폴더에 저장할 수 있습니다.` };
    } catch (err) {
      return { ok: false, message: publishFailure(err, '') };
    }
  }
}
