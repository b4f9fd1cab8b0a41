import { describe, expect, it } from 'vitest';
import { closingLinesOf, leadPrefixOf } from '../../shared/article-render';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { typedCredit } from '../../shared/typed-credit';

const AGENCY = '포탈뉴스통신';
const LEAD = '(포탈뉴스통신)';

describe('a credit typed by hand at the start of the body', () => {
  it('is found in the brackets reporters use, with or without a 발신지, with the spaces after it', () => {
    expect(typedCredit('(포탈뉴스통신) 과기정통부는 5일…', AGENCY, LEAD)).toBe('(포탈뉴스통신) ');
    expect(typedCredit('[포탈뉴스통신] 과기정통부는', AGENCY, LEAD)).toBe('[포탈뉴스통신] ');
    expect(typedCredit('【포탈뉴스통신】과기정통부는', AGENCY, LEAD)).toBe('【포탈뉴스통신】');
    expect(typedCredit('  ( 포탈뉴스통신 )  과기정통부는', AGENCY, LEAD)).toBe('  ( 포탈뉴스통신 )  ');
    expect(typedCredit('(서울=포탈뉴스통신) 과기정통부는', AGENCY, LEAD)).toBe('(서울=포탈뉴스통신) ');
    expect(typedCredit('(포탈뉴스통신)', AGENCY, LEAD)).toBe('(포탈뉴스통신)');
  });

  it('is found as the exact lead the newsroom’s template gives, even in a form the brackets rule would not take', () => {
    expect(typedCredit('(세종=포탈뉴스통신) 김기자 = 정부는', AGENCY, '(세종=포탈뉴스통신) 김기자 =')).toBe('(세종=포탈뉴스통신) 김기자 = ');
    expect(typedCredit('<뉴스통신> 정부는', '뉴스통신', '<뉴스통신>')).toBe('<뉴스통신> ');
  });

  it('is not found where the credit is not at the start or is the reporter’s own words', () => {
    expect(typedCredit('과기정통부는 (포탈뉴스통신) 취재에', AGENCY, LEAD)).toBeNull();
    expect(typedCredit('(포탈뉴스통신 제공) 사진은', AGENCY, LEAD)).toBeNull();
    expect(typedCredit('(포탈뉴스통신과 함께) 행사는', AGENCY, LEAD)).toBeNull();
    expect(typedCredit('(연합뉴스) 정부는', AGENCY, LEAD)).toBeNull();
    expect(typedCredit('포탈뉴스통신은 5일', AGENCY, LEAD)).toBeNull();
    expect(typedCredit('', AGENCY, LEAD)).toBeNull();
  });

  it('is never found for an outlet with no credit, and a name with regex characters is matched literally', () => {
    expect(typedCredit('(포탈뉴스통신) 정부는', '', '')).toBeNull();
    expect(typedCredit('(A+B뉴스) 정부는', 'A+B뉴스', '')).toBe('(A+B뉴스) ');
    expect(typedCredit('(AAB뉴스) 정부는', 'A+B뉴스', '')).toBeNull();
  });
});

describe('the lead and closing lines the editor shows are the outputs’ own', () => {
  const newsroom = { ...DEFAULT_SETTINGS.newsroom, bylineTemplate: '{name} {title} {email}' };
  it('opens with the credit, with the 발신지 where there is one', () => {
    expect(leadPrefixOf({ dateline: '', bylines: [] }, newsroom)).toBe('(포탈뉴스통신)');
    expect(leadPrefixOf({ dateline: '세종', bylines: [] }, newsroom)).toBe('(세종=포탈뉴스통신)');
    expect(leadPrefixOf({ dateline: '세종', bylines: [] }, { ...newsroom, agencyCredit: '' })).toBe('');
  });
  it('closes with a line per reporter and the 뉴스출처 line', () => {
    const closing = closingLinesOf(
      { bylines: [{ name: '김기자', title: '기자', email: 'kim@example.com' }], sourceAttribution: '과학기술정보통신부' },
      newsroom,
    );
    expect(closing).toEqual({ bylineLines: ['김기자 기자 kim@example.com'], attributionLine: '[뉴스출처 : 과학기술정보통신부]' });
    expect(closingLinesOf({ bylines: [], sourceAttribution: ' ' }, DEFAULT_SETTINGS.newsroom)).toEqual({ bylineLines: [], attributionLine: '' });
  });
});
