import { ArticleMeta, DEFAULT_META } from '../../shared/article';

/**
 * A story field nobody queries (the 발신지) needs no column of its own: every write of a story appends
 * a revision holding all of ArticleMeta in `meta_json`, so the story's newest revision already carries
 * it, on both engines, with no migration. Fields that queues, search or the workflow read stay columns
 * on `articles`, and those columns win over the JSON.
 *
 * "At or below the story's version": archiving bumps the version and reads the story before it
 * appends that version's revision, and must still find the fields it is about to copy forward.
 */
export const NEWEST_REVISION_META_SQL = `(SELECT meta_json FROM revisions
  WHERE revisions.article_id = articles.id AND revisions.version <= articles.version
  ORDER BY revisions.version DESC LIMIT 1)`;

/**
 * Only ArticleMeta's own keys. Archiving once stored the whole story (id, state, times) as a revision's
 * meta, which the strict schema then refused, so such a revision could neither be viewed nor restored.
 */
export function metaKeysOf(value: object): Partial<ArticleMeta> {
  const source = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(ArticleMeta.shape)
      .filter((key) => key in source)
      .map((key) => [key, source[key]]),
  );
}

/**
 * The meta a revision stored, each field on its own: one a later build would refuse, or one written
 * before the field existed, reads as its default without costing the others.
 */
export function storedMeta(json: string | null): ArticleMeta {
  const raw: unknown = json === null ? null : JSON.parse(json);
  const stored = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const meta: Record<string, unknown> = { ...DEFAULT_META };
  for (const [key, schema] of Object.entries(ArticleMeta.shape)) {
    if (!(key in stored)) continue;
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success) meta[key] = parsed.data;
  }
  return meta as ArticleMeta;
}
