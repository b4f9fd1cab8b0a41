import { describe, expect, it } from 'vitest';
import { EditorStateJson, editorStateFromParagraphs, emptyEditorState, type SerializedNodeShape } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';

const HEADLINE = '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진';
const LEAD = '(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문해 한·미 간 양자기술 협력방안을 논의했다.';
const ATTRIBUTION = '[뉴스출처 : 과학기술정보통신부]';

const text = (t: string, format = 0): SerializedNodeShape => ({ type: 'text', version: 1, text: t, format, style: '', mode: 'normal', detail: 0 });
const block = (type: string, children: SerializedNodeShape[], extra: Record<string, unknown> = {}): SerializedNodeShape => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  ...extra,
  children,
});
const paragraph = (...children: SerializedNodeShape[]) => block('paragraph', children);
const linebreak = (): SerializedNodeShape => ({ type: 'linebreak', version: 1 });
const list = (...items: SerializedNodeShape[]) => block('list', items, { listType: 'bullet', tag: 'ul', start: 1 });
const item = (...children: SerializedNodeShape[]) => block('listitem', children, { value: 1 });
const state = (...children: SerializedNodeShape[]): EditorStateJson => ({
  root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children },
});

describe('editorStateToText', () => {
  it('joins paragraphs with a single line feed', () => {
    expect(editorStateToText(state(paragraph(text(LEAD)), paragraph(text(ATTRIBUTION))))).toBe(`${LEAD}\n${ATTRIBUTION}`);
  });

  it('gives an empty string for an empty root and for one empty paragraph', () => {
    expect(editorStateToText(state())).toBe('');
    expect(editorStateToText(emptyEditorState())).toBe('');
  });

  it('keeps an empty paragraph between two paragraphs as an empty line', () => {
    expect(editorStateToText(state(paragraph(text('첫 문단')), paragraph(), paragraph(text('셋째 문단'))))).toBe('첫 문단\n\n셋째 문단');
  });

  it('concatenates sibling text nodes of one paragraph (formatting splits text, not lines)', () => {
    const p = paragraph(text('배경훈 '), text('장관', 1), text('은 '), text('IBM', 2), text('을 방문했다.'));
    expect(editorStateToText(state(p))).toBe('배경훈 장관은 IBM을 방문했다.');
  });

  it('reads text nested inside inline elements such as links', () => {
    const link = block('link', [text('과학기술정보통신부'), text(' 보도자료')], { url: 'https://www.msit.go.kr', rel: null, target: null, title: null });
    expect(editorStateToText(state(paragraph(text('출처: '), link, text('.'))))).toBe('출처: 과학기술정보통신부 보도자료.');
  });

  it('turns a linebreak node into a line feed inside its paragraph', () => {
    expect(editorStateToText(state(paragraph(text('담당부서'), linebreak(), text('양자혁신기술개발과'))))).toBe('담당부서\n양자혁신기술개발과');
  });

  it('turns a tab node into a tab character', () => {
    expect(editorStateToText(state(paragraph(text('담당자'), { type: 'tab', version: 1 }, text('홍길동'))))).toBe('담당자\t홍길동');
  });

  it('puts headings and quotes on lines of their own', () => {
    const body = state(
      block('heading', [text(HEADLINE)], { tag: 'h2' }),
      paragraph(text(LEAD)),
      block('quote', [text('“양자과학기술은 모든 산업에서 혁신을 초래할 것이다.”')]),
      paragraph(text(ATTRIBUTION)),
    );
    expect(editorStateToText(body)).toBe([HEADLINE, LEAD, '“양자과학기술은 모든 산업에서 혁신을 초래할 것이다.”', ATTRIBUTION].join('\n'));
  });

  it('gives each list item (list > listitem) a line and separates the list from its neighbours', () => {
    const body = state(
      paragraph(text('주요 협력 내용은 다음과 같다.')),
      list(item(text('양자 기반시설 구축')), item(text('연구개발 및 산업 활용')), item(text('전문인력 양성'))),
      paragraph(text('이상 3대 분야이다.')),
    );
    expect(editorStateToText(body)).toBe(
      ['주요 협력 내용은 다음과 같다.', '양자 기반시설 구축', '연구개발 및 산업 활용', '전문인력 양성', '이상 3대 분야이다.'].join('\n'),
    );
  });

  it('reads a nested list as Lexical serializes it (a listitem whose only child is a list) without blank lines', () => {
    // Lexical nests a list by giving it its own listitem: list > [listitem("상위"), listitem(list > listitem("하위"))].
    const body = state(list(item(text('상위 항목')), item(list(item(text('하위 항목 1')), item(text('하위 항목 2'))))), paragraph(text('끝')));
    expect(editorStateToText(body)).toBe('상위 항목\n하위 항목 1\n하위 항목 2\n끝');
  });

  it('reads a listitem holding both text and a nested list without blank lines', () => {
    const body = state(list(item(text('상위'), list(item(text('하위'))))), paragraph(text('끝')));
    expect(editorStateToText(body)).toBe('상위\n하위\n끝');
  });

  it('ignores node fields it does not know and node types without text', () => {
    const body = state(
      paragraph(text('사진 설명')),
      { type: 'image', version: 1, src: 'photo.webp', altText: '브룩헤이븐 국립연구소' },
      paragraph(text('본문')),
    );
    expect(editorStateToText(body)).toBe('사진 설명\n본문');
  });
});

describe('editorStateFromParagraphs', () => {
  const paragraphs = [LEAD, '9월 23일(현지시간), 배경훈 장관은 뉴욕 IBM 왓슨 연구소를 방문했다.', '', ATTRIBUTION];

  it('round-trips paragraphs through editorStateToText, empty ones included', () => {
    expect(editorStateToText(editorStateFromParagraphs(paragraphs))).toBe(paragraphs.join('\n'));
  });

  it('builds a state that the contract schema accepts, one paragraph node per paragraph', () => {
    const built = editorStateFromParagraphs(paragraphs);
    expect(EditorStateJson.safeParse(built).success).toBe(true);
    expect(built.root.children).toHaveLength(paragraphs.length);
    expect(built.root.children.every((c) => c.type === 'paragraph')).toBe(true);
    expect(built.root.children[2]?.children).toEqual([]);
  });

  it('survives JSON serialization unchanged (what the database stores)', () => {
    const built = editorStateFromParagraphs(paragraphs);
    const reloaded = JSON.parse(JSON.stringify(built)) as EditorStateJson;
    expect(reloaded).toEqual(built);
    expect(editorStateToText(reloaded)).toBe(paragraphs.join('\n'));
  });

  it('gives an empty root for no paragraphs', () => {
    expect(editorStateFromParagraphs([]).root.children).toEqual([]);
    expect(editorStateToText(editorStateFromParagraphs([]))).toBe('');
  });
});
