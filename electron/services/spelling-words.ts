import type { SpellingVocabulary, SpellingWord } from '../../shared/contract-spelling';
import { AppError } from '../../shared/errors';
import { normaliseWord } from '../../shared/spelling-word';
import type { SpellingWordRow, SpellingWordsRepository } from '../db/spelling/spelling-words-repo';
import type { EventSink } from './event-sink';

/**
 * How much of the archive the vocabulary is learnt from: the newest 2,000 published stories. A newsroom's
 * names and coined terms of the last months are what its reporters write now; learning from a 100,000-story
 * archive would cost seconds for words nobody types any more. Measured: tests/integration/spelling-words.test.ts.
 */
export const LEARN_FROM = 2000;
/** A word in at least this many of them is accepted (one story's typo is not the newsroom's usage). */
export const MIN_STORIES = 3;

export type LearnVocabulary = (texts: readonly string[], minStories: number) => string[] | Promise<string[]>;

export interface SpellingWordsDeps {
  repo: SpellingWordsRepository;
  /** shared/spelling/archive-vocabulary.ts's learnVocabulary; without it the archive teaches nothing. */
  learn?: LearnVocabulary;
  events?: EventSink;
  now?: () => Date;
}

const asWord = (r: SpellingWordRow): SpellingWord => ({
  word: r.word,
  addedBy: r.added_by ? { id: r.added_by, name: r.by_name ?? '' } : null,
  addedAt: r.added_at,
});

/**
 * The 뉴스룸 사전 (any writer adds; a 데스크 or 편집국장 removes, since a removal un-teaches everyone) and the
 * vocabulary each window's checker loads. The archive part is kept until a story is published or corrected
 * (the newest published time moves), so opening a story costs two index probes, not a relearn.
 */
export class SpellingWordsService {
  private archive: { mark: string; words: string[]; from: number } | null = null;
  private learning: Promise<{ mark: string; words: string[]; from: number }> | null = null;
  private readonly now: () => Date;

  constructor(private readonly deps: SpellingWordsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async list(): Promise<{ words: SpellingWord[] }> {
    return { words: (await this.deps.repo.list()).map(asWord) };
  }

  async add(input: { word: string; actorId?: string }): Promise<SpellingWord> {
    const word = normaliseWord(input.word);
    const added = await this.deps.repo.add(word, input.actorId ?? null, this.now().toISOString());
    const row = await this.deps.repo.get(word);
    if (!row) throw new AppError('CONFLICT', `'${word}'이(가) 방금 다른 곳에서 지워졌습니다. 다시 추가하세요.`);
    if (added) this.deps.events?.emit('spelling.changed', { word, change: 'added' });
    return asWord(row);
  }

  async remove(input: { word: string; actorId?: string }): Promise<{ removed: boolean }> {
    if (input.actorId === undefined) throw new AppError('VALIDATION', '누가 하는 작업인지 알 수 없습니다. 먼저 프로필을 고르세요.');
    const role = await this.deps.repo.role(input.actorId);
    if (role !== 'desk' && role !== 'chief') throw new AppError('FORBIDDEN', '뉴스룸 사전에서 낱말을 빼는 일은 데스크나 편집국장만 할 수 있습니다.');
    const word = input.word.normalize('NFC').trim();
    const removed = await this.deps.repo.remove(word);
    if (removed) this.deps.events?.emit('spelling.changed', { word, change: 'removed' });
    return { removed };
  }

  async vocabulary(): Promise<SpellingVocabulary> {
    const [rows, archive] = await Promise.all([this.deps.repo.list(), this.archiveWords()]);
    return { newsroom: rows.map((r) => r.word), archive: archive.words, learntFrom: archive.from };
  }

  private async archiveWords(): Promise<{ words: string[]; from: number }> {
    const mark = await this.deps.repo.publishedMark();
    if (this.archive?.mark === mark) return this.archive;
    // Windows opening stories together share one relearn.
    this.learning ??= this.relearn(mark).finally(() => (this.learning = null));
    this.archive = await this.learning;
    return this.archive;
  }

  private async relearn(mark: string): Promise<{ mark: string; words: string[]; from: number }> {
    if (!this.deps.learn) return { mark, words: [], from: 0 };
    const texts = await this.deps.repo.publishedTexts(LEARN_FROM);
    return { mark, words: [...(await this.deps.learn(texts, MIN_STORIES))], from: texts.length };
  }
}
