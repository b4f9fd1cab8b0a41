import type { Profile, Role } from '../../shared/profiles';
import type { Executor } from './database';

interface ProfileRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  sections_json: string;
  created_at: string;
  updated_at: string;
}

function toProfile(r: ProfileRow): Profile {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    sections: JSON.parse(r.sections_json) as string[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** One profile by id, on any executor (the workflow reads the actor inside its own transactions). */
export async function selectProfile(ex: Executor, id: string): Promise<Profile | undefined> {
  const row = await ex.get<ProfileRow>('SELECT * FROM profiles WHERE id = ?', [id]);
  return row && toProfile(row);
}

/** SQL for profiles; the rules (a desk editor needs sections) are the service's. */
export class ProfileRepository {
  constructor(private readonly db: Executor) {}

  async list(): Promise<Profile[]> {
    const rows = await this.db.all<ProfileRow>("SELECT * FROM profiles ORDER BY CASE role WHEN 'chief' THEN 0 WHEN 'desk' THEN 1 ELSE 2 END, name, id");
    return rows.map(toProfile);
  }

  get(id: string): Promise<Profile | undefined> {
    return selectProfile(this.db, id);
  }

  async insert(p: Profile): Promise<Profile> {
    await this.db.run('INSERT INTO profiles (id, name, email, role, sections_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      p.id,
      p.name,
      p.email,
      p.role,
      JSON.stringify(p.sections),
      p.createdAt,
      p.updatedAt,
    ]);
    return (await this.get(p.id))!;
  }

  /** Only the newsroom server's PostgreSQL has logins; a single workstation's profiles are never accounts. */
  async isAccount(id: string): Promise<boolean> {
    const row = await this.db.get<{ login?: string | null }>('SELECT * FROM profiles WHERE id = ?', [id]);
    return typeof row?.login === 'string';
  }

  async update(p: Profile): Promise<Profile | undefined> {
    const { changes } = await this.db.run('UPDATE profiles SET name = ?, email = ?, role = ?, sections_json = ?, updated_at = ? WHERE id = ?', [
      p.name,
      p.email,
      p.role,
      JSON.stringify(p.sections),
      p.updatedAt,
      p.id,
    ]);
    return changes === 0 ? undefined : this.get(p.id);
  }
}
