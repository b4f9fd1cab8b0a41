import { z } from 'zod';
import { ProfileId, Role } from './profiles';

/*
 * 사용자 관리 on the newsroom server: the people who may sign in (an account is a profile with a login).
 * Who asks is the call's context (shared/call-context.ts), never a field here; every method is 'admin'
 * (shared/permissions.ts). A single workstation has no accounts and answers each in Korean.
 */

export const AccountLogin = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '아이디는 영문 소문자, 숫자, 점, 밑줄, 하이픈으로 2~32자여야 합니다 (첫 글자는 영문이나 숫자)');
const AccountName = z.string().trim().min(1, '이름을 입력하세요').max(50, '이름은 50자까지 쓸 수 있습니다');
const AccountTitle = z.string().trim().max(30, '직함은 30자까지 쓸 수 있습니다');
const AccountEmail = z.union([z.literal(''), z.email('전자우편 주소가 올바르지 않습니다').max(200, '전자우편 주소는 200자까지 쓸 수 있습니다')]);
const AccountRole = z.enum(Role.options, { error: '역할은 기자, 데스크, 편집국장 가운데 하나여야 합니다' });
const AccountSections = z.array(z.string().trim().min(1, '빈 섹션은 고를 수 없습니다').max(50)).max(100);

/** One account as the 사용자 관리 screen lists it: never a password or its hash. */
export const Account = z.object({
  id: ProfileId,
  login: z.string(),
  name: z.string(),
  title: z.string(),
  email: z.string(),
  role: Role,
  sections: z.array(z.string()),
  admin: z.boolean(),
  disabled: z.boolean(),
  /** Still on a temporary password (or never signed in with their own). */
  mustChangePassword: z.boolean(),
  lastSignInAt: z.iso.datetime().nullable(),
});
export type Account = z.infer<typeof Account>;

export const AccountCreateInput = z.strictObject({
  login: AccountLogin,
  name: AccountName,
  title: AccountTitle.default(''),
  email: AccountEmail.default(''),
  role: AccountRole,
  sections: AccountSections.default([]),
  admin: z.boolean().default(false),
});
export type AccountCreateInput = z.output<typeof AccountCreateInput>;

/** A change names only what it changes; the login never changes (the history and the audit log name it). */
export const AccountUpdateInput = z.strictObject({
  id: ProfileId,
  name: AccountName.optional(),
  title: AccountTitle.optional(),
  email: AccountEmail.optional(),
  role: AccountRole.optional(),
  sections: AccountSections.optional(),
  admin: z.boolean().optional(),
});
export type AccountUpdateInput = z.output<typeof AccountUpdateInput>;

/** 'temporary': a password to pass on, changed at first sign-in; 'link': a one-time link the person opens. */
export const ResetMode = z.enum(['temporary', 'link']);
export type ResetMode = z.infer<typeof ResetMode>;

/** Shown once to the 관리자 who asked, to hand over in person; the server keeps only a hash. */
export const PasswordReset = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('temporary'), temporaryPassword: z.string() }),
  z.object({ mode: z.literal('link'), path: z.string().startsWith('/reset?token='), expiresAt: z.iso.datetime() }),
]);
export type PasswordReset = z.infer<typeof PasswordReset>;

export const accountMethods = {
  'accounts.list': {
    input: z.strictObject({}),
    output: z.array(Account),
  },
  'accounts.create': {
    input: AccountCreateInput,
    output: z.object({ account: Account, temporaryPassword: z.string() }),
  },
  'accounts.update': {
    input: AccountUpdateInput,
    output: Account,
  },
  'accounts.setDisabled': {
    input: z.strictObject({ id: ProfileId, disabled: z.boolean() }),
    output: Account,
  },
  'accounts.resetPassword': {
    input: z.strictObject({ id: ProfileId, mode: ResetMode }),
    output: PasswordReset,
  },
} as const;
