// @vitest-environment jsdom
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { $createParagraphNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { sanitizeClipboardHtml } from '../../renderer/editor/paste';
import { bodyNodes } from '../../renderer/editor/nodes';
import { readFixture, type ClipboardFixture } from './support/clipboard';

interface Shape {
  type: string;
  tag?: string;
  listType?: string;
  url?: string;
  format?: number;
  text?: string;
  children?: Shape[];
}

const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const UNDERLINE = 8;

/** Pastes the fixture into an empty headless editor the way PastePlugin does, and returns the root's JSON. */
function pasteIntoEditor(name: ClipboardFixture): Shape[] {
  const editor: LexicalEditor = createEditor({
    namespace: 'byline-body',
    nodes: bodyNodes,
    onError: (e) => {
      throw e;
    },
  });
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      $getRoot().clear().append(paragraph);
      const selection = paragraph.select();
      $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, sanitizeClipboardHtml(readFixture(name), document)), selection);
    },
    { discrete: true },
  );
  return (editor.getEditorState().toJSON().root as unknown as Shape).children ?? [];
}

const kinds = (nodes: Shape[]) => nodes.map((n) => (n.type === 'heading' ? n.tag : n.type === 'list' ? n.listType : n.type));
const allText = (nodes: Shape[]): Shape[] => nodes.flatMap((n) => (n.type === 'text' ? [n] : allText(n.children ?? [])));
const textsWith = (nodes: Shape[], format: number) =>
  allText(nodes)
    .filter((t) => ((t.format ?? 0) & format) !== 0)
    .map((t) => t.text);
const links = (nodes: Shape[]): Shape[] => nodes.flatMap((n) => (n.type === 'link' ? [n] : links(n.children ?? [])));

describe('sanitised clipboard HTML in the Lexical editor', () => {
  it('Word: heading, paragraphs, a nested bullet list and a numbered list', () => {
    const root = pasteIntoEditor('word');
    expect(kinds(root)).toEqual(['h2', 'paragraph', 'paragraph', 'bullet', 'paragraph', 'number', 'paragraph']);
    const bullets = root[3]!.children!;
    expect(bullets.map((li) => li.children!.map((c) => c.type))).toEqual([['text'], ['list'], ['text'], ['text']]);
    expect(textsWith(root, BOLD)).toEqual(['(포탈뉴스통신)', '연구개발 및 산업 활용']);
    expect(textsWith(root, ITALIC)).toEqual(['현지시간 9월 22일부터 23일까지']);
    expect(textsWith(root, UNDERLINE)).toEqual(['양해각서']);
    expect(textsWith(root, STRIKE)).toEqual(['삭제된 문장']);
    expect(links(root).map((l) => l.url)).toEqual(['https://www.msit.go.kr/']);
  });

  it('Google Docs: not all bold, formats from spans, nested list', () => {
    const root = pasteIntoEditor('google-docs');
    expect(kinds(root)).toEqual(['h2', 'paragraph', 'paragraph', 'bullet', 'number', 'paragraph']);
    expect(textsWith(root, BOLD)).toEqual(['(포탈뉴스통신)', '인공 지능·양자 기술']);
    expect(textsWith(root, ITALIC)).toEqual(['브룩헤이븐 국립연구소']);
    expect(textsWith(root, UNDERLINE)).toEqual(['기초 대형인프라']);
    expect(textsWith(root, STRIKE)).toEqual(['초안 문장']);
    expect(links(root).map((l) => l.url)).toEqual(['https://www.msit.go.kr/bbs/view.do?sCode=user&mId=307&mPid=208']);
  });

  it('web page: headings, paragraphs, quote, list, links', () => {
    const root = pasteIntoEditor('web-page');
    expect(kinds(root)).toEqual([
      'paragraph',
      'h2',
      'h3',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'quote',
      'h2',
      'bullet',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(links(root).map((l) => l.url)).toEqual(['https://www.ibm.com/quantum', 'mailto:press@example.com']);
  });

  it('HWP: one paragraph per Hangul paragraph, no leading spaces', () => {
    const root = pasteIntoEditor('hwp');
    expect(kinds(root)).toEqual(Array(10).fill('paragraph'));
    for (const text of allText(root)) expect(text.text).not.toMatch(/\u00a0/);
    expect(allText([root[3]!])[0]!.text).toBe('ㅇ 9월 23일(현지시간), 배경훈 장관은 뉴욕 IBM 왓슨 연구소를 방문해 ');
  });

  it('hostile HTML: only the safe link remains a link', () => {
    const root = pasteIntoEditor('xss');
    expect(links(root).map((l) => l.url)).toEqual(['https://www.msit.go.kr/']);
    expect(JSON.stringify(root)).not.toMatch(/javascript:|data:|__xss/i);
  });
});
