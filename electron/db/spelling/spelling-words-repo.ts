import type { Role } from '../../../shared/profiles';
import type { Database } from '../database';

/** The 뉴스룸 사전's storage on both engines (migration 014) and the published texts its archive vocabulary is learnt from. */

export interface SpellingWordRow {
  word: string;
  added_by: string | null;
  by_name: string | null;
  added_at: string;
}

/** States whose text the newsroom stood behind in public. */
const PUBLISHED = ['published', 'corrected'] as const;

export class SpellingWordsRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<SpellingWordRow[]> {
    return this.db.all<SpellingWordRow>(
      `SELECT w.word, w.added_by, p.name AS by_name, w.added_at FROM spelling_words w LEFT JOIN profiles p ON p.id = w.added_by ORDER BY w.word`,
    );
  }

  get(word: string): Promise<SpellingWordRow | undefined> {
    return this.db.get<SpellingWordRow>(
      `SELECT w.word, w.added_by, p.name AS by_name, w.added_at FROM spelling_words w LEFT JOIN profiles p ON p.id = w.added_by WHERE w.word = ?`,
      [word],
    );
  }

  /** False when the word was already there (someone else added it first): theirs stays. */
  async add(word: string, addedBy: string | null, at: string): Promise<boolean> {
    const r = await this.db.run('INSERT INTO spelling_words (word, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT (word) DO NOTHING', [word, addedBy, at]);
    return r.changes > 0;
  }

  async remove(word: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM spelling_words WHERE word = ?', [word])).changes > 0;
  }

  async role(profileId: string): Promise<Role | null> {
    return (await this.db.get<{ role: Role }>('SELECT role FROM profiles WHERE id = ?', [profileId]))?.role ?? null;
  }

  /** Changes when a story is published or corrected: two probes of articles_state_updated, never a scan. */
  async publishedMark(): Promise<string> {
    const [a, b] = PUBLISHED;
    const r = await this.db.get<{ p: string | null; c: string | null }>(
      `SELECT (SELECT MAX(updated_at) FROM articles WHERE state = ?) AS p, (SELECT MAX(updated_at) FROM articles WHERE state = ?) AS c`,
      [a, b],
    );
    return `${r?.p ?? ''}|${r?.c ?? ''}`;
  }

  /** The newest `limit` published stories' headline, deck and body text. */
  async publishedTexts(limit: number): Promise<string[]> {
    const rows = await this.db.all<{ headline: string; deck: string; body_text: string }>(
      `SELECT headline, deck, body_text FROM articles WHERE state IN (?, ?) ORDER BY updated_at DESC LIMIT ?`,
      [...PUBLISHED, limit],
    );
    return rows.map((r) => `${r.headline}\n${r.deck}\n${r.body_text}`);
  }
}
