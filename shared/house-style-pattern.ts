/**
 * A house-style pattern is typed by a newsroom administrator or arrives in a CSV file, and it runs in
 * every window while the reporter types and in the backend at 송고. JavaScript's regex engine backtracks,
 * so a pattern such as (a+)+$ can take minutes on one paragraph and freeze the window. Rather than time a
 * match we cannot interrupt, a pattern is admitted only in a shape whose backtracking is bounded: short,
 * no quantifier on a group that itself repeats or alternates, no back-references, at most one unbounded
 * repetition and small bounded ones.
 */

export const MAX_PATTERN_LENGTH = 100;
const MAX_QUANTIFIERS = 4;
const MAX_BOUNDED_REPEAT = 5;
const MAX_UNBOUNDED = 1;

interface Group {
  repeats: boolean;
  alternates: boolean;
}

/** Why `source` may not be a house-style pattern, in Korean; null when it may. */
export function patternProblem(source: string): string | null {
  if (source.length === 0) return '패턴이 비어 있습니다.';
  if (source.length > MAX_PATTERN_LENGTH) return `패턴은 ${MAX_PATTERN_LENGTH}자까지입니다(${source.length}자).`;
  try {
    new RegExp(source, 'u');
  } catch (err) {
    return `정규식으로 읽을 수 없습니다: ${(err as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(source)) return '역참조(\\1, \\k<이름>)는 쓸 수 없습니다.';

  const stack: Group[] = [{ repeats: false, alternates: false }];
  let quantifiers = 0;
  let unbounded = 0;
  let lastClosed: Group | null = null;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    let closed: Group | null = null;
    if (ch === '\\') {
      i++;
    } else if (ch === '[') {
      // A character class is one atom; its ] may be escaped inside.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (ch === '(') {
      stack.push({ repeats: false, alternates: false });
    } else if (ch === ')') {
      closed = stack.pop() ?? null;
      const parent = stack[stack.length - 1];
      if (closed && parent) {
        parent.repeats ||= closed.repeats;
        parent.alternates ||= closed.alternates;
      }
    } else if (ch === '|') {
      stack[stack.length - 1]!.alternates = true;
    } else if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
      let max = ch === '?' ? 1 : Infinity;
      if (ch === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (!m) continue;
        max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
        i += m[0].length - 1;
      }
      // A lazy or possessive-looking suffix belongs to this quantifier.
      if (source[i + 1] === '?') i++;
      quantifiers++;
      if (max === Infinity) unbounded++;
      else if (max > MAX_BOUNDED_REPEAT) return `반복 횟수는 ${MAX_BOUNDED_REPEAT}번까지입니다.`;
      if (lastClosed && (lastClosed.repeats || lastClosed.alternates) && max > 1) {
        return '반복하는 묶음 안에 다시 반복이나 | 가 있어(예: (a+)+) 입력에 따라 한없이 느려질 수 있습니다.';
      }
      stack[stack.length - 1]!.repeats = true;
    }
    lastClosed = closed;
  }
  if (unbounded > MAX_UNBOUNDED) return `끝없는 반복(*, +, {n,})은 한 번만 쓸 수 있습니다(${unbounded}번).`;
  if (quantifiers > MAX_QUANTIFIERS) return `반복 기호는 ${MAX_QUANTIFIERS}개까지입니다(${quantifiers}개).`;
  return null;
}
