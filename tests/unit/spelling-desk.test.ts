// @vitest-environment jsdom
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { bodyNodes } from '../../renderer/editor/nodes';
import { $blockText, $replaceInBlock } from '../../renderer/views/spelling/block-text';
import { replaceFinding, SpellCache, visibleFindings } from '../../renderer/views/spelling/spell-cache';
import { rangeInText } from '../../renderer/views/spelling/spell-paint';
import { DEFAULT_META, type ArticleFields } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { AppError } from '../../shared/errors';
import { spellingProblems } from '../../shared/spelling-submission';
import type { SpellChecker, SpellFinding } from '../../shared/spelling-types';
import { dictionaryForm, normaliseWord } from '../../shared/spelling-word';

/* The desk side of 맞춤법: the paragraph cache, the 뉴스룸 사전's word rule, block text and replacement in a real Lexical editor, 송고 warnings. */

/** A checker that knows one typo, answering when told to: the cache's behaviour, not the engine's, is under test. */
function typoChecker(): SpellChecker & { asked: string[]; release: () => void } {
  const waiting: Array<() => void> = [];
  const asked: string[] = [];
  return {
    asked,
    release: () => waiting.splice(0).forEach((go) => go()),
    accept: () => Promise.resolve(),
    close: () => undefined,
    check: (text) => {
      asked.push(text);
      const at = text.indexOf('디랙터');
      const found: SpellFinding[] = at < 0 ? [] : [{ start: at, end: at + 3, word: '디랙터', suggestions: ['디렉터'] }];
      return new Promise((resolve) => waiting.push(() => resolve(found)));
    },
  };
}

describe('the paragraph cache', () => {
  it('sends a paragraph once, shares a check in flight, and answers it at once afterwards', async () => {
    const checker = typoChecker();
    const cache = new SpellCache(checker);
    const a = cache.check('새 디랙터가 왔다.');
    const b = cache.check('새 디랙터가 왔다.');
    expect(cache.cached('새 디랙터가 왔다.')).toBeUndefined();
    checker.release();
    expect(await a).toEqual(await b);
    expect(checker.asked).toEqual(['새 디랙터가 왔다.']);
    expect(cache.cached('새 디랙터가 왔다.')).toEqual([{ start: 2, end: 5, word: '디랙터', suggestions: ['디렉터'] }]);
  });

  it('keeps no answer begun before the vocabulary changed', async () => {
    const checker = typoChecker();
    const cache = new SpellCache(checker);
    const stale = cache.check('디랙터');
    cache.clear();
    checker.release();
    await stale;
    expect(cache.cached('디랙터')).toBeUndefined();
  });

  it('forgets the oldest paragraph past its limit', async () => {
    const checker = typoChecker();
    const cache = new SpellCache(checker, 2);
    for (const text of ['하나', '둘', '셋']) {
      const p = cache.check(text);
      checker.release();
      await p;
    }
    expect(cache.size).toBe(2);
    expect(cache.cached('하나')).toBeUndefined();
    expect(cache.cached('셋')).toEqual([]);
  });

  it('leaves out ignored words and replaces only a word still where it was found', () => {
    const f = { start: 2, end: 5, word: '디랙터', suggestions: ['디렉터'] };
    expect(visibleFindings([f], new Set(['디랙터']))).toEqual([]);
    expect(replaceFinding('새 디랙터가', f, '디렉터')).toBe('새 디렉터가');
    expect(replaceFinding('아주 새 디랙터가', f, '디렉터')).toBeNull();
  });
});

describe('a 뉴스룸 사전 word', () => {
  it('is one word, composed and trimmed, or refused in Korean', () => {
    expect(normaliseWord(' \u1100\u1162\u11B7베타\n')).toBe('갬베타');
    expect(normaliseWord('AI반도체')).toBe('AI반도체');
    expect(['갬베타는', '쿼텍실라는', '디렉터', '일은'].map(dictionaryForm)).toEqual(['갬베타', '쿼텍실라', '디렉터', '일은']);
    for (const bad of ['', '인공 지능', '가'.repeat(51), '2026', '갬\u200d베타']) expect(() => normaliseWord(bad)).toThrow(AppError);
  });
});

async function editorWith(build: () => void): Promise<LexicalEditor> {
  const editor = createEditor({
    namespace: 'test',
    nodes: bodyNodes,
    onError: (e) => {
      throw e;
    },
  });
  editor.setRootElement(document.createElement('div'));
  await new Promise<void>((resolve) => editor.update(build, { onUpdate: resolve }));
  return editor;
}

describe('a paragraph as the checker reads it', () => {
  it('joins a word split by bold, keeps a line break between words, and replaces across the split', async () => {
    const editor = await editorWith(() => {
      const bold = $createTextNode('랙터').toggleFormat('bold');
      $getRoot().append(
        $createParagraphNode().append($createTextNode('새 디'), bold, $createTextNode('가 왔다.'), $createLineBreakNode(), $createTextNode('끝')),
      );
    });
    const block = editor.getEditorState().read(() => $blockText($getRoot().getFirstChildOrThrow()));
    expect(block.text).toBe('새 디랙터가 왔다.\n끝');
    expect(block.pieces.map((p) => [p.start, p.length])).toEqual([
      [0, 3],
      [3, 2],
      [5, 5],
      [11, 1],
    ]);
    let replaced = false;
    await new Promise<void>((resolve) => editor.update(() => (replaced = $replaceInBlock(block.pieces, 2, 5, '디랙터', '디렉터')), { onUpdate: resolve }));
    expect(replaced).toBe(true);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('새 디렉터가 왔다.\n끝');
    // The text moved meanwhile: nothing is replaced.
    let again = true;
    await new Promise<void>((resolve) => editor.update(() => (again = $replaceInBlock(block.pieces, 2, 5, '디랙터', '디렉터')), { onUpdate: resolve }));
    expect(again).toBe(false);
  });

  it('finds offsets through the marks of a field’s copy', () => {
    const copy = document.createElement('div');
    copy.append('과기정통부 ', Object.assign(document.createElement('mark'), { textContent: '인공 지능' }), ' 디랙터\u200b');
    const range = rangeInText(copy, 12, 15)!;
    expect(range.toString()).toBe('디랙터');
    expect(rangeInText(copy, 6, 11)!.toString()).toBe('인공 지능');
    expect(rangeInText(copy, 30, 33)).toBeNull();
  });
});

describe('맞춤법 at 송고', () => {
  it('lists each finding as a warning with where it is and the first suggestion', async () => {
    const fields: ArticleFields = {
      ...DEFAULT_META,
      headline: '새 디랙터 임명',
      deck: '',
      section: '',
      body: editorStateFromParagraphs(['첫 문단.', '새 디랙터가 왔다.']),
    };
    const checker = typoChecker();
    const check = (text: string) => {
      const p = checker.check(text);
      checker.release();
      return p;
    };
    expect(await spellingProblems(fields, check)).toEqual([
      { field: 'spelling', label: '맞춤법(제목)', message: "'디랙터' → '디렉터'", severity: 'warning' },
      { field: 'spelling', label: '맞춤법(본문 2문단)', message: "'디랙터' → '디렉터'", severity: 'warning' },
    ]);
  });
});
