import type { Executor } from '../db/database';

/** What the audit log records: sign-ins and their failures, lockouts, every admin action on accounts, and archives moved in. */
export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'locked_out'
  | 'sign_out'
  | 'sign_out_everywhere'
  | 'password_changed'
  | 'setup_link_made'
  | 'setup_completed'
  | 'account_created'
  | 'account_updated'
  | 'account_disabled'
  | 'account_enabled'
  | 'password_reset'
  | 'reset_link_made'
  | 'password_reset_by_link'
  | 'archive_imported';

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  subject?: string;
  address?: string;
  details?: Record<string, unknown>;
}

/** Appends one row, in the caller's transaction where there is one, so an action and its record stand or fall together. */
export async function audit(ex: Executor, at: Date, entry: AuditEntry): Promise<void> {
  await ex.run('INSERT INTO audit_log (at, actor_id, action, subject, address, details_json) VALUES (?, ?, ?, ?, ?, ?)', [
    at.toISOString(),
    entry.actorId,
    entry.action,
    entry.subject ?? '',
    entry.address ?? '',
    JSON.stringify(entry.details ?? {}),
  ]);
}
