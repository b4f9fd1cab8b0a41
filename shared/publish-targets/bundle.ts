import { z } from 'zod';
import { CORRECTION_PREFIX_FIELD, CorrectionPrefix, WebAddress, type TargetKindSpec } from './fields';

/** A folder name under the data folder's exports/: a name, never a path (checked again at use, electron/publish/bundle-folder.ts). */
const FolderName = z
  .string()
  .trim()
  .min(1, 'HTML 묶음을 저장할 폴더 이름을 쓰세요.')
  .max(100)
  .regex(/^[\w.-]*$/, '폴더 이름은 영문, 숫자, 점, 하이픈, 밑줄만 쓸 수 있습니다')
  .refine((s) => s !== '.' && s !== '..', '폴더 이름이 올바르지 않습니다');

/** Which ninjs a bundle carries: 3.1 as ninjs.json, 2.2 as ninjs-2.2.json, or both. Targets saved before the choice read as 3.1. */
export const BundleNinjs = z.enum(['3.1', '2.2', 'both']);

const settings = z.strictObject({
  /** The address the bundles will be served from: the canonical address, the feed's links and ninjs hrefs start with it. */
  url: WebAddress,
  folder: FolderName,
  correctionPrefix: CorrectionPrefix,
  ninjs: BundleNinjs.default('3.1'),
  /** The publisher's logo in the page's JSON-LD (Google asks for one); empty for none. */
  logoUrl: z.union([z.literal(''), WebAddress]).default(''),
});

/** An HTML bundle folder (page, photos, ninjs) under <data>/exports/ (electron/publish/html-bundle.ts). Nothing secret. */
export const BUNDLE_TARGET = {
  kind: 'html-bundle',
  label: { ko: 'HTML 묶음', en: 'HTML bundle' },
  settings,
  fields: [
    {
      key: 'url',
      input: 'url',
      label: { ko: '묶음을 올릴 주소', en: 'Address the bundles are served from' },
      help: {
        ko: '기사 페이지의 대표 주소(canonical), RSS와 뉴스 사이트맵, ninjs의 링크가 이 주소로 시작합니다.',
        en: 'The canonical address, the RSS feed, the news sitemap and the ninjs links start with this address.',
      },
      required: true,
      maxLength: 500,
    },
    {
      key: 'folder',
      input: 'folder',
      label: { ko: '내보낼 폴더 이름', en: 'Export folder name' },
      help: {
        ko: '데이터 폴더의 exports/ 아래 이 이름의 폴더에 기사마다 묶음을 씁니다.',
        en: 'Each story’s bundle goes in this folder under the data folder’s exports/.',
      },
      required: true,
      maxLength: 100,
    },
    {
      key: 'logoUrl',
      input: 'url',
      label: { ko: '발행처 로고 주소', en: 'Publisher logo address' },
      help: { ko: '검색엔진이 읽는 기사 정보(JSON-LD)에 발행처 로고로 들어갑니다.', en: 'Goes into the page’s JSON-LD as the publisher’s logo.' },
      required: false,
      maxLength: 500,
    },
    {
      key: 'ninjs',
      input: 'choice',
      label: { ko: 'ninjs 판', en: 'ninjs version' },
      help: { ko: '3.1은 ninjs.json, 2.2는 ninjs-2.2.json으로 씁니다.', en: '3.1 is written as ninjs.json, 2.2 as ninjs-2.2.json.' },
      required: true,
      choices: [
        { value: '3.1', label: { ko: '3.1', en: '3.1' } },
        { value: '2.2', label: { ko: '2.2', en: '2.2' } },
        { value: 'both', label: { ko: '3.1과 2.2 모두', en: 'Both 3.1 and 2.2' } },
      ],
    },
    CORRECTION_PREFIX_FIELD,
  ],
  secret: null,
} as const satisfies TargetKindSpec<'html-bundle', typeof settings>;
