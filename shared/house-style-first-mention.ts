import { MAX_CHECKED_LENGTH, type HouseStyleFinding } from './house-style';
import type { HouseStyleRule } from './house-style-rule';

/**
 * 첫 언급 (first mention) rules: a short form such as 과기정통부 may stand only after its full form,
 * 과학기술정보통신부, has appeared once. Unlike the other rules this reads the body as a whole, in order, so it
 * is apart from findHouseStyle (which reads one text at a time). The headline, deck and captions are not
 * read: a headline uses the short form by custom, and the reader meets the full one in the lead.
 */

export interface FirstMentionFinding extends HouseStyleFinding {
  /** The paragraph (0-based) of the texts given. */
  paragraph: number;
}

function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) at.push(i);
  return at;
}

/** The first short form outside any full form (한국개발연구원(KDI) holds KDI, which is no short mention). */
function firstShort(text: string, short: string, full: string): number {
  const fulls = occurrences(text, full);
  return occurrences(text, short).find((s) => !fulls.some((f) => s < f + full.length && s + short.length > f)) ?? -1;
}

function firstMentionOf(paragraphs: readonly string[], index: number, rule: HouseStyleRule): FirstMentionFinding | null {
  for (let p = 0; p < paragraphs.length; p++) {
    const raw = paragraphs[p]!;
    const text = raw.length > MAX_CHECKED_LENGTH ? raw.slice(0, MAX_CHECKED_LENGTH) : raw;
    const full = text.indexOf(rule.right);
    const short = firstShort(text, rule.wrong, rule.right);
    if (short !== -1 && (full === -1 || short < full)) {
      return {
        rule: index,
        paragraph: p,
        start: short,
        end: short + rule.wrong.length,
        text: rule.wrong,
        fix: rule.right,
        severity: rule.severity,
        note: rule.note,
      };
    }
    // The full form came first: every later short form is fine.
    if (full !== -1) return null;
  }
  return null;
}

/** At most one finding per first-mention rule: the short form that stands before any full form, in reading order. */
export function findFirstMentions(paragraphs: readonly string[], rules: readonly HouseStyleRule[]): FirstMentionFinding[] {
  const found: FirstMentionFinding[] = [];
  rules.forEach((rule, index) => {
    if (rule.kind !== 'first-mention' || rule.pattern || rule.wrong === '' || rule.right === '') return;
    const finding = firstMentionOf(paragraphs, index, rule);
    if (finding) found.push(finding);
  });
  return found.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || a.rule - b.rule);
}
