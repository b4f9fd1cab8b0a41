import { textsOf } from './house-style-submission';
import type { SpellFinding } from './spelling-types';
import type { SubmissionCheckInput, SubmissionProblem } from './submission-problem';

/** Findings listed at 송고: enough to act on, never a wall of them. */
const LISTED = 30;

/**
 * 맞춤법 findings as 송고 problems, listed with the 표기 원칙 ones: always warnings, never a refusal (a
 * checker can be wrong about a name; the desk decides). `check` is the window's checker; only the window
 * has one, so the backend's own 송고 check does not repeat this.
 */
export async function spellingProblems(fields: SubmissionCheckInput, check: (text: string) => Promise<SpellFinding[]>): Promise<SubmissionProblem[]> {
  const problems: SubmissionProblem[] = [];
  for (const { label, text } of textsOf(fields)) {
    if (text.trim() === '') continue;
    for (const f of await check(text)) {
      if (problems.length >= LISTED) return problems;
      const suggestion = f.suggestions[0] ? ` → '${f.suggestions[0]}'` : '';
      problems.push({ field: 'spelling', label: `맞춤법(${label})`, message: `'${f.word}'${suggestion}`, severity: 'warning' });
    }
  }
  return problems;
}
