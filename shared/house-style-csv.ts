import Papa from 'papaparse';
import { HouseStyleRule } from './settings-house-style';

/**
 * 표기 원칙 as CSV, the form desks keep such lists in (a spreadsheet). Columns, with a header row:
 * wrong,right,pattern,severity,note,kind. A file from before the kind column (five columns) still reads,
 * every rule a replacement. A file with any bad line imports nothing, and the error names the line as a
 * spreadsheet numbers it (the header is line 1).
 */

export const HOUSE_STYLE_CSV_COLUMNS = ['wrong', 'right', 'pattern', 'severity', 'note', 'kind'] as const;
const OLD_COLUMN_COUNT = 5;
const MAX_CSV_BYTES = 1_000_000;

export class HouseStyleCsvError extends Error {}

export function houseStyleToCsv(rules: readonly HouseStyleRule[]): string {
  const rows = rules.map((r) => [r.wrong, r.right, r.pattern ? 'pattern' : 'plain', r.severity, r.note, r.kind ?? 'replace']);
  // A leading BOM lets Excel open Korean text as UTF-8.
  return '\uFEFF' + Papa.unparse({ fields: [...HOUSE_STYLE_CSV_COLUMNS], data: rows }, { newline: '\r\n', escapeFormulae: false });
}

const PATTERN_WORDS: Record<string, boolean> = {
  pattern: true,
  regex: true,
  true: true,
  '1': true,
  정규식: true,
  plain: false,
  text: false,
  false: false,
  '0': false,
  '': false,
  일반: false,
};
const KIND_WORDS: Record<string, NonNullable<HouseStyleRule['kind']>> = {
  '': 'replace',
  replace: 'replace',
  바꾸기: 'replace',
  'first-mention': 'first-mention',
  first: 'first-mention',
  '첫 언급': 'first-mention',
  첫언급: 'first-mention',
};
const SEVERITY_WORDS: Record<string, HouseStyleRule['severity']> = { block: 'block', 차단: 'block', warn: 'warn', warning: 'warn', 경고: 'warn' };

/** The rules in `csv`, or a HouseStyleCsvError in Korean naming the first bad line. */
export function houseStyleFromCsv(csv: string): HouseStyleRule[] {
  if (csv.length > MAX_CSV_BYTES) throw new HouseStyleCsvError(`CSV 파일이 너무 큽니다(${MAX_CSV_BYTES.toLocaleString('ko-KR')}자까지).`);
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const bad = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (bad) throw new HouseStyleCsvError(`CSV ${(bad.row ?? 0) + 1}번째 줄을 읽을 수 없습니다: ${bad.message}`);
  const [header, ...rows] = parsed.data;
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const columns = names.length === OLD_COLUMN_COUNT ? OLD_COLUMN_COUNT : HOUSE_STYLE_CSV_COLUMNS.length;
  if (HOUSE_STYLE_CSV_COLUMNS.some((c, i) => i < columns && names[i] !== c) || names.length !== columns) {
    throw new HouseStyleCsvError(`CSV 첫 줄은 ${HOUSE_STYLE_CSV_COLUMNS.join(',')} 이어야 합니다.`);
  }
  return rows.map((row, i) => {
    const line = i + 2;
    if (row.length !== columns) {
      throw new HouseStyleCsvError(`CSV ${line}번째 줄: 칸이 ${columns}개여야 하는데 ${row.length}개입니다.`);
    }
    const [wrong, right, pattern, severity, note, kindWord = ''] = row as [string, string, string, string, string, string?];
    const kind = KIND_WORDS[kindWord.trim().toLowerCase()];
    if (kind === undefined) throw new HouseStyleCsvError(`CSV ${line}번째 줄: kind 칸은 replace 또는 first-mention이어야 합니다('${kindWord}').`);
    const isPattern = PATTERN_WORDS[pattern.trim().toLowerCase()];
    if (isPattern === undefined) throw new HouseStyleCsvError(`CSV ${line}번째 줄: pattern 칸은 pattern 또는 plain이어야 합니다('${pattern}').`);
    const level = SEVERITY_WORDS[severity.trim().toLowerCase()];
    if (level === undefined) throw new HouseStyleCsvError(`CSV ${line}번째 줄: severity 칸은 block 또는 warn이어야 합니다('${severity}').`);
    const rule = HouseStyleRule.safeParse({ wrong, right, pattern: isPattern, severity: level, note, ...(kind === 'first-mention' ? { kind } : {}) });
    if (!rule.success) throw new HouseStyleCsvError(`CSV ${line}번째 줄: ${rule.error.issues[0]?.message ?? '규칙이 올바르지 않습니다.'}`);
    return rule.data;
  });
}
