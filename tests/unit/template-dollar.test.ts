import { describe, expect, it } from 'vitest';
import { DEFAULT_META, type ArticleFields } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { escapeHtml } from '../../shared/html-escape';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { articleParts } from '../../shared/article-render';
import { bundlePage } from '../../electron/publish/html-bundle';
import { ninjs2, ninjs3 } from '../../electron/publish/ninjs';
import { outgoingArticle, htmlText } from '../../electron/publish/outgoing-article';

/*
 * String.prototype.replace reads `$&`, `$'`, `` $` ``, `$1` and `$$` in a replacement string as patterns.
 * A credit, a byline or a 정정 사유 is the newsroom's own text and must come out exactly as typed in
 * every output, whatever dollar signs it holds.
 */

const CREDIT = "$& 포탈뉴스$'통신$`";
const NAME = '김$1기자';
const TITLE = '$$ 선임$0기자';
const REASON = "제목의 $& 표기와 $' 인용, $$ 금액을 바로잡았습니다";
const newsroom = { ...DEFAULT_SETTINGS.newsroom, agencyCredit: CREDIT, leadTemplate: '({credit})', bylineTemplate: '{name} {title}' };
const LEAD = `(${CREDIT})`;
const BYLINE = `${NAME} ${TITLE}`;

function fields(): ArticleFields {
  return {
    ...DEFAULT_META,
    headline: '달러 기호가 든 크레디트',
    deck: '',
    section: '경제',
    body: editorStateFromParagraphs(['첫 문단은 리드입니다.', '둘째 문단.']),
    storyType: 'straight',
    bylines: [{ name: NAME, title: TITLE, email: '' }],
  };
}

function story() {
  return outgoingArticle({
    articleId: '0f1e2d3c-4b5a-4968-8776-655443322110',
    version: 3,
    createdAt: '2026-03-05T01:00:00.000Z',
    versionCreatedAt: '2026-03-05T01:20:00.000Z',
    fields: fields(),
    newsroom,
    photoSrc: () => '',
    media: new Map(),
    corrections: [{ at: '2026-03-05T01:20:00.000Z', reason: REASON }],
  });
}

describe('user text with $ patterns survives every template exactly', () => {
  it('the lead opens with the credit as typed, and the byline line is as typed', () => {
    const parts = articleParts(fields(), newsroom);
    expect(parts.leadPrefix).toBe(LEAD);
    expect(parts.bodyHtml.split('\n')[0]).toBe(`<p>${escapeHtml(LEAD)} 첫 문단은 리드입니다.</p>`);
    expect(parts.bylineLines).toEqual([BYLINE]);
  });

  it('WordPress/Ghost content, the page HTML and the text carry the lead, byline and 정정 사유 exactly', () => {
    const s = story();
    const lines = htmlText(String(s.contentHtml)).split('\n');
    expect(lines[0]).toBe(`${LEAD} 첫 문단은 리드입니다.`);
    expect(lines).toContain(BYLINE);
    expect(lines.at(-1)).toBe(`[정정] 2026년 3월 5일 10:20 — ${REASON}`);
    expect(s.contentText.split('\n')).toEqual(lines);
    const page = htmlText(String(s.pageHtml)).split('\n');
    expect(page).toContain(`${LEAD} 첫 문단은 리드입니다.`);
    expect(page).toContain(BYLINE);
    expect(page.at(-1)).toBe(`[정정] 2026년 3월 5일 10:20 — ${REASON}`);
  });

  it('the HTML bundle page carries them exactly', () => {
    const page = htmlText(bundlePage(story(), { agencyCredit: CREDIT }).replace(/<(style|title)>[\s\S]*?<\/\1>/g, '')).split('\n');
    expect(page).toContain(`${LEAD} 첫 문단은 리드입니다.`);
    expect(page).toContain(BYLINE);
    expect(page).toContain(`[정정] 2026년 3월 5일 10:20 — ${REASON}`);
  });

  it.each([
    ['3.1', ninjs3],
    ['2.2', ninjs2],
  ] as const)('ninjs %s bodies carry them exactly', (_v, make) => {
    const doc = make(story(), () => '', { copyrightHolder: CREDIT }) as { bodies: Array<{ value: string }> };
    expect(doc.bodies).toHaveLength(2);
    for (const { value: text } of doc.bodies) {
      const lines = htmlText(text).split('\n');
      expect(lines[0]).toBe(`${LEAD} 첫 문단은 리드입니다.`);
      expect(lines).toContain(BYLINE);
      expect(lines.at(-1)).toBe(`[정정] 2026년 3월 5일 10:20 — ${REASON}`);
    }
  });
});
