import { z } from 'zod';
import { ArticleFields } from '../../shared/article';

/**
 * A copy of unsaved edits in the renderer's own storage, written when typing pauses. If the app or the
 * web-mode server dies before a save lands, the next start finds the text here.
 */
const Entry = z.object({
  articleId: z.string(),
  baseVersion: z.number().int(),
  writtenAt: z.string(),
  fields: ArticleFields,
});
export type JournalEntry = z.infer<typeof Entry>;

const keyOf = (articleId: string) => `byline:unsaved:${articleId}`;

export function writeJournal(entry: JournalEntry): void {
  try {
    localStorage.setItem(keyOf(entry.articleId), JSON.stringify(entry));
  } catch {
    // Storage full or unavailable: the server save is still the real copy; nothing to do here.
  }
}

export function readJournal(articleId: string): JournalEntry | undefined {
  try {
    const raw = localStorage.getItem(keyOf(articleId));
    if (!raw) return undefined;
    const parsed = Entry.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function clearJournal(articleId: string): void {
  try {
    localStorage.removeItem(keyOf(articleId));
  } catch {
    /* see writeJournal */
  }
}
