import { countCharacters } from './counting';
import { editorStateToText } from './editor-text';
import { compileHouseStyle, findHouseStyle, type CompiledHouseStyle, type HouseStyleFinding } from './house-style';
import { findFirstMentions } from './house-style-first-mention';
import { photosOf } from './photo-refs';
import type { HouseStyleSettings } from './settings-house-style';
import type { SubmissionCheckInput, SubmissionProblem } from './submission-problem';

/** The headline's or deck's 글자 수 as the editor shows it: spaces count, a Hangul syllable is one. */
export function fieldLength(text: string): number {
  return countCharacters(text).withSpaces;
}

/** Each field the 표기 원칙 (and 맞춤법) read at 송고, with its name as the reporter knows it. */
export function textsOf(fields: SubmissionCheckInput): Array<{ label: string; text: string }> {
  const texts = [
    { label: '제목', text: fields.headline },
    { label: '부제', text: fields.deck },
  ];
  editorStateToText(fields.body)
    .split('\n')
    .forEach((line, i) => texts.push({ label: `본문 ${i + 1}문단`, text: line }));
  photosOf(fields).forEach((p, i) => texts.push({ label: `사진 ${i + 1} 설명`, text: p.caption }));
  return texts;
}

/**
 * 표기 원칙 findings and over-long headline or deck as submission problems: a 'block' rule is an error
 * (송고 refused), a 'warn' rule and a length over the limit are warnings.
 */
export function houseStyleProblems(fields: SubmissionCheckInput, style: HouseStyleSettings, compiled?: CompiledHouseStyle): SubmissionProblem[] {
  const rules = compiled ?? compileHouseStyle(style.rules);
  const problems: SubmissionProblem[] = [];
  const add = (label: string, f: HouseStyleFinding, why = '') => {
    const suggestion = f.fix === '' ? '' : ` → '${f.fix}'`;
    problems.push({
      field: 'houseStyle',
      label: `표기 원칙(${label})`,
      message: `'${f.text}'${suggestion}${why}${f.note ? ` — ${f.note}` : ''}${f.severity === 'block' ? ' (고쳐야 송고됩니다)' : ''}`,
      severity: f.severity === 'block' ? 'error' : 'warning',
    });
  };
  for (const { label, text } of textsOf(fields)) for (const f of findHouseStyle(text, rules)) add(label, f);
  const paragraphs = editorStateToText(fields.body).split('\n');
  for (const f of findFirstMentions(paragraphs, style.rules)) add(`본문 ${f.paragraph + 1}문단`, f, ' (처음 나올 때는 정식 명칭)');
  const over = (field: 'headline.length' | 'deck.length', label: string, text: string, limit: number) => {
    const length = fieldLength(text);
    if (length > limit) {
      problems.push({ field, label: `${label} 길이`, message: `${label}이 ${length}자로 기준 ${limit}자를 넘습니다(송고는 됩니다).`, severity: 'warning' });
    }
  };
  over('headline.length', '제목', fields.headline, style.headlineLimit);
  over('deck.length', '부제', fields.deck, style.deckLimit);
  return problems;
}
