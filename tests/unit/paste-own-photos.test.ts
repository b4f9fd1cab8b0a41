// @vitest-environment jsdom
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { sanitizeClipboardHtml } from '../../renderer/editor/paste';
import { bodyNodes } from '../../renderer/editor/nodes';
import { $createPhotoNode } from '../../shared/nodes/photo-node';
import type { PhotoRef } from '../../shared/media';

const REF: PhotoRef = {
  mediaId: 'a'.repeat(64),
  caption: '배경훈 장관이 브룩헤이븐 국립연구소를 둘러보고 있다 <뉴욕>',
  credit: '과학기술정보통신부 제공',
  alt: '연구시설 앞에 선 장관 일행',
};

const newEditor = (): LexicalEditor =>
  createEditor({
    namespace: 'byline-body',
    nodes: bodyNodes,
    onError: (e) => {
      throw e;
    },
  });

/** What copying the whole body puts on the clipboard as text/html: Lexical's HTML export of the nodes. */
function copiedHtml(build: () => void): string {
  const editor = newEditor();
  editor.update(build, { discrete: true });
  return editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null));
}

function paste(html: string): Array<Record<string, unknown>> {
  const editor = newEditor();
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      $getRoot().clear().append(paragraph);
      $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, sanitizeClipboardHtml(html, document)), paragraph.select());
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON().root.children as unknown as Array<Record<string, unknown>>;
}

describe('photo blocks copied within Byline', () => {
  it('paste back as photo blocks with their caption, credit and alt text, between the paragraphs they stood between', () => {
    const html = copiedHtml(() => {
      const before = $createParagraphNode().append($createTextNode('첫 문단'));
      const after = $createParagraphNode().append($createTextNode('둘째 문단'));
      $getRoot().clear().append(before, $createPhotoNode(REF), after);
    });
    const nodes = paste(html);
    expect(nodes.map((n) => n.type)).toEqual(['paragraph', 'photo', 'paragraph']);
    expect(nodes[1]).toMatchObject(REF);
  });

  it('keep nothing of a hostile figure but checked text, and refuse an id that is not a library id', () => {
    const hostile = [
      `<figure data-media-id="${'b'.repeat(64)}" onclick="alert(1)"><img src="x" onerror="alert(2)" alt="<img src=x onerror=alert(3)>"><figcaption><span class="story-photo__caption"><script>alert(4)</script>사진 설명</span><span class="story-photo__credit"><b>제공</b></span></figcaption></figure>`,
      '<figure data-media-id="../../etc/passwd"><figcaption><span class="story-photo__caption">경로 사진</span></figcaption></figure>',
      '<p>\u2063byline-photo-0-0\u2063</p>',
    ].join('');
    const fragment = sanitizeClipboardHtml(hostile, document);
    expect(fragment.querySelectorAll('[onclick], [onerror], script, [src]')).toHaveLength(0);
    const nodes = paste(hostile);
    expect(nodes[0]).toMatchObject({ type: 'photo', mediaId: 'b'.repeat(64), caption: '사진 설명', credit: '제공', alt: '<img src=x onerror=alert(3)>' });
    // The figure with a path for an id is not a photo: its caption stays as text, as any web figure's would.
    expect(nodes.slice(1).map((n) => n.type)).toEqual(['paragraph', 'paragraph']);
    expect(JSON.stringify(nodes.slice(1))).toContain('경로 사진');
  });
});
