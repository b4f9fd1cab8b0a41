import type { SpellChecker, SpellFinding } from '../../../shared/spelling-types';
import { dictionaryForm } from '../../../shared/spelling-word';

/**
 * Findings by paragraph text: a paragraph already checked is answered at once, and typing sends the
 * worker only the paragraphs that changed. Asking twice for a text in flight shares the one check. A new
 * vocabulary (a word added to the 뉴스룸 사전) makes every answer stale: `clear` drops them and
 * answers in flight are not kept.
 */
export class SpellCache {
  private readonly done = new Map<string, SpellFinding[]>();
  private readonly pending = new Map<string, Promise<SpellFinding[]>>();
  private era = 0;

  constructor(
    private readonly checker: SpellChecker,
    private readonly limit = 4000,
  ) {}

  cached(text: string): SpellFinding[] | undefined {
    return this.done.get(text);
  }

  check(text: string): Promise<SpellFinding[]> {
    const hit = this.done.get(text);
    if (hit) return Promise.resolve(hit);
    const running = this.pending.get(text);
    if (running) return running;
    const era = this.era;
    const asked = this.checker.check(text).then(
      (found) => {
        this.pending.delete(text);
        if (era === this.era) this.store(text, found);
        return found;
      },
      (err: unknown) => {
        this.pending.delete(text);
        throw err;
      },
    );
    this.pending.set(text, asked);
    return asked;
  }

  clear(): void {
    this.era += 1;
    this.done.clear();
    this.pending.clear();
  }

  get size(): number {
    return this.done.size;
  }

  private store(text: string, found: SpellFinding[]): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.done.size >= this.limit) this.done.delete(this.done.keys().next().value as string);
    this.done.set(text, found);
  }
}

/** Findings the reporter has not set aside: 무시 this session, or already in the 뉴스룸 사전 on this window. */
export function visibleFindings(found: readonly SpellFinding[], ignored: ReadonlySet<string>): SpellFinding[] {
  return found.filter((f) => {
    const word = f.word.normalize('NFC');
    return !ignored.has(word) && !ignored.has(dictionaryForm(word));
  });
}

/** `text` with one finding replaced by `by`, or null when the text no longer holds the word there. */
export function replaceFinding(text: string, f: Pick<SpellFinding, 'start' | 'end' | 'word'>, by: string): string | null {
  if (text.slice(f.start, f.end) !== f.word) return null;
  return text.slice(0, f.start) + by + text.slice(f.end);
}
