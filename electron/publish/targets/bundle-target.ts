import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { PublishTargetInput } from '../../../shared/contract-publish';
import { AppError } from '../../../shared/errors';
import type { StoredTarget } from '../../db/publish-repo';
import { bundleRoot } from '../bundle-folder';
import { bundlePhotoSrc, writeHtmlBundle } from '../html-bundle';
import type { ConnectionCheck, PublishRun, TakedownRun, TargetAdapter, TargetEnv, TargetOutcome, TargetSettings } from '../target-adapter';
import { publishFailure } from '../wordpress';

/**
 * An HTML bundle (page, photos, ninjs) written under <exportsDir>/<target folder>/<story id>/, for a web
 * server or a partner to pick up. Nothing goes over the network, so there is one try and no secret.
 */
export class BundleTarget implements TargetAdapter {
  readonly kind = 'html-bundle';
  readonly label = 'HTML 묶음';

  constructor(private readonly env: TargetEnv) {}

  validate(input: PublishTargetInput): TargetSettings {
    const folder = input.folder.trim();
    if (folder === '') throw new AppError('VALIDATION', 'HTML 묶음을 저장할 폴더 이름을 쓰세요.');
    if (input.password !== undefined) throw new AppError('VALIDATION', 'HTML 묶음 대상에는 비밀번호가 없습니다.');
    return { username: '', folder };
  }

  async publish(run: PublishRun): Promise<TargetOutcome> {
    const { target, articleId } = run;
    try {
      const { materialise } = this.env;
      if (materialise) await Promise.all([...run.media.keys()].map((id) => materialise(id)));
      const story = run.story(bundlePhotoSrc);
      const publicUrl = new URL(`${encodeURIComponent(articleId)}/`, target.url.endsWith('/') ? target.url : `${target.url}/`).href;
      await writeHtmlBundle({
        story,
        root: await bundleRoot(this.env.exportsDir, target.folder),
        name: articleId,
        mediaDir: this.env.mediaDir,
        publicUrl,
        agencyCredit: run.newsroom.agencyCredit,
      });
      const url = new URL('index.html', publicUrl).href;
      return { result: 'exported', remoteId: articleId, remoteUrl: url, tries: 1, record: { key: articleId, remoteId: articleId, remoteUrl: url } };
    } catch (err) {
      return { result: 'failed', note: publishFailure(err, ''), tries: 1 };
    }
  }

  /** The story's folder is removed, only ever from inside the target's folder under exports. */
  async takedown(run: TakedownRun): Promise<TargetOutcome> {
    try {
      const root = await bundleRoot(this.env.exportsDir, run.target.folder);
      const dir = path.join(root, run.articleId);
      if (path.dirname(dir) !== root) throw new AppError('VALIDATION', '기사 식별자가 올바르지 않습니다.');
      await rm(dir, { recursive: true, force: true });
      return { result: 'withdrawn', tries: 1 };
    } catch (err) {
      return { result: 'failed', note: `HTML 묶음 폴더를 지우지 못했습니다: ${publishFailure(err, '')}`, tries: 1 };
    }
  }

  /** Whether the target's folder is a folder under exports (bundleRoot's checks), nothing written. */
  async testConnection(target: StoredTarget): Promise<ConnectionCheck> {
    try {
      await bundleRoot(this.env.exportsDir, target.folder);
      return { ok: true, message: `HTML 묶음을 데이터 폴더의 exports/${target.folder} 에 저장할 수 있습니다.` };
    } catch (err) {
      return { ok: false, message: publishFailure(err, '') };
    }
  }
}
