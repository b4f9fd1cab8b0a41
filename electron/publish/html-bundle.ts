import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { escapeHtml } from '../../shared/html-escape';
import { MediaId, RENDITION_FORMATS, RENDITION_WIDTHS, type RenditionFormat, type RenditionWidth } from '../../shared/media';
import type { PhotoSrc } from '../../shared/photo-html';
import { replaceFolder } from './bundle-folder';
import { realInside } from '../media/inside-root';
import { placeRendition } from './bundle-rendition';
import { bundleHeadLines } from './bundle-head';
import type { Publisher } from './news-article-jsonld';
import { ninjs, type NinjsVersion } from './ninjs';
import { readerMeta, type ReaderMeta, type StoryTimes } from './reader-meta';
import { portalDate, seoulIso } from './seoul-time';
import type { PortalSettings } from '../../shared/settings-portal';
import { renditionFile, type OutgoingArticle } from './outgoing-article';

/*
 * The HTML bundle: a folder with index.html laid out like the portal page (section label, headline,
 * deck, byline and date, lead photo, the credit-led body, photos with captions and credits, the
 * 뉴스출처 line), the photo renditions it uses and the story's ninjs (3.1, 2.2 or both, the target's
 * choice). The story's markup is the shared converter's (articleParts/articleHtml), which escapes every
 * text and emits only known tags; this module adds the page around it, the meta line with the 입력 and
 * 수정 times, and the head lines search engines read (bundle-head.ts), all escaped.
 */

export const BUNDLE_PAGE = 'index.html';
/** ninjs 3.1 keeps the name bundles always had; 2.2 sits beside it. */
export const BUNDLE_NINJS: Record<NinjsVersion, string> = { '3.1': 'ninjs.json', '2.2': 'ninjs-2.2.json' };
export type NinjsChoice = NinjsVersion | 'both';
const ninjsVersions = (choice: NinjsChoice): NinjsVersion[] => (choice === 'both' ? ['3.1', '2.2'] : [choice]);
export const BUNDLE_PHOTOS = 'photos';

/** A rendition's path inside a bundle, relative to index.html. */
export function bundlePhotoPath(mediaId: string, width: RenditionWidth, format: RenditionFormat): string {
  return `${BUNDLE_PHOTOS}/${mediaId}/${renditionFile(width, format)}`;
}

export const bundlePhotoSrc: PhotoSrc = (ref, width, format) => bundlePhotoPath(ref.mediaId, width, format);

const STYLE = `body{margin:0;font-family:"Noto Sans CJK KR","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;word-break:keep-all;color:#222;line-height:1.75}
.story-view{max-width:800px;margin:0 auto;padding:24px 16px}.story-view__section{color:#0a58ca;font-weight:700}
.story-view__headline{font-size:1.9em;line-height:1.35;margin:.3em 0}.story-view__deck{color:#555;border-left:3px solid #ccc;padding-left:12px}
.story-view__meta{color:#777;font-size:.9em;margin:12px 0}.story-view__meta span+span::before{content:" | "}.story-view__date-label{margin-right:.3em}
.story-photo{margin:1.5em 0}.story-photo img{max-width:100%;height:auto}.story-photo figcaption{color:#555;font-size:.9em}
.story-photo__credit{color:#888}.story-view__attribution{margin-top:2em}`;

const dateSpan = (label: string, iso: string) =>
  `<span class="story-view__date"><span class="story-view__date-label">${label}</span><time datetime="${seoulIso(iso)}">${portalDate(iso)}</time></span>`;

/**
 * The whole page: the converter's story block, with the byline and the 입력 (first publication) and
 * 수정 (last correction) times after the deck, in the newsroom's time zone. Without `times` (a preview
 * of a story never published) the version's time stands as 입력.
 */
export function bundlePage(story: OutgoingArticle, options: { agencyCredit: string; times?: StoryTimes; head?: readonly string[] }): string {
  const names = story.fields.bylines.map((b) => [b.name, b.title].filter(Boolean).join(' ')).join(', ');
  const times = options.times ?? { firstPublishedAt: story.versionCreatedAt, correctedAt: null };
  const dates = [dateSpan('입력', times.firstPublishedAt), ...(times.correctedAt ? [dateSpan('수정', times.correctedAt)] : [])].join('');
  const meta = `<div class="story-view__meta"><span class="story-view__by">${escapeHtml(names || options.agencyCredit)}</span>${dates}</div>`;
  let article: string = story.pageHtml;
  const anchor = ['\n<figure class="story-photo story-photo--lead"', '\n<div class="story-view__body">'].map((a) => article.indexOf(a)).find((i) => i >= 0);
  if (anchor !== undefined) article = `${article.slice(0, anchor)}\n${meta}${article.slice(anchor)}`;
  return [
    '<!doctype html>',
    '<html lang="ko">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(story.parts.headline)}</title>`,
    ...(options.head ?? []),
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    article,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Like Promise.all, but waits for every task before failing, so nothing is still writing when the staging folder is removed. */
async function settleAll(tasks: ReadonlyArray<Promise<unknown>>): Promise<void> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

export interface BundleResult {
  dir: string;
  /** Files written, relative to the bundle's folder. */
  files: string[];
  /** What the folder's feed and news sitemap list of the story. */
  meta: ReaderMeta;
}

/**
 * Writes the bundle for `story` (rendered with `bundlePhotoSrc`) as `<root>/<name>/`, whole or not at
 * all (see bundle-folder.ts), replacing an earlier bundle of the story. Photo renditions are linked (or copied,
 * see bundle-rendition.ts) from `<mediaDir>/<id>/`; a photo this machine does not hold is refused before anything is written.
 */
export async function writeHtmlBundle(input: {
  story: OutgoingArticle;
  root: string;
  name: string;
  mediaDir: string;
  /** Where the bundle will be served (ninjs needs absolute hrefs); ends with a slash. */
  publicUrl: string;
  agencyCredit: string;
  times: StoryTimes;
  portal?: PortalSettings;
  publisher: Publisher;
  ninjs?: NinjsChoice;
}): Promise<BundleResult> {
  const { story } = input;
  const missing = story.photos.filter((p) => !p.item).map((p) => p.ref.mediaId.slice(0, 12));
  if (missing.length) throw new AppError('NOT_FOUND', `이 컴퓨터의 사진 보관함에 없는 사진이 있어 내보낼 수 없습니다: ${missing.join(', ')}…`);
  const ids = [...new Set(story.photos.map((p) => p.ref.mediaId))];
  for (const id of ids) if (!MediaId.safeParse(id).success) throw new AppError('VALIDATION', '사진 식별자가 올바르지 않습니다.');
  // Rendered before any file is touched, so a rendering error leaves nothing to clean up.
  const absolute = (relative: string) => new URL(relative, input.publicUrl).href;
  const url = absolute(BUNDLE_PAGE);
  const meta = readerMeta(story, {
    url,
    times: input.times,
    portal: input.portal,
    photoHref: (id, file) => absolute(`${BUNDLE_PHOTOS}/${id}/${file}`),
    agencyCredit: input.agencyCredit,
  });
  const documents = ninjsVersions(input.ninjs ?? '3.1').map((version) => ({
    file: BUNDLE_NINJS[version],
    text: `${JSON.stringify(
      ninjs(version, story, (ref, width, format) => absolute(bundlePhotoPath(ref.mediaId, width, format)), {
        copyrightHolder: input.agencyCredit,
        url,
        categories: meta.categories,
      }),
      null,
      2,
    )}\n`,
  }));
  const page = bundlePage(story, { agencyCredit: input.agencyCredit, times: input.times, head: bundleHeadLines(meta, input.publisher) });
  const copyPhoto = async (staging: string, id: string) => {
    await mkdir(path.join(staging, BUNDLE_PHOTOS, id));
    await settleAll(
      RENDITION_WIDTHS.flatMap((width) =>
        RENDITION_FORMATS.map((format) =>
          // Every rendition: the page's srcsets and the ninjs renditions name all six.
          // Resolved at use: a photo folder swapped for a link must not pull a file from elsewhere into a public bundle.
          realInside(input.mediaDir, path.join(input.mediaDir, id, renditionFile(width, format))).then((source) => {
            if (!source)
              throw new AppError('NOT_FOUND', `사진 ${id.slice(0, 12)}…의 변환본 파일이 데이터 폴더의 사진 보관함 안에 없습니다. 사진을 다시 가져오세요.`);
            return placeRendition(source, path.join(staging, bundlePhotoPath(id, width, format)));
          }),
        ),
      ),
    );
  };
  const dir = await replaceFolder(input.root, input.name, (staging) =>
    // Each photo's copies start as soon as its own folder exists; the page and the JSON need no folder.
    settleAll([
      ...documents.map((d) => writeFile(path.join(staging, d.file), d.text)),
      writeFile(path.join(staging, BUNDLE_PAGE), page),
      mkdir(path.join(staging, BUNDLE_PHOTOS)).then(() => settleAll(ids.map((id) => copyPhoto(staging, id)))),
    ]),
  );
  const files = ids.flatMap((id) => RENDITION_WIDTHS.flatMap((width) => RENDITION_FORMATS.map((format) => bundlePhotoPath(id, width, format))));
  return { dir, files: [...files, ...documents.map((d) => d.file), BUNDLE_PAGE], meta };
}
