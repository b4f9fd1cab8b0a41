import { describe, expect, it } from 'vitest';
import { DEFAULT_META } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { compileHouseStyle, findHouseStyle } from '../../shared/house-style';
import { houseStyleFromCsv, houseStyleToCsv } from '../../shared/house-style-csv';
import { findFirstMentions } from '../../shared/house-style-first-mention';
import { houseStyleProblems } from '../../shared/house-style-submission';
import { DEFAULT_HOUSE_STYLE, HouseStyleRule } from '../../shared/settings-house-style';

const first = (wrong: string, right: string): HouseStyleRule => ({ wrong, right, pattern: false, severity: 'warn', note: '', kind: 'first-mention' });
const MSIT = first('과기정통부', '과학기술정보통신부');

describe('표기 원칙: 첫 언급 (first mention)', () => {
  it('lets the short form stand after the full form, in the same paragraph or a later one', () => {
    expect(findFirstMentions(['과학기술정보통신부는 10일 발표했다. 과기정통부는 또', '과기정통부 관계자는'], [MSIT])).toEqual([]);
    expect(findFirstMentions(['과학기술정보통신부는 10일 발표했다.', '과기정통부 관계자는'], [MSIT])).toEqual([]);
  });

  it('flags only the first short form that comes before any full form, with the fix to expand it', () => {
    const found = findFirstMentions(['양자 전략을 내놨다.', '과기정통부는 10일, 과기정통부 장관은', '과학기술정보통신부 관계자는'], [MSIT]);
    expect(found).toEqual([{ rule: 0, paragraph: 1, start: 0, end: 5, text: '과기정통부', fix: '과학기술정보통신부', severity: 'warn', note: '' }]);
  });

  it('flags a short form when the full form never appears, and says nothing when neither does', () => {
    expect(findFirstMentions(['과기정통부가 발표했다.'], [MSIT]).map((f) => f.paragraph)).toEqual([0]);
    expect(findFirstMentions(['정부가 발표했다.'], [MSIT])).toEqual([]);
  });

  it('does not take a short form inside its full form for a mention (보건복지부 holds 복지부; 한국개발연구원(KDI) holds KDI)', () => {
    expect(findFirstMentions(['보건복지부는 10일', '복지부 관계자는'], [first('복지부', '보건복지부')])).toEqual([]);
    expect(findFirstMentions(['한국개발연구원(KDI)은', 'KDI는'], [first('KDI', '한국개발연구원(KDI)')])).toEqual([]);
    expect(findFirstMentions(['KDI는 한국개발연구원(KDI)의'], [first('KDI', '한국개발연구원(KDI)')])).toMatchObject([{ start: 0 }]);
  });

  it('is never matched text by text: a short form after the full one in another paragraph is not flagged by findHouseStyle', () => {
    expect(findHouseStyle('과기정통부 관계자는', compileHouseStyle([MSIT]))).toEqual([]);
  });

  it('refuses a first-mention rule without a full form or with a pattern, in Korean', () => {
    const refused = (r: HouseStyleRule) => HouseStyleRule.safeParse(r).error?.issues[0]?.message;
    expect(refused({ ...MSIT, right: '' })).toBe("첫 언급 규칙 '과기정통부'에 정식 명칭이 비어 있습니다.");
    expect(refused({ ...MSIT, pattern: true })).toBe('첫 언급 규칙에는 정규식을 쓸 수 없습니다.');
    // A rule saved before the type existed has no kind and still parses, as a replacement.
    expect(HouseStyleRule.parse({ wrong: '메세지', right: '메시지', pattern: false, severity: 'warn', note: '' }).kind).toBeUndefined();
  });

  it('is listed at 송고 with the paragraph, while the headline may use the short form', () => {
    const fields = {
      ...DEFAULT_META,
      headline: '과기정통부, 양자 전략 발표',
      deck: '',
      section: 'IT/과학',
      body: editorStateFromParagraphs(['정부는 10일 양자 전략을 발표했다.', '과기정통부는 1조 원을 투입한다.', '과학기술정보통신부 관계자는']),
    };
    const problems = houseStyleProblems(fields, { ...DEFAULT_HOUSE_STYLE, rules: [MSIT] });
    expect(problems).toEqual([
      { field: 'houseStyle', label: '표기 원칙(본문 2문단)', message: "'과기정통부' → '과학기술정보통신부' (처음 나올 때는 정식 명칭)", severity: 'warning' },
    ]);
  });

  it('ships the ministries in the default list, each with its source, all valid', () => {
    const ministries = DEFAULT_HOUSE_STYLE.rules.filter((r) => r.kind === 'first-mention');
    expect(ministries.map((r) => `${r.wrong}→${r.right}`)).toContain('과기정통부→과학기술정보통신부');
    expect(ministries.length).toBeGreaterThanOrEqual(8);
    for (const r of ministries) {
      expect(HouseStyleRule.safeParse(r).success).toBe(true);
      expect(r.note).toMatch(/정부조직법/);
    }
  });

  it('keeps its type through CSV, and reads a five-column file from before the kind column', () => {
    const csv = houseStyleToCsv([MSIT, { wrong: '메세지', right: '메시지', pattern: false, severity: 'warn', note: '' }]);
    expect(csv).toContain('과기정통부,과학기술정보통신부,plain,warn,,first-mention');
    expect(houseStyleFromCsv(csv)).toEqual([MSIT, { wrong: '메세지', right: '메시지', pattern: false, severity: 'warn', note: '' }]);
    expect(houseStyleFromCsv('wrong,right,pattern,severity,note,kind\n국토부,국토교통부,일반,경고,,첫 언급')).toEqual([first('국토부', '국토교통부')]);
    expect(houseStyleFromCsv('wrong,right,pattern,severity,note\n메세지,메시지,plain,warn,')[0]?.kind).toBeUndefined();
    expect(() => houseStyleFromCsv('wrong,right,pattern,severity,note,kind\n국토부,국토교통부,plain,warn,,sometimes')).toThrow(
      "CSV 2번째 줄: kind 칸은 replace 또는 first-mention이어야 합니다('sometimes').",
    );
  });
});
