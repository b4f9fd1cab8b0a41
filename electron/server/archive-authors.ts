/**
 * Who is who when a workstation's archive moves into the newsroom. On a single workstation the people in
 * a story's history (its reporter, whoever filed, returned or approved it, the desk's comments) are that
 * machine's profiles; in the newsroom they must be accounts, or the history would name people nobody can
 * find. A profile goes to the account with its e-mail, or where a `--map` flag says, or to the
 * `--default-owner`; one that goes nowhere stops the import before anything is written.
 */
import { AppError } from '../../shared/errors';
import type { Database, Executor } from '../db/database';

/** A profile of the archive that its stories' history names. */
export interface ArchivePerson {
  id: string;
  name: string;
  email: string;
}

export interface AuthorFlags {
  /** profile id in the archive → login of a newsroom account (`--map <profileId>=<loginId>`). */
  map: ReadonlyMap<string, string>;
  /** The account every profile without an e-mail match or a `--map` goes to. */
  defaultOwner?: string;
}

export interface AuthorPlan {
  /** archive profile id → newsroom profile id, for every person the archive's history names. */
  mapping: Map<string, string>;
  byEmail: number;
  byFlag: number;
  byDefault: number;
  /** Nobody to go to: the import must not start. */
  unmapped: ArchivePerson[];
}

/** `--map` values as given on the command line, each `<profileId>=<loginId>`. */
export function parseMapFlags(values: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const value of values) {
    const at = value.indexOf('=');
    const [id, login] =
      at > 0
        ? [
            value.slice(0, at).trim(),
            value
              .slice(at + 1)
              .trim()
              .toLowerCase(),
          ]
        : ['', ''];
    if (!id || !login) throw new AppError('VALIDATION', `--map은 <프로필 id>=<로그인> 꼴이어야 합니다: ${value}`);
    if (map.has(id) && map.get(id) !== login) throw new AppError('VALIDATION', `--map에 같은 프로필(${id})이 두 번 다른 로그인으로 있습니다.`);
    map.set(id, login);
  }
  return map;
}

/** Every profile the archive's workflow rows name (locks are left behind: a review in progress starts afresh). */
async function namedPeople(archive: Executor): Promise<ArchivePerson[]> {
  return archive.all<ArchivePerson>(
    `SELECT id, name, email FROM profiles WHERE id IN (
       SELECT owner_id FROM article_workflow UNION SELECT actor_id FROM workflow_events
       UNION SELECT author_id FROM review_comments UNION SELECT resolved_by FROM review_comments)
     ORDER BY name, id`,
  );
}

/** Decides where each person of the archive goes; reads only, on both sides. */
export async function planAuthors(archive: Executor, newsroom: Database, flags: AuthorFlags): Promise<AuthorPlan> {
  const accounts = await newsroom.all<{ id: string; login: string; email: string }>('SELECT id, login, email FROM profiles WHERE login IS NOT NULL');
  const byLogin = new Map(accounts.map((a) => [a.login, a.id]));
  const accountOf = (login: string, flag: string): string => {
    const id = byLogin.get(login.toLowerCase());
    if (!id) throw new AppError('VALIDATION', `${flag}에 적은 로그인 '${login}'의 계정이 뉴스룸에 없습니다. 아무것도 가져오지 않았습니다.`);
    return id;
  };
  const emails = new Map<string, string[]>();
  for (const a of accounts) {
    const key = a.email.trim().toLowerCase();
    if (key) emails.set(key, [...(emails.get(key) ?? []), a.id]);
  }
  const people = await namedPeople(archive);
  const known = new Set(people.map((p) => p.id));
  for (const id of flags.map.keys()) {
    if (!known.has(id)) throw new AppError('VALIDATION', `--map에 적은 프로필 '${id}'은(는) 이 보관본의 기사 이력에 없습니다. 아무것도 가져오지 않았습니다.`);
  }
  const fallback = flags.defaultOwner === undefined ? undefined : accountOf(flags.defaultOwner, '--default-owner');
  const plan: AuthorPlan = { mapping: new Map(), byEmail: 0, byFlag: 0, byDefault: 0, unmapped: [] };
  for (const person of people) {
    const flagged = flags.map.get(person.id);
    // Two accounts with one e-mail say nothing about which is this person: that needs a --map.
    const matches = emails.get(person.email.trim().toLowerCase()) ?? [];
    if (flagged !== undefined) {
      plan.mapping.set(person.id, accountOf(flagged, '--map'));
      plan.byFlag += 1;
    } else if (matches.length === 1) {
      plan.mapping.set(person.id, matches[0]!);
      plan.byEmail += 1;
    } else if (fallback !== undefined) {
      plan.mapping.set(person.id, fallback);
      plan.byDefault += 1;
    } else plan.unmapped.push(person);
  }
  return plan;
}
