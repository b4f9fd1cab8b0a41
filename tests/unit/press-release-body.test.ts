import { describe, expect, it } from 'vitest';
import { blockHtml, buildEditorState } from '../../electron/import/body';
import { SANITIZE_CONFIG } from '../../shared/sanitize-config';

const MEDIA_ID = 'ab'.repeat(32);

describe('the imported body goes through the paste sanitiser', () => {
  it('uses the one shared configuration (the same object paste uses)', async () => {
    const paste = await import('../../renderer/editor/paste/sanitize');
    expect(paste.SAFE_URL).toBe(SANITIZE_CONFIG.ALLOWED_URI_REGEXP);
  });

  it('drops scripts, handlers, images, iframes and unsafe links, keeping text, marks and safe links', () => {
    const state = buildEditorState([
      {
        html:
          '<p onclick="x()">본문 <strong>굵게</strong> <a href="javascript:alert(1)">나쁜 링크</a> <a href="https://www.korea.kr/">정책브리핑</a></p>' +
          '<script>alert(1)</script><img src=x onerror="alert(1)"><iframe src="https://evil.example/"></iframe><h1>소제목</h1><ul><li>하나</li><li>둘</li></ul>',
      },
      { photo: { mediaId: MEDIA_ID, caption: '<b>설명</b>', credit: '과기정통부', alt: '' } },
    ]);
    const json = JSON.stringify(state);
    expect(json).not.toMatch(/alert|onclick|onerror|evil\.example|javascript:/);
    const [p, h, list, photo] = state.root.children;
    expect(p!.type).toBe('paragraph');
    expect(p!.children!.map((c) => [c.type, c.text ?? (c.children ?? []).map((x) => x.text).join(''), c.type === 'link' ? c.url : c.format])).toEqual([
      ['text', '본문 ', 0],
      ['text', '굵게', 1],
      ['text', ' ', 0],
      ['text', '나쁜 링크', 0],
      ['text', ' ', 0],
      ['link', '정책브리핑', 'https://www.korea.kr/'],
    ]);
    expect(h).toMatchObject({ type: 'heading', tag: 'h2' });
    expect(list).toMatchObject({ type: 'list', listType: 'bullet', tag: 'ul' });
    expect(list!.children!.map((li) => li.children![0]!.text)).toEqual(['하나', '둘']);
    // A caption is a plain string on the photo node: never parsed as HTML.
    expect(photo).toEqual({ type: 'photo', version: 1, mediaId: MEDIA_ID, caption: '<b>설명</b>', credit: '과기정통부', alt: '' });
  });

  it('writes a table as one paragraph per row, the header row in bold, with text escaped', () => {
    expect(
      blockHtml({
        kind: 'table',
        rows: [
          ['구분', '<값>'],
          ['투자', '3,000'],
        ],
      }),
    ).toBe('<p><strong>구분 | &lt;값&gt;</strong></p><p>투자 | 3,000</p>');
  });

  it('gives an empty body one empty paragraph, as a new story has', () => {
    expect(buildEditorState([]).root.children).toEqual([expect.objectContaining({ type: 'paragraph', children: [] })]);
  });
});
