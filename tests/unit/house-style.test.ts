import { describe, expect, it } from 'vitest';
import { compileHouseStyle, findHouseStyle, fixAll, MAX_FINDINGS_PER_RULE } from '../../shared/house-style';
import { patternProblem } from '../../shared/house-style-pattern';
import { DEFAULT_HOUSE_STYLE, HouseStyleRule, HouseStyleSettings } from '../../shared/settings-house-style';

const rule = (r: Partial<HouseStyleRule> & Pick<HouseStyleRule, 'wrong'>): HouseStyleRule => ({ right: '', pattern: false, severity: 'warn', note: '', ...r });

describe('표기 원칙 matcher', () => {
  it('finds plain text with UTF-16 offsets in Korean text', () => {
    const style = compileHouseStyle([rule({ wrong: '인공 지능', right: '인공지능' })]);
    const text = '정부는 인공 지능 산업에, 또 인공 지능 교육에 투자한다.';
    const found = findHouseStyle(text, style);
    expect(found.map((f) => [f.start, f.end, f.text, f.fix])).toEqual([
      [4, 9, '인공 지능', '인공지능'],
      [17, 22, '인공 지능', '인공지능'],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe('인공 지능');
    expect(fixAll(text, found)).toBe('정부는 인공지능 산업에, 또 인공지능 교육에 투자한다.');
  });

  it('counts offsets past characters outside the BMP (an emoji is two code units)', () => {
    const style = compileHouseStyle([rule({ wrong: '메세지', right: '메시지' })]);
    const text = '😀 메세지';
    expect(findHouseStyle(text, style)[0]).toMatchObject({ start: 3, end: 6 });
  });

  it('fills a pattern rule’s groups into the fix', () => {
    const style = compileHouseStyle([
      rule({ wrong: '(첫|두|세|네)번째', right: '$1 번째', pattern: true }),
      rule({ wrong: '(\\d) ?퍼센트', right: '$1%', pattern: true }),
    ]);
    const text = '두번째 분기 성장률은 3 퍼센트, 세번째는 5퍼센트였다.';
    const found = findHouseStyle(text, style);
    expect(found.map((f) => `${f.text}→${f.fix}`)).toEqual(['두번째→두 번째', '3 퍼센트→3%', '세번째→세 번째', '5퍼센트→5%']);
    expect(fixAll(text, found)).toBe('두 번째 분기 성장률은 3%, 세 번째는 5%였다.');
  });

  it('keeps one suggestion where rules overlap, and leaves text without a fix as it is', () => {
    const style = compileHouseStyle([
      rule({ wrong: '비젼', right: '비전' }),
      rule({ wrong: '텔레비젼', right: '텔레비전' }),
      rule({ wrong: '몹쓸', right: '' }),
    ]);
    const found = findHouseStyle('텔레비젼에서 몹쓸 말', style);
    expect(found.map((f) => f.text)).toEqual(['텔레비젼', '몹쓸']);
    expect(fixAll('텔레비젼에서 몹쓸 말', found)).toBe('텔레비전에서 몹쓸 말');
  });

  it('caps the findings of one rule', () => {
    const style = compileHouseStyle([rule({ wrong: '가', right: '나' })]);
    expect(findHouseStyle('가'.repeat(5000), style)).toHaveLength(MAX_FINDINGS_PER_RULE);
  });

  it('refuses catastrophic patterns in Korean, and never runs one that reaches it anyway', () => {
    for (const hostile of ['(a+)+$', '(a*)*b', '(a|aa)+$', '(.*a){2}', '([가-힣]+\\s?)+$', '(a|b)*c']) {
      expect(patternProblem(hostile), hostile).toMatch(/반복/);
      expect(HouseStyleRule.safeParse(rule({ wrong: hostile, pattern: true })).success).toBe(false);
    }
    expect(patternProblem('a*a*b')).toMatch(/한 번만/);
    expect(patternProblem('a{1,50}')).toMatch(/5번까지/);
    expect(patternProblem('(a)\\1')).toMatch(/역참조/);
    expect(patternProblem('x'.repeat(101))).toMatch(/100자/);
    expect(patternProblem('[가-')).toMatch(/정규식/);
    // A rule list from elsewhere (an older build, a hand-edited file) is compiled without the bad pattern.
    const style = compileHouseStyle([rule({ wrong: '(a+)+$', pattern: true }), rule({ wrong: 'b', right: 'c' })]);
    expect(style.rules.map((r) => r.index)).toEqual([1]);
    // What the guard lets through stays quick on the input that breaks (a+)+$; the test's own timeout is the limit.
    const allowed = compileHouseStyle([rule({ wrong: 'a+$', pattern: true }), rule({ wrong: '(a|b)?a{0,5}c', pattern: true })]);
    expect(findHouseStyle('a'.repeat(10_000) + '!', allowed)).toHaveLength(0);
  });

  it('ships at least 50 default rules, every one valid, none that its own fix would trip again', () => {
    expect(DEFAULT_HOUSE_STYLE.rules.length).toBeGreaterThanOrEqual(50);
    expect(HouseStyleSettings.safeParse(DEFAULT_HOUSE_STYLE).success).toBe(true);
    const style = compileHouseStyle(DEFAULT_HOUSE_STYLE.rules);
    // First-mention rules read the body as a whole (house-style-first-mention.ts), so they are not compiled here.
    expect(style.rules).toHaveLength(DEFAULT_HOUSE_STYLE.rules.filter((r) => r.kind !== 'first-mention').length);
    for (const r of DEFAULT_HOUSE_STYLE.rules) {
      if (r.pattern || r.right === '') continue;
      expect(findHouseStyle(r.right, style), `${r.wrong} → ${r.right}`).toEqual([]);
    }
    expect(new Set(DEFAULT_HOUSE_STYLE.rules.map((r) => r.wrong)).size).toBe(DEFAULT_HOUSE_STYLE.rules.length);
  });
});
