import type { ReviewComment } from '../../shared/contract-workflow';
import { MAX_NAME_CHARS, type Named } from '../../shared/mentions';
import type { Role } from '../../shared/profiles';
import type { NewComment } from '../services/workflow-store';
import type { Executor } from './database';

/*
 * Review comments' rows on either engine (migrations 005 and 015): comments, their threads, who resolved
 * or reopened them and whom they mention. workflow-repo.ts hands its comment operations to these.
 */

interface CommentRow {
  id: number;
  article_id: string;
  author_id: string;
  author_name: string;
  author_role: Role;
  version: number;
  field: 'headline' | 'deck' | 'body' | null;
  anchor_start: number | null;
  anchor_end: number | null;
  quote: string | null;
  body: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolver_name: string | null;
  resolver_role: Role | null;
  parent_id: number | null;
  reopened_at: string | null;
  reopened_by: string | null;
  reopener_name: string | null;
  reopener_role: Role | null;
}

const COMMENT_SELECT = `
SELECT c.*, r.name AS resolver_name, r.role AS resolver_role, o.name AS reopener_name, o.role AS reopener_role
FROM review_comments c LEFT JOIN profiles r ON r.id = c.resolved_by LEFT JOIN profiles o ON o.id = c.reopened_by`;

const personOf = (id: string | null, name: string | null, role: Role | null) => (id ? { id, name: name ?? '', role: role ?? 'desk' } : null);

function toComment(r: CommentRow, mentions: string[]): ReviewComment {
  return {
    id: r.id,
    articleId: r.article_id,
    author: { id: r.author_id, name: r.author_name, role: r.author_role },
    version: r.version,
    anchor: r.field !== null ? { field: r.field, start: r.anchor_start!, end: r.anchor_end!, quote: r.quote! } : null,
    body: r.body,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolvedBy: personOf(r.resolved_by, r.resolver_name, r.resolver_role),
    parentId: r.parent_id,
    mentions,
    reopenedAt: r.reopened_at,
    reopenedBy: personOf(r.reopened_by, r.reopener_name, r.reopener_role),
  };
}

export async function insertComment(ex: Executor, c: NewComment): Promise<ReviewComment> {
  const a = c.anchor;
  const { lastId } = await ex.run(
    `INSERT INTO review_comments (article_id, author_id, author_name, author_role, version, field, anchor_start, anchor_end, quote, body, created_at, parent_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      c.articleId,
      c.author.id,
      c.author.name,
      c.author.role,
      c.version,
      a?.field ?? null,
      a?.start ?? null,
      a?.end ?? null,
      a?.quote ?? null,
      c.body,
      c.at,
      c.parentId,
    ],
  );
  for (const id of c.mentions) await ex.run('INSERT INTO review_comment_mentions (comment_id, profile_id) VALUES (?, ?)', [lastId, id]);
  return (await commentById(ex, lastId))!;
}

export async function commentById(ex: Executor, id: number): Promise<ReviewComment | undefined> {
  const row = await ex.get<CommentRow>(`${COMMENT_SELECT} WHERE c.id = ?`, [id]);
  if (!row) return undefined;
  const mentions = await ex.all<{ profile_id: string }>('SELECT profile_id FROM review_comment_mentions WHERE comment_id = ? ORDER BY profile_id', [id]);
  return toComment(
    row,
    mentions.map((m) => m.profile_id),
  );
}

/** A story's comments in the order written; a screen groups replies under their parentId. */
export async function commentsOf(ex: Executor, articleId: string): Promise<ReviewComment[]> {
  const rows = await ex.all<CommentRow>(`${COMMENT_SELECT} WHERE c.article_id = ? ORDER BY c.id`, [articleId]);
  const mentions = await ex.all<{ comment_id: number; profile_id: string }>(
    `SELECT m.comment_id, m.profile_id FROM review_comment_mentions m JOIN review_comments c ON c.id = m.comment_id
     WHERE c.article_id = ? ORDER BY m.comment_id, m.profile_id`,
    [articleId],
  );
  const byComment = new Map<number, string[]>();
  for (const m of mentions) byComment.set(Number(m.comment_id), [...(byComment.get(Number(m.comment_id)) ?? []), m.profile_id]);
  return rows.map((r) => toComment(r, byComment.get(r.id) ?? []));
}

/** Open threads: a reply is part of its thread, not a comment of its own to resolve. */
export async function openCommentsOf(ex: Executor, articleId: string): Promise<number> {
  const row = await ex.get<{ n: number }>('SELECT count(*) AS n FROM review_comments WHERE article_id = ? AND parent_id IS NULL AND resolved_at IS NULL', [
    articleId,
  ]);
  return Number(row?.n ?? 0);
}

/** Compare-and-set: false when the comment was resolved already. */
export async function resolveComment(ex: Executor, id: number, by: string, at: string): Promise<boolean> {
  const { changes } = await ex.run('UPDATE review_comments SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL', [at, by, id]);
  return changes > 0;
}

/** Compare-and-set: false when the comment is open already. */
export async function reopenComment(ex: Executor, id: number, by: string, at: string): Promise<boolean> {
  const { changes } = await ex.run(
    'UPDATE review_comments SET resolved_at = NULL, resolved_by = NULL, reopened_at = ?, reopened_by = ? WHERE id = ? AND resolved_at IS NOT NULL',
    [at, by, id],
  );
  return changes > 0;
}

/**
 * The people whose name `text` begins with: who an @ followed by `text` may name. A disabled account
 * (the newsroom server's, migration 102) names nobody; SQLite's profiles have no such column.
 */
export async function peopleNamedAt(ex: Executor, text: string): Promise<Named[]> {
  const rows = await ex.all<{ id: string; name: string; disabled_at?: string | null }>('SELECT * FROM profiles WHERE substr(?, 1, length(name)) = name', [
    text.slice(0, MAX_NAME_CHARS),
  ]);
  return rows.filter((r) => !r.disabled_at).map((r) => ({ id: r.id, name: r.name }));
}
