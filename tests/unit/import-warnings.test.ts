import { describe, expect, it } from 'vitest';
import { emptyDocument, type Block } from '../../electron/import/document';
import { analysePressRelease } from '../../electron/import/press-release';
import { standingWarnings } from '../../shared/import-warnings';

const p = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });

describe('standingWarnings: which of the analyser’s warnings the story has not fixed yet', () => {
  const a = analysePressRelease({ ...emptyDocument(), blocks: [p('보도시점: 2026. 2. 10.(화)'), p('□ 정부는 10일 전략을 발표했다.')], warnings: [] });
  const photo = '사진 1을(를) 가져오지 못했습니다: 손상된 그림입니다.';
  const warnings = [photo, ...a.warnings];
  const proposed = { ...a.proposals };
  const record = (confirmed: Array<'headline' | 'embargoAt'>) => ({ confirmed, proposals: a.proposals });

  it('keeps every warning while nothing is fixed', () => {
    expect(a.warnings).toHaveLength(3);
    expect(standingWarnings(warnings, proposed, record([]))).toEqual(warnings);
  });

  it('drops the headline and 뉴스출처 warnings once the story has them, the embargo one once confirmed or changed', () => {
    const fixed = { ...proposed, headline: '양자 전략 발표', sourceAttribution: '과학기술정보통신부' };
    expect(standingWarnings(warnings, fixed, record([]))).toEqual([photo, a.warnings[2]]);
    expect(standingWarnings(warnings, fixed, record(['embargoAt']))).toEqual([photo]);
    expect(standingWarnings(warnings, { ...fixed, embargoAt: '2026-02-10T03:00:00.000Z' }, record([]))).toEqual([photo]);
    // Confirming a headline that is still empty fixes nothing.
    expect(standingWarnings(warnings, { ...proposed, headline: '  ' }, record(['headline']))).toEqual(warnings);
  });
});
