// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeClipboardHtml } from '../../renderer/editor/paste';
import { expectOnlyBodyMarkup, itemTexts, pasteFixture, texts } from './support/clipboard';

describe('pasting from Google Docs', () => {
  const root = pasteFixture('google-docs');

  it('keeps only the body markup', () => {
    expectOnlyBodyMarkup(root);
  });

  it('unwraps the docs-internal-guid <b> instead of making everything bold', () => {
    expect(root.innerHTML).not.toContain('docs-internal-guid');
    expect(root.querySelector(':scope > b')).toBeNull();
    expect(texts(root, 'b, strong')).toEqual(['(포탈뉴스통신)', '인공 지능·양자 기술']);
  });

  it('turns styled spans into strong, em, u and s', () => {
    expect(texts(root, 'em')).toEqual(['브룩헤이븐 국립연구소']);
    expect(texts(root, 'u')).toEqual(['기초 대형인프라']);
    expect(texts(root, 's')).toEqual(['초안 문장']);
  });

  it('keeps the heading, the paragraphs and the blank-line <br>s out', () => {
    expect(Array.from(root.children, (el) => el.nodeName)).toEqual(['H2', 'P', 'P', 'UL', 'OL', 'P']);
    expect(texts(root, 'h2')).toEqual(['브룩헤이븐 국립연구소 방문']);
    expect(root.querySelector(':scope > br')).toBeNull();
  });

  it('nests the sub-list Docs writes straight into its parent list', () => {
    expect(itemTexts(root.querySelector(':scope > ul')!)).toEqual(['전자-이온 충돌기 사업(EIC 프로젝트)', '인공 지능·양자 기술 활용 연구혁신']);
    expect(texts(root, ':scope > ul > li > ul > li')).toEqual(['핵물리와 소재과학 분야 대형 연구시설']);
    expect(texts(root, ':scope > ol > li')).toEqual(['이행약정(IA) 체결 논의', '정부 간 협력의향서(SOI) 체결 논의']);
    expect(root.querySelector('li p')).toBeNull();
  });

  it('keeps the link without turning its underline into a format', () => {
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://www.msit.go.kr/bbs/view.do?sCode=user&mId=307&mPid=208');
    expect(link.textContent).toBe('과학기술정보통신부 보도자료');
    expect(link.querySelector('u')).toBeNull();
  });

  it('leaves an ordinary <b> bold', () => {
    const root = document.createElement('div');
    root.append(sanitizeClipboardHtml('<p>보통 <b>굵게</b> 글</p>', document));
    expect(root.innerHTML).toBe('<p>보통 <b>굵게</b> 글</p>');
  });
});
