import { z } from 'zod';

/**
 * The people of the newsroom as this database knows them. There are no passwords: a profile is picked
 * on the machine (DESIGN.md, Workflow). What the workflow checks is what the picked profile's role
 * allows, not who is sitting at the keyboard.
 */
export const Role = z.enum(['reporter', 'desk', 'chief']);
export type Role = z.infer<typeof Role>;

/** 기자, 데스크, 편집국장: how the interface and the history name each role. */
export const ROLE_LABEL_KO: Record<Role, string> = { reporter: '기자', desk: '데스크', chief: '편집국장' };

export const ProfileId = z.uuid();
export type ProfileId = z.infer<typeof ProfileId>;

const Name = z.string().trim().min(1, '이름을 입력하세요').max(50);
const Email = z.union([z.literal(''), z.email().max(200)]);
const Sections = z.array(z.string().trim().min(1).max(50)).max(100);

export const Profile = z.object({
  id: ProfileId,
  name: z.string(),
  email: z.string(),
  role: Role,
  /** The sections a desk editor covers; a reporter's and the editor-in-chief's are informational. */
  sections: z.array(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Profile = z.infer<typeof Profile>;

/** What a new profile carries. */
export const ProfileInput = z.strictObject({ name: Name, email: Email, role: Role, sections: Sections.default([]) });
export type ProfileInput = z.output<typeof ProfileInput>;

/** A change to a profile names only what it changes. */
export const ProfilePatch = z.strictObject({
  id: ProfileId,
  name: Name.optional(),
  email: Email.optional(),
  role: Role.optional(),
  sections: Sections.optional(),
});
export type ProfilePatch = z.output<typeof ProfilePatch>;

/** A desk editor without sections would see every story and could act on none: a profile must say which. */
export function profileProblem(p: { role: Role; sections: readonly string[] }): string | undefined {
  if (p.role === 'desk' && p.sections.length === 0) return '데스크는 맡은 섹션을 하나 이상 골라야 합니다.';
  if (new Set(p.sections).size !== p.sections.length) return '같은 섹션을 두 번 고를 수 없습니다.';
  return undefined;
}

/** "홍길동 기자", "김데스크 데스크": a profile as a line of the history names it. */
export function profileLabel(p: { name: string; role: Role }): string {
  return `${p.name} ${ROLE_LABEL_KO[p.role]}`;
}
