import type { Method } from '../../../shared/contract';
import { ACTOR } from './dispatch-harness';

/* Each 사용자 관리 method's own hostile inputs (dispatch-hostile-inputs.ts adds them to every other method's). */

type AccountMethod = Extract<Method, `accounts.${string}`>;

export const ACCOUNT_HOSTILE_INPUTS: Record<AccountMethod, Array<[string, unknown]>> = {
  'accounts.list': [['any key', { disabled: true }]],
  'accounts.create': [
    ['login with a space', { login: 'kim reporter', name: '김기자', role: 'reporter' }],
    ['login in Hangul', { login: '김기자', name: '김기자', role: 'reporter' }],
    ['login 33', { login: 'k'.repeat(33), name: '김기자', role: 'reporter' }],
    ['name 51', { login: 'kim', name: '가'.repeat(51), role: 'reporter' }],
    ['role unknown', { login: 'kim', name: '김기자', role: 'admin' }],
    ['admin string', { login: 'kim', name: '김기자', role: 'reporter', admin: 'yes' }],
    ['names who asks', { login: 'kim', name: '김기자', role: 'reporter', actorId: ACTOR }],
    ['a password of its own', { login: 'kim', name: '김기자', role: 'reporter', password: '내가 고른 비밀번호' }],
  ],
  'accounts.update': [
    ['missing id', { name: '김기자' }],
    ['login is not editable', { id: ACTOR, login: 'root' }],
    ['title 31', { id: ACTOR, title: '가'.repeat(31) }],
    ['email bad', { id: ACTOR, email: '김기자 기자' }],
  ],
  'accounts.setDisabled': [
    ['missing disabled', { id: ACTOR }],
    ['disabled string', { id: ACTOR, disabled: 'true' }],
  ],
  'accounts.resetPassword': [
    ['mode unknown', { id: ACTOR, mode: 'email' }],
    ['a password of its own', { id: ACTOR, mode: 'temporary', password: '내가 고른 비밀번호' }],
  ],
};
