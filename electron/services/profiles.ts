import { AppError } from '../../shared/errors';
import { profileProblem, type Profile, type ProfileInput, type ProfilePatch } from '../../shared/profiles';

/** Where profiles are kept: electron/db/profiles-repo.ts on this machine's database. */
export interface ProfileStore {
  list(): Promise<Profile[]>;
  get(id: string): Promise<Profile | undefined>;
  insert(p: Profile): Promise<Profile>;
  update(p: Profile): Promise<Profile | undefined>;
  /** Whether the profile is someone who signs in to the newsroom server (an account). */
  isAccount(id: string): Promise<boolean>;
}

/**
 * The newsroom's profiles. Picking one is not a login (there are no passwords on a shared workstation):
 * anyone at the machine may add or change a profile, and the workflow records who acted as whom.
 * Profiles are never deleted, since the history names them.
 */
export class ProfileService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly store: ProfileStore,
    options: { now?: () => Date; newId?: () => string } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  list(): Promise<Profile[]> {
    return this.store.list();
  }

  async create(input: ProfileInput): Promise<Profile> {
    const problem = profileProblem(input);
    if (problem) throw new AppError('VALIDATION', problem, { fields: [{ field: 'sections', label: '섹션', message: problem }] });
    const at = this.now().toISOString();
    return this.store.insert({
      id: this.newId(),
      name: input.name,
      email: input.email,
      role: input.role,
      sections: input.sections,
      createdAt: at,
      updatedAt: at,
    });
  }

  async update(patch: ProfilePatch): Promise<Profile> {
    const current = await this.store.get(patch.id);
    if (!current) throw new AppError('NOT_FOUND', '프로필을 찾을 수 없습니다.');
    // An account's role is 사용자 관리's to change, under its rules (who may make a 편집국장, never the last 관리자).
    if (await this.store.isAccount(patch.id)) throw new AppError('FORBIDDEN', '로그인하는 사람의 역할과 섹션은 사용자 관리에서 바꿉니다.');
    const next: Profile = {
      ...current,
      name: patch.name ?? current.name,
      email: patch.email ?? current.email,
      role: patch.role ?? current.role,
      sections: patch.sections ?? current.sections,
      updatedAt: this.now().toISOString(),
    };
    const problem = profileProblem(next);
    if (problem) throw new AppError('VALIDATION', problem, { fields: [{ field: 'sections', label: '섹션', message: problem }] });
    const saved = await this.store.update(next);
    if (!saved) throw new AppError('NOT_FOUND', '프로필을 찾을 수 없습니다.');
    return saved;
  }
}
