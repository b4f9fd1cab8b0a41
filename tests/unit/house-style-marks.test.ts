// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor, type ParagraphNode } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyNodes } from '../../renderer/editor/nodes';
import { $applyFixes, watchHouseStyle, type BodyFinding } from '../../renderer/editor/plugins/house-style-marks';
import { compileHouseStyle } from '../../shared/house-style';
import { $createGalleryNode } from '../../shared/nodes/gallery-node';
import { $createPhotoNode } from '../../shared/nodes/photo-node';

/* The body's 표기 원칙 watcher on a real Lexical editor: what it finds, what it re-checks, and fixes that change only the words. */

const style = compileHouseStyle([
  { wrong: '인공 지능', right: '인공지능', pattern: false, severity: 'warn', note: '' },
  { wrong: '절름발이', right: '지체장애인', pattern: false, severity: 'block', note: '' },
]);

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function editorWith(paragraphs: string[]): Promise<LexicalEditor> {
  const editor = createEditor({
    namespace: 'test',
    nodes: bodyNodes,
    onError: (e) => {
      throw e;
    },
  });
  editor.setRootElement(document.createElement('div'));
  await new Promise<void>((resolve) =>
    editor.update(
      () => {
        for (const text of paragraphs) $getRoot().append($createParagraphNode().append($createTextNode(text)));
      },
      { onUpdate: resolve },
    ),
  );
  return editor;
}

function update(editor: LexicalEditor, change: () => void): Promise<void> {
  return new Promise((resolve) => editor.update(change, { onUpdate: resolve }));
}

describe('house-style marks', () => {
  it('finds every block at first, then re-checks only the paragraph typed in', async () => {
    const editor = await editorWith(['첫 문단에 인공 지능.', '둘째 문단.', '셋째 문단에 절름발이.']);
    const seen: Array<{ findings: BodyFinding[]; checked: number }> = [];
    stop = watchHouseStyle(editor, style, (findings, checked) => seen.push({ findings, checked }));
    expect(seen[0]!.checked).toBe(3);
    expect(seen[0]!.findings.map((f) => [f.text, f.start, f.severity])).toEqual([
      ['인공 지능', 6, 'warn'],
      ['절름발이', 7, 'block'],
    ]);

    await update(editor, () => {
      const second = $getRoot().getChildAtIndex<ParagraphNode>(1)!;
      second.getFirstChildOrThrow<ReturnType<typeof $createTextNode>>().setTextContent('둘째 문단도 인공 지능.');
    });
    const last = seen[seen.length - 1]!;
    expect(last.checked).toBe(1);
    expect(last.findings.map((f) => f.text)).toEqual(['인공 지능', '인공 지능', '절름발이']);

    // A paragraph removed takes its findings with it.
    await update(editor, () => $getRoot().getChildAtIndex(2)!.remove());
    expect(seen[seen.length - 1]!.findings.map((f) => f.text)).toEqual(['인공 지능', '인공 지능']);
  });

  it('fixes in place, keeping the words around and the formatting', async () => {
    const editor = await editorWith(['정부는 인공 지능과 인공 지능 교육에']);
    let latest: BodyFinding[] = [];
    stop = watchHouseStyle(editor, style, (findings) => (latest = findings));
    await update(editor, () => $getRoot().getFirstDescendant<ReturnType<typeof $createTextNode>>()!.toggleFormat('bold'));
    await update(editor, () => $applyFixes(latest));
    const { text, bold } = editor.getEditorState().read(() => {
      const node = $getRoot().getFirstDescendant<ReturnType<typeof $createTextNode>>()!;
      return { text: $getRoot().getTextContent(), bold: node.hasFormat('bold') };
    });
    expect(text).toBe('정부는 인공지능과 인공지능 교육에');
    expect(bold).toBe(true);
    expect(latest).toEqual([]);
  });

  it('reads and fixes photo captions, a lone photo’s and a gallery’s', async () => {
    const editor = await editorWith(['본문.']);
    const photo = (n: string, caption: string) => ({ mediaId: n.repeat(64), caption, credit: '사진=기자', alt: '' });
    await update(editor, () => {
      $getRoot().append($createPhotoNode(photo('a', '인공 지능 로봇 시연')));
      $getRoot().append($createGalleryNode([photo('b', '첫 사진'), photo('c', '절름발이 흉내, 인공 지능')]));
    });
    let latest: BodyFinding[] = [];
    stop = watchHouseStyle(editor, style, (findings) => (latest = findings));
    expect(latest.map((f) => [f.text, f.caption])).toEqual([
      ['인공 지능', { item: null, position: 0 }],
      ['절름발이', { item: 1, position: 2 }],
      ['인공 지능', { item: 1, position: 2 }],
    ]);
    await update(editor, () => $applyFixes(latest));
    const captions = editor.getEditorState().read(() => JSON.stringify(editor.getEditorState().toJSON()));
    expect(captions).toContain('인공지능 로봇 시연');
    expect(captions).toContain('지체장애인 흉내, 인공지능');
    expect(latest).toEqual([]);
  });
});
