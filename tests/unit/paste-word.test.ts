// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeClipboardHtml } from '../../renderer/editor/paste';
import { expectOnlyBodyMarkup, itemTexts, pasteFixture, squash, texts } from './support/clipboard';

describe('pasting from Word', () => {
  const root = pasteFixture('word');

  it('keeps only the body markup', () => {
    expectOnlyBodyMarkup(root);
  });

  it('turns mso-list paragraphs into a bullet list with its second level nested', () => {
    const bullets = root.querySelector(':scope > ul')!;
    expect(bullets).not.toBeNull();
    expect(itemTexts(bullets)).toEqual(['양자 기반시설(양자인프라) 구축 및 서비스 제공', '연구개발 및 산업 활용', '전문인력 양성 및 역량 강화']);
    expect(texts(bullets, ':scope > li:first-child > ul > li')).toEqual(['양자컴퓨터 기반 시설(인프라) 구축']);
    expect(texts(bullets, 'li > b')).toEqual(['연구개발 및 산업 활용']);
  });

  it('turns numbered mso-list paragraphs into an ordered list', () => {
    expect(texts(root, ':scope > ol > li')).toEqual(['뉴욕 IBM 왓슨 연구소 방문 및 양해각서(MOU) 체결', '브룩헤이븐 국립연구소 시찰']);
    expect(texts(root, 'ol u')).toEqual(['양해각서']);
  });

  it('drops the typed bullets and numbers along with the conditional comments', () => {
    for (const li of Array.from(root.querySelectorAll('li'))) {
      expect(li.textContent).not.toMatch(/^\s*([§·o]|\d+\.)/);
    }
    expect(root.textContent).not.toContain('§');
  });

  it('keeps headings, paragraphs, formats and the web link; drops bookmarks and footnote anchors', () => {
    expect(Array.from(root.children, (el) => el.nodeName)).toEqual(['H2', 'P', 'P', 'UL', 'P', 'OL', 'P']);
    expect(texts(root, 'h2')).toEqual(['과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진']);
    expect(texts(root, 'p > b')).toEqual(['(포탈뉴스통신)']);
    expect(texts(root, 'p > i')).toEqual(['현지시간 9월 22일부터 23일까지']);
    expect(texts(root, 's')).toEqual(['삭제된 문장']);
    expect(Array.from(root.querySelectorAll('a'), (a) => [a.getAttribute('href'), squash(a.textContent ?? '')])).toEqual([
      ['https://www.msit.go.kr/', '과학기술정보통신부 누리집'],
    ]);
  });

  it('leaves nothing of Office markup', () => {
    expect(root.innerHTML).not.toMatch(/mso-|Mso|o:p|supportLists|StartFragment/i);
  });

  it('reads lists that come without the conditional comments (Word for Mac)', () => {
    const html =
      `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>가.<span>&nbsp; </span></span>첫째</p>` +
      `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>나.<span>&nbsp; </span></span>둘째</p>`;
    const root = document.createElement('div');
    root.append(sanitizeClipboardHtml(html, document));
    expect(root.innerHTML).toBe('<ol><li>첫째</li><li>둘째</li></ol>');
  });
});
