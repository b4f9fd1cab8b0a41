import { z } from 'zod';
import { CORRECTION_PREFIX_FIELD, CorrectionPrefix, PublishTakedown, siteAddressField, takedownField, WebAddress, type TargetKindSpec } from './fields';

const settings = z.strictObject({
  url: WebAddress,
  username: z.string().trim().min(1, '워드프레스 사용자 이름을 쓰세요.').max(100),
  takedown: PublishTakedown.default('draft'),
  correctionPrefix: CorrectionPrefix,
});

/** A WordPress site, reached with a user's application password (electron/publish/wordpress.ts). */
export const WORDPRESS_TARGET = {
  kind: 'wordpress',
  label: { ko: '워드프레스', en: 'WordPress' },
  settings,
  fields: [
    siteAddressField(),
    { key: 'username', input: 'text', label: { ko: '사용자 이름', en: 'User name' }, required: true, maxLength: 100 },
    {
      key: 'secret',
      input: 'secret',
      label: { ko: '애플리케이션 비밀번호', en: 'Application password' },
      help: {
        ko: '워드프레스 관리 화면 → 사용자 → 프로필 → 애플리케이션 비밀번호에서 만든 24자를 붙여 넣으세요 (편집자 이상 계정).',
        en: 'The 24 characters made under Users → Profile → Application Passwords (an editor or above).',
      },
      required: true,
      maxLength: 200,
    },
    takedownField({ ko: '휴지통으로 옮기기', en: 'Move to the trash' }),
    CORRECTION_PREFIX_FIELD,
  ],
  secret: {
    schema: z.string().trim().min(1, '워드프레스 애플리케이션 비밀번호를 쓰세요.').max(200),
    requiredMessage: '워드프레스 애플리케이션 비밀번호를 쓰세요.',
    boundTo: ['url', 'username'],
    keep: { ko: '비워 두면 저장된 비밀번호를 그대로 씁니다', en: 'Leave empty to keep the stored password' },
    retype: {
      ko: '주소나 사용자 이름을 바꾸면 저장된 비밀번호는 지워집니다. 새 사이트의 비밀번호를 입력하세요.',
      en: 'A new address or user drops the stored password. Type the new site’s password.',
    },
    missing: { ko: '비밀번호 없음 (편집에서 입력하세요)', en: 'No password (enter it under Edit)' },
  },
} as const satisfies TargetKindSpec<'wordpress', typeof settings>;
