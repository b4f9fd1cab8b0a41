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

const settings = z.strictObject({
  /** The address the bundles will be served from: ninjs hrefs start with it. */
  url: WebAddress,
  folder: FolderName,
  correctionPrefix: CorrectionPrefix,
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
      help: { ko: 'ninjs의 링크가 이 주소로 시작합니다.', en: 'The ninjs links start with this address.' },
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
    CORRECTION_PREFIX_FIELD,
  ],
  secret: null,
} as const satisfies TargetKindSpec<'html-bundle', typeof settings>;
