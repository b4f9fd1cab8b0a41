import type { DuplicateCheck } from '../../shared/contract-duplicates';
import { ArticleState } from '../../shared/article';
import { AppError } from '../../shared/errors';
import type { DuplicatesRepository } from '../db/duplicates/duplicates-repo';
import { signatureFromBytes, signatureOf, similarity, SIGNER_VERSION } from '../db/duplicates/minhash';

/**
 * Estimated Jaccard similarity at or above which two bodies count as the same release. Measured on the
 * generated near-duplicates (tests/fixtures/near-duplicates.ts, 5-syllable shingles): a second import
 * is 1.0, light edits 0.85–0.94, reordered paragraphs 0.93–0.96, a story written from the release with its
 * own lead and a fifth of the release left out 0.63–0.87; unrelated stories on the same beat 0.14–0.28.
 * 0.5 sits in the gap, more than four standard errors of a 128-bin estimate (±0.044 at 0.5) from each side.
 */
export const SIMILAR = 0.5;
/** Band candidates confirmed per check: the most-shared-band stories first; a true duplicate shares many. */
const CANDIDATES = 200;
/** Findings shown. */
const SHOWN = 10;

/** Near-duplicates of a story in the archive (issue 23), for the import panel and the 송고 flow. */
export class DuplicateService {
  constructor(private readonly repo: DuplicatesRepository) {}

  async check(articleId: string): Promise<DuplicateCheck> {
    const story = await this.repo.story(articleId);
    if (!story) throw new AppError('NOT_FOUND', '기사를 찾을 수 없습니다. 다른 곳에서 지워졌을 수 있습니다.');
    // The stored signature is the saved body's; one missing, unreadable or from an older signer (not yet
    // re-signed) is made again here from the body.
    const sig = (story.signer_version === SIGNER_VERSION ? signatureFromBytes(story.minhash) : null) ?? signatureOf(story.body_text);
    if (!sig) return { checked: false, matches: [] };
    const rowid = Number(story.rowid);
    const confirmed = (await this.repo.candidates(sig, rowid, CANDIDATES))
      .map((c) => ({ rowid: c.rowid, similarity: similarity(sig, c.signature) }))
      .filter((c) => c.similarity >= SIMILAR)
      .sort((a, b) => b.similarity - a.similarity || b.rowid - a.rowid)
      .slice(0, SHOWN);
    const described = new Map((await this.repo.describe(confirmed.map((c) => c.rowid))).map((d) => [d.rowid, d]));
    return {
      checked: true,
      matches: confirmed.flatMap((c) => {
        const d = described.get(c.rowid);
        if (!d) return [];
        const state = ArticleState.safeParse(d.state);
        return [
          {
            articleId: d.id,
            headline: d.headline,
            reporter: d.ownerName ?? d.bylines[0]?.name ?? null,
            state: state.success ? state.data : 'draft',
            createdAt: d.createdAt,
            updatedAt: d.updatedAt,
            similarity: Math.round(c.similarity * 100) / 100,
            imported: d.imported,
          },
        ];
      }),
    };
  }
}
