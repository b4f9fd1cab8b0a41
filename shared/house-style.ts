import { patternProblem } from './house-style-pattern';
import type { HouseStyleRule } from './settings-house-style';

/**
 * The 표기 원칙 matcher, pure so the editor (while typing) and the backend (at 송고) find the same things.
 * Offsets are JavaScript string indexes (UTF-16), the ones Lexical and a textarea use.
 */

export interface HouseStyleFinding {
  /** Index of the rule in the list it was compiled from. */
  rule: number;
  start: number;
  end: number;
  /** The text found, and what fixing puts in its place (empty when the rule has no one right form). */
  text: string;
  fix: string;
  severity: HouseStyleRule['severity'];
  note: string;
}

/** One rule's findings stop here, so a pattern that matches every character cannot flood a window. */
export const MAX_FINDINGS_PER_RULE = 100;
/** Text past this length is not looked at: a paragraph or a field, never a whole archive. */
export const MAX_CHECKED_LENGTH = 20_000;

interface CompiledRule {
  index: number;
  rule: HouseStyleRule;
  regex: RegExp | null;
}

export interface CompiledHouseStyle {
  rules: CompiledRule[];
}

/**
 * Rules ready to match. A pattern the guard refuses is left out here too: settings parse them, but a
 * window may hold rules from an older build, and an unguarded pattern must never run.
 */
export function compileHouseStyle(rules: readonly HouseStyleRule[]): CompiledHouseStyle {
  const compiled: CompiledRule[] = [];
  rules.forEach((rule, index) => {
    // A first-mention rule reads the whole body in order (house-style-first-mention.ts), never one text alone.
    if (rule.kind === 'first-mention') return;
    if (!rule.pattern) {
      if (rule.wrong !== '') compiled.push({ index, rule, regex: null });
      return;
    }
    if (patternProblem(rule.wrong) !== null) return;
    compiled.push({ index, rule, regex: new RegExp(rule.wrong, 'gu') });
  });
  return { rules: compiled };
}

/** `right` with $1…$9, $& and $$ filled in from a match, as String.prototype.replace would. */
function expand(right: string, match: RegExpExecArray): string {
  return right.replace(/\$(\$|&|[1-9])/g, (_, key: string) => {
    if (key === '$') return '$';
    if (key === '&') return match[0];
    return match[Number(key)] ?? '';
  });
}

function matchRule(text: string, c: CompiledRule, out: HouseStyleFinding[]): void {
  const base = { rule: c.index, severity: c.rule.severity, note: c.rule.note };
  let found = 0;
  if (!c.regex) {
    const wrong = c.rule.wrong;
    for (let i = text.indexOf(wrong); i !== -1 && found < MAX_FINDINGS_PER_RULE; i = text.indexOf(wrong, i + wrong.length), found++) {
      out.push({ ...base, start: i, end: i + wrong.length, text: wrong, fix: c.rule.right });
    }
    return;
  }
  const regex = c.regex;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null && found < MAX_FINDINGS_PER_RULE; m = regex.exec(text)) {
    if (m[0] === '') {
      // An empty match finds nothing to fix; step past it (by a whole code point, as the u flag reads).
      regex.lastIndex += (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
      continue;
    }
    found++;
    out.push({ ...base, start: m.index, end: m.index + m[0].length, text: m[0], fix: c.rule.right === '' ? '' : expand(c.rule.right, m) });
  }
}

/**
 * Every finding in `text`, in reading order. Where two rules find overlapping text, the earlier start
 * (then the longer match) is kept: one place in the text has one suggestion, and fixing all at once is safe.
 */
export function findHouseStyle(text: string, style: CompiledHouseStyle): HouseStyleFinding[] {
  const checked = text.length > MAX_CHECKED_LENGTH ? text.slice(0, MAX_CHECKED_LENGTH) : text;
  const all: HouseStyleFinding[] = [];
  for (const c of style.rules) matchRule(checked, c, all);
  all.sort((a, b) => a.start - b.start || b.end - a.end || a.rule - b.rule);
  const kept: HouseStyleFinding[] = [];
  let reached = 0;
  for (const f of all) {
    if (f.start < reached) continue;
    kept.push(f);
    reached = f.end;
  }
  return kept;
}

/** `text` with every fixable finding replaced (findings as findHouseStyle returns them: ordered, apart). */
export function fixAll(text: string, findings: readonly HouseStyleFinding[]): string {
  let out = text;
  for (const f of [...findings].reverse()) {
    if (f.fix === '' || out.slice(f.start, f.end) !== f.text) continue;
    out = out.slice(0, f.start) + f.fix + out.slice(f.end);
  }
  return out;
}
