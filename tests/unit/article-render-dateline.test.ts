import { describe, expect, it } from 'vitest';
import { ArticleFields, DEFAULT_META } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { articleHtml, articleParts } from '../../shared/article-render';

/** 발신지 in the lead, as 연합뉴스 and 뉴시스 open theirs: "(서울=연합뉴스) 홍길동 기자 =". */

const WIRE = { ...DEFAULT_SETTINGS.newsroom, agencyCredit: '포탈뉴스통신', leadTemplate: '({dateline}={credit}) {bylines} =' };

function fields(dateline: string): ArticleFields {
  return {
    ...DEFAULT_META,
    headline: '정부, 반도체 지원 확대',
    deck: '',
    section: '경제',
    body: editorStateFromParagraphs(['정부가 반도체 지원을 늘린다.', '둘째 문단.']),
    bylines: [{ name: '김기자', title: '기자', email: '' }],
    dateline,
  };
}

const lead = (dateline: string, newsroom = WIRE) => articleParts(fields(dateline), newsroom).leadPrefix;

describe('the lead with a 발신지', () => {
  it('opens "(서울=포탈뉴스통신) 김기자 기자 =" and the first paragraph with it', () => {
    expect(lead('서울')).toBe('(서울=포탈뉴스통신) 김기자 기자 =');
    expect(articleParts(fields('세종'), WIRE).bodyHtml).toBe('<p>(세종=포탈뉴스통신) 김기자 기자 = 정부가 반도체 지원을 늘린다.</p>\n<p>둘째 문단.</p>');
  });

  it('without one reads "(포탈뉴스통신) 김기자 기자 =", never "(=포탈뉴스통신)"', () => {
    expect(lead('')).toBe('(포탈뉴스통신) 김기자 기자 =');
    expect(lead('   ')).toBe('(포탈뉴스통신) 김기자 기자 =');
    expect(lead('', { ...WIRE, leadTemplate: '({dateline} = {credit})' })).toBe('(포탈뉴스통신)');
    expect(lead('', { ...WIRE, leadTemplate: '({credit}={dateline})' })).toBe('(포탈뉴스통신)');
  });

  it('changes nothing for a template without {dateline}, and nothing at all without a credit', () => {
    expect(lead('부산', { ...DEFAULT_SETTINGS.newsroom, leadTemplate: '({credit})' })).toBe('(포탈뉴스통신)');
    // A new newsroom's own template takes the dateline.
    expect(lead('부산', DEFAULT_SETTINGS.newsroom)).toBe('(부산=포탈뉴스통신)');
    expect(lead('', DEFAULT_SETTINGS.newsroom)).toBe('(포탈뉴스통신)');
    expect(lead('부산', { ...WIRE, agencyCredit: '' })).toBe('');
  });

  it('fills the dateline as typed text: no placeholder or replacement pattern inside it is expanded', () => {
    expect(lead('{credit}')).toBe('({credit}=포탈뉴스통신) 김기자 기자 =');
    expect(lead("$&$'$1")).toBe("($&$'$1=포탈뉴스통신) 김기자 기자 =");
  });

  it('escapes a dateline carrying markup in the page and the body', () => {
    const parts = articleParts(fields('<img src=x>'), WIRE);
    const html = articleHtml(parts);
    expect(html).toContain('(&lt;img src=x&gt;=포탈뉴스통신)');
    expect(html).not.toContain('<img');
  });

  it('is trimmed and refused past 20 characters, in Korean', () => {
    expect(ArticleFields.parse(fields('  서울 ')).dateline).toBe('서울');
    const tooLong = ArticleFields.safeParse(fields('가'.repeat(21)));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toBe('발신지는 20자까지 쓸 수 있습니다 (예: 서울).');
  });

  it('reads as none in fields saved before it existed (outbox entries, draft journals)', () => {
    const { dateline: _gone, ...older } = fields('서울');
    expect(ArticleFields.parse(older).dateline).toBe('');
  });
});
