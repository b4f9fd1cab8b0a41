import { z } from 'zod';
import { CORRECTION_PREFIX_FIELD, CorrectionPrefix, PublishTakedown, siteAddressField, takedownField, WebAddress, type TargetKindSpec } from './fields';

/** A Ghost Admin API key as Ghost shows it under 설정 → 통합: "<24 hex>:<64 hex>". */
export const GHOST_ADMIN_KEY_PATTERN = /^[0-9a-f]{24}:[0-9a-f]{64}$/;

const settings = z.strictObject({
  url: WebAddress,
  takedown: PublishTakedown.default('draft'),
  correctionPrefix: CorrectionPrefix,
});

/** A Ghost site, reached with a Custom Integration's Admin API key (electron/publish/ghost-client.ts). */
export const GHOST_TARGET = {
  kind: 'ghost',
  label: { ko: 'Ghost', en: 'Ghost' },
  settings,
  fields: [
    siteAddressField(),
    {
      key: 'secret',
      input: 'secret',
      label: { ko: 'Admin API 키', en: 'Admin API key' },
      help: {
        ko: 'Ghost 관리 화면 → 설정 → 통합 → 사용자 지정 통합에서 만든 Admin API 키를 통째로 붙여 넣으세요.',
        en: 'Paste the whole Admin API key of a Custom Integration (Ghost admin → Settings → Integrations).',
      },
      required: true,
      maxLength: 200,
    },
    // Ghost has no trash: 'trash' deletes the post there, and the label says so.
    takedownField({ ko: 'Ghost에서 삭제하기 (되돌릴 수 없음)', en: 'Delete it from Ghost (cannot be undone)' }),
    CORRECTION_PREFIX_FIELD,
  ],
  secret: {
    // A Content API key or a half-copied key would only fail later, at the first publish, as a 401.
    schema: z
      .string()
      .trim()
      .max(200)
      .regex(
        GHOST_ADMIN_KEY_PATTERN,
        'Ghost Admin API 키는 "영문·숫자 24자:영문·숫자 64자" 모양입니다. Ghost 관리 화면 → 설정 → 통합에서 Admin API 키를 통째로 복사해 붙여 넣으세요 (Content API 키가 아닙니다).',
      ),
    requiredMessage: 'Ghost Admin API 키를 쓰세요 (Ghost 관리 화면 → 설정 → 통합 → 사용자 지정 통합).',
    boundTo: ['url'],
    keep: { ko: '비워 두면 저장된 키를 그대로 씁니다', en: 'Leave empty to keep the stored key' },
    retype: {
      ko: '주소를 바꾸면 저장된 키는 지워집니다. 새 사이트의 Admin API 키를 입력하세요.',
      en: 'A new address drops the stored key. Type the new site’s Admin API key.',
    },
    missing: { ko: 'Admin API 키 없음 (편집에서 입력하세요)', en: 'No Admin API key (enter it under Edit)' },
  },
} as const satisfies TargetKindSpec<'ghost', typeof settings>;
