import { describe, expect, it } from 'vitest';
import { DEFAULT_META, type ArticleFields } from '../../shared/article';
import { editorStateFromParagraphs, emptyEditorState } from '../../shared/editor-state';
import { editorStateToHtml } from '../../shared/editor-html';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { fillTemplate, articleHtml, articleParts } from '../../shared/article-render';
import { seed, typedBody } from '../fixtures/seed';

/** The seed story as a reporter types it: no agency credit in the lead, 뉴스출처 in the inspector. */
function seedFields(): ArticleFields {
  return {
    ...DEFAULT_META,
    headline: seed.headline,
    deck: seed.deck,
    section: seed.section,
    body: editorStateFromParagraphs(typedBody),
    storyType: 'press_release',
    sourceAttribution: seed.sourceAttribution,
  };
}

/** Text of each HTML element in order, the way the portal page reads. */
function blocksText(html: string): string[] {
  return [...html.matchAll(/<(div class="story-view__section"|h1[^>]*|p[^>]*)>(.*?)<\/(?:div|h1|p)>/g)].map((m) =>
    m[2]!
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  );
}

describe('story parts and HTML, as the portal lays out the seed story', () => {
  it('reproduces seed-article.json exactly: section, headline, deck, credit-led lead, body, attribution', () => {
    const parts = articleParts(seedFields(), DEFAULT_SETTINGS.newsroom);
    expect(parts.leadPrefix).toBe(`(${seed.creditLine})`);
    expect(parts.attributionLine).toBe(seed.attributionLine);
    expect(blocksText(articleHtml(parts))).toEqual([seed.section, seed.headline, seed.deck, ...seed.body, seed.attributionLine]);
  });

  it('applies the credit once, at render, and never to a lead that is not a paragraph', () => {
    const html = editorStateToHtml(editorStateFromParagraphs(['첫 문단', '둘째 문단']), { leadPrefix: '(포탈뉴스통신)' });
    expect(html).toBe('<p>(포탈뉴스통신) 첫 문단</p>\n<p>둘째 문단</p>');
    const state = emptyEditorState();
    state.root.children = [{ type: 'heading', tag: 'h2', children: [{ type: 'text', text: '소제목', format: 0 }] }];
    expect(editorStateToHtml(state, { leadPrefix: '(포탈뉴스통신)' })).toBe('<h2>소제목</h2>');
  });

  it('uses the newsroom templates: another outlet credits "(서울=뉴스1) 홍길동 기자 =" and signs at the end', () => {
    const fields = { ...seedFields(), bylines: [{ name: '홍길동', title: '기자', email: 'hong@example.com' }] };
    const parts = articleParts(fields, {
      agencyCredit: '뉴스1',
      leadTemplate: '(서울={credit}) {bylines} =',
      bylineTemplate: '{name} {title} {email}',
      attributionTemplate: '[뉴스출처 : {source}]',
    });
    expect(parts.leadPrefix).toBe('(서울=뉴스1) 홍길동 기자 =');
    expect(parts.bylineLines).toEqual(['홍길동 기자 hong@example.com']);
  });

  it('leaves out the credit, bylines and attribution when the outlet or the story has none', () => {
    const parts = articleParts(
      { ...seedFields(), sourceAttribution: '' },
      { agencyCredit: '', leadTemplate: '({credit})', bylineTemplate: '', attributionTemplate: '[뉴스출처 : {source}]' },
    );
    expect(parts.leadPrefix).toBe('');
    expect(parts.attributionLine).toBe('');
    expect(parts.bylineLines).toEqual([]);
    expect(articleHtml(parts)).not.toContain('뉴스출처');
  });

  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(fillTemplate('[뉴스출처 : {source}]', { source: '과학기술정보통신부' })).toBe('[뉴스출처 : 과학기술정보통신부]');
    expect(fillTemplate('{name}  {title} {oops}', { name: '홍길동', title: '' })).toBe('홍길동 {oops}');
  });
});

describe('body HTML is safe by construction', () => {
  const withChildren = (children: unknown[]) => {
    const state = emptyEditorState();
    state.root.children = children as never;
    return state;
  };

  it('escapes text, including markup typed or pasted as text', () => {
    const html = editorStateToHtml(editorStateFromParagraphs(['<script>alert(1)</script> & "인용" \'작은따옴표\'']));
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;인용&quot; &#39;작은따옴표&#39;</p>');
  });

  it('keeps http(s) and mailto links and drops javascript:, data: and file: ones (their text stays)', () => {
    const link = (url: string) => ({ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: '링크', format: 0 }] }] });
    expect(editorStateToHtml(withChildren([link('https://www.msit.go.kr/')]))).toBe(
      '<p><a href="https://www.msit.go.kr/" rel="noopener noreferrer">링크</a></p>',
    );
    expect(editorStateToHtml(withChildren([link('mailto:desk@example.com')]))).toContain('href="mailto:desk@example.com"');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'https://x.com/" onmouseover="alert(1)',
    ]) {
      const html = editorStateToHtml(withChildren([link(bad)]));
      expect(html).not.toMatch(/javascript:|data:|file:|onmouseover="/i);
      expect(html).toContain('링크');
    }
  });

  it('renders formats, headings, lists, quotes and rules; unknown nodes keep only their text', () => {
    const html = editorStateToHtml(
      withChildren([
        { type: 'heading', tag: 'h3', children: [{ type: 'text', text: '소제목', format: 0 }] },
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: '굵게', format: 1 },
            { type: 'text', text: '기울임밑줄', format: 2 | 8 },
          ],
        },
        { type: 'list', listType: 'number', children: [{ type: 'listitem', children: [{ type: 'text', text: '하나', format: 0 }] }] },
        { type: 'quote', children: [{ type: 'text', text: '인용', format: 0 }] },
        { type: 'horizontalrule' },
        { type: 'heading', tag: 'script', children: [{ type: 'text', text: '태그 바꿔치기', format: 0 }] },
        { type: 'mystery-widget', onclick: 'alert(1)', children: [{ type: 'text', text: '남는 글', format: 0 }] },
      ]),
    );
    expect(html).toBe(
      [
        '<h3>소제목</h3>',
        '<p><strong>굵게</strong><u><em>기울임밑줄</em></u></p>',
        '<ol><li>하나</li></ol>',
        '<blockquote>인용</blockquote>',
        '<hr>',
        '<h2>태그 바꿔치기</h2>',
        '남는 글',
      ].join('\n'),
    );
  });
});
