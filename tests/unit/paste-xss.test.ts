// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeClipboardHtml } from '../../renderer/editor/paste';
import { expectOnlyBodyMarkup, pasteFixture, texts } from './support/clipboard';

const sanitise = (html: string): string => {
  const root = document.createElement('div');
  root.append(sanitizeClipboardHtml(html, document));
  return root.innerHTML;
};

describe('pasting hostile HTML', () => {
  const root = pasteFixture('xss');

  it('keeps only the body markup', () => {
    expectOnlyBodyMarkup(root);
  });

  it('leaves no script, frame, svg, math, form, style, meta or media element', () => {
    expect(
      root.querySelector(
        'script, iframe, svg, math, form, input, button, textarea, select, style, meta, link, base, img, object, embed, video, audio, template, noscript',
      ),
    ).toBeNull();
    expect(root.innerHTML).not.toMatch(/<script|on\w+=|javascript:|vbscript:|data:|file:|expression\(|__xss|alert\(/i);
  });

  it('keeps the text of links with unsafe URLs, without the link', () => {
    expect(texts(root, 'p')).toContain('자바스크립트 링크 · 대소문자 섞은 링크 · 탭 낀 링크 · 엔티티 링크 · 앞 공백 링크');
    expect(Array.from(root.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual(['https://www.msit.go.kr/']);
  });

  it('drops the text of controls and fallbacks, keeps the story around them', () => {
    expect(root.textContent).not.toMatch(/보내기|본문 아님|선택|대체 글|SVG 링크|수식/);
    expect(texts(root, 'h2')).toEqual(['마지막 제목']);
    expect(texts(root, 'em')).toEqual(['그대로']);
    expect(texts(root, 'b')).toEqual(['배경훈 장관']);
  });

  it('allows only http:, https: and mailto: links', () => {
    expect(sanitise('<p><a href="https://example.com/a">a</a></p>')).toBe('<p><a href="https://example.com/a">a</a></p>');
    expect(sanitise('<p><a href="mailto:desk@example.com">m</a></p>')).toBe('<p><a href="mailto:desk@example.com">m</a></p>');
    for (const href of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'app://byline/x',
      'tel:010',
      '/relative',
      '#top',
    ]) {
      expect(sanitise(`<p><a href="${href}">x</a></p>`), href).toBe('<p>x</p>');
    }
  });

  it('does not let a style-less <b> wrapper or styled text sneak attributes through', () => {
    expect(sanitise('<p style="color:red" class="x" id="y" dir="rtl" data-a="1" aria-label="z" title="t">본문</p>')).toBe('<p>본문</p>');
  });
});
