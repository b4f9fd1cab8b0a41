import { AppError } from '../../shared/errors';
import type { Profile } from '../../shared/profiles';
import { MAX_NOTE_CHARS, type Actor, type Refusal, type ArticleFacts } from '../../shared/workflow';
import type { Person, ArticleRecord, WorkflowTx } from './workflow-store';

/*
 * The small conversions and refusals every part of the workflow service shares (moves, queues,
 * comments), kept apart so each of those files can stay about its own job.
 */

export function actorOf(p: Profile): Actor {
  return { id: p.id, name: p.name, role: p.role, sections: p.sections };
}

export function person(p: Profile): Person {
  return { id: p.id, name: p.name, role: p.role };
}

export function factsOf(s: ArticleRecord): ArticleFacts {
  return { state: s.state, section: s.section, ownerId: s.owner?.id ?? null, lock: s.lock && { holderId: s.lock.holder.id, holderName: s.lock.holder.name } };
}

export function refusal(r: Refusal): AppError {
  return new AppError(r.code, r.message, r.details);
}

export function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `기사를 찾을 수 없습니다 (${id}).`);
}

export function discarded(): AppError {
  return new AppError('CONFLICT', '휴지통에 있는 기사는 고치거나 처리할 수 없습니다. 먼저 휴지통에서 되살리세요.', { discarded: true });
}

export function unknownProfile(): AppError {
  return new AppError('FORBIDDEN', '알 수 없는 프로필입니다. 프로필을 다시 고르세요.', { reason: 'unknown-profile' });
}

export const clip = (s: string) => s.trim().slice(0, MAX_NOTE_CHARS);

export async function actorIn(tx: WorkflowTx, actorId: string): Promise<Profile> {
  const p = await tx.profile(actorId);
  if (!p) throw unknownProfile();
  return p;
}

export async function articleIn(tx: WorkflowTx, id: string): Promise<ArticleRecord> {
  const s = await tx.story(id);
  if (!s) throw notFound(id);
  return s;
}
