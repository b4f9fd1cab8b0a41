// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { expectOnlyBodyMarkup, pasteFixture, texts } from './support/clipboard';

describe('pasting from a web page', () => {
  const root = pasteFixture('web-page');

  it('keeps only the body markup', () => {
    expectOnlyBodyMarkup(root);
  });

  it('keeps headings, bringing h1 down to the body’s h2', () => {
    expect(texts(root, 'h2')).toEqual(['과기정통부 배경훈 장관, 한미 양자기술-대형과학 기반시설(인프라) 협력 가속화 추진', '주요 협력 내용']);
    expect(texts(root, 'h3')).toEqual(['미국 에너지부 산하 브룩헤이븐 국립연구소 방문']);
  });

  it('makes each div, caption and table cell its own paragraph', () => {
    const paragraphs = texts(root, ':scope > p');
    expect(paragraphs).toContain('9월 23일(현지시간), 배경훈 장관은 뉴욕 IBM 왓슨 연구소를 방문해 협력 양해각서(MOU)를 체결했다.');
    expect(paragraphs).toContain('이번 양해각서(MOU)에는 한국연구재단, 국가과학기술연구회, 4대 과기원이 공동 참여했다.');
    expect(paragraphs).toContain('배경훈 장관이 브룩헤이븐 국립연구소를 시찰하고 있다. (사진=과학기술정보통신부)');
    expect(paragraphs).toEqual(expect.arrayContaining(['기관', '협력 분야', 'IBM', '양자컴퓨터']));
    expect(paragraphs[paragraphs.length - 1]).toBe('[뉴스출처 : 과학기술정보통신부]');
  });

  it('keeps bold and italic whether written as tags or as computed style', () => {
    expect(texts(root, 'strong')).toEqual(['IT/과학', '(포탈뉴스통신)', '한국연구재단']);
    expect(texts(root, 'em')).toEqual(['국가과학기술연구회']);
  });

  it('keeps the list and the quote', () => {
    expect(texts(root, 'ul > li')).toEqual(['양자 기반시설(양자인프라) 구축 및 서비스 제공', '연구개발 및 산업 활용', '전문인력 양성 및 역량 강화']);
    expect(texts(root, 'blockquote')).toEqual(['“2025년은 양자과학기술 100주년으로 국제연합(UN) 총회에서 선포한 ‘양자과학의 해’이다.”']);
    expect(root.querySelector('blockquote p')).toBeNull();
  });

  it('keeps absolute web and mail links, drops relative ones and tracking attributes', () => {
    expect(Array.from(root.querySelectorAll('a'), (a) => a.outerHTML)).toEqual([
      '<a href="https://www.ibm.com/quantum">IBM 왓슨 연구소</a>',
      '<a href="mailto:press@example.com">press@example.com</a>',
    ]);
    expect(root.textContent).toContain('IT/과학 기사 더보기');
  });

  it('drops the photo (photos come in through the photo importer)', () => {
    expect(root.querySelector('img, figure')).toBeNull();
  });
});
