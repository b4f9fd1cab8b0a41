import { describe, expect, it } from 'vitest';
import { diffText, hasChanges, sideOf, tokenize, type DiffPart } from '../../renderer/views/desk/diff';
import { DEFAULT_META, type ArticleFields } from '../../shared/article';
import { anchorMatches, anchorText, reanchor } from '../../shared/comment-anchor';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { checkSubmission } from '../../shared/submission';

/** A diff as the review screen shows it: [-removed] and [+added] between unchanged text. */
function show(parts: DiffPart[]): string {
  return parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}]` : `[+${p.text}]`)).join('');
}

describe('the review diff', () => {
  it.each([
    ['a particle inside a word', '배경훈 장관은 미국을 방문했다.', '배경훈 장관이 미국을 방문했다.', '배경훈 장관[-은][+이] 미국을 방문했다.'],
    ['an ending inside a word', '협력을 추진한다', '협력을 추진했다', '협력을 추진[-한][+했]다'],
    ['a word added and another edited', '한미 협력을 확대한다', '한미 협약을 대폭 확대했다', '한미 협[-력][+약]을 [+대폭 ]확대[-한][+했]다'],
    ['a stem replaced, the ending kept, scattered syllables not matched', '협력을 확대한다', '협력을 대폭한다', '협력을 [-확대][+대폭]한다'],
    ['scattered common characters are not torn apart', '확대', '대폭', '[-확대][+대폭]'],
    ['a sentence appended', '첫 문장.', '첫 문장. 둘째 문장.', '첫 문장.[+ 둘째 문장.]'],
    ['a paragraph removed', '첫 문단\n둘째 문단\n셋째 문단', '첫 문단\n셋째 문단', '첫 문단\n[-둘째 문단\n]셋째 문단'],
    ['numbers and Latin words', '2025년 Brookhaven 연구소', '2026년 Brookhaven 국립연구소', '202[-5][+6]년 Brookhaven [+국립]연구소'],
    ['nothing changed', '그대로인 문장', '그대로인 문장', '그대로인 문장'],
    ['everything new', '', '새 기사', '[+새 기사]'],
  ])('%s', (_label, before, after, expected) => {
    const parts = diffText(before, after);
    expect(show(parts)).toBe(expected);
    expect(sideOf(parts, 'before')).toBe(before);
    expect(sideOf(parts, 'after')).toBe(after);
    expect(hasChanges(parts)).toBe(before !== after);
  });

  it('keeps words whole as tokens: Hangul, digits and marks together, every space and line break apart', () => {
    expect(tokenize('(포탈뉴스통신) 배 장관은\n“양자” 3일')).toEqual(['(', '포탈뉴스통신', ')', ' ', '배', ' ', '장관은', '\n', '“', '양자', '”', ' ', '3일']);
  });

  it('always rebuilds both texts exactly (seeded random edits)', () => {
    let seed = 20260305;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const words = [
      '장관은',
      '장관이',
      '양자',
      '양자기술',
      '협력',
      '협약을',
      '확대',
      '대폭',
      '추진한다',
      '추진했다',
      '뉴욕',
      '.',
      ',',
      '\n',
      '2026년',
      'Brookhaven',
    ];
    const sentence = (n: number) => Array.from({ length: n }, () => words[rand(words.length)]).join(rand(4) === 0 ? '' : ' ');
    for (let round = 0; round < 300; round += 1) {
      const before = sentence(rand(30));
      const after = rand(3) === 0 ? sentence(rand(30)) : before.replace(/장관은|양자|협력|\./, (m) => words[(words.indexOf(m) + 1) % words.length]!);
      const parts = diffText(before, after);
      expect([round, sideOf(parts, 'before'), sideOf(parts, 'after')]).toEqual([round, before, after]);
      for (let k = 1; k < parts.length; k += 1) expect(parts[k]!.kind === parts[k - 1]!.kind).toBe(false);
    }
  });
});

describe('anchors for review comments', () => {
  const text = '배경훈 장관은 브룩헤이븐 국립연구소를 찾았다. 브룩헤이븐 국립연구소는 노벨상 수상자 7명을 배출했다.';
  const quote = '브룩헤이븐 국립연구소';
  const second = text.indexOf(quote, text.indexOf(quote) + 1);
  const anchor = { start: second, end: second + quote.length, quote };

  it('matches only the exact quote at its offsets', () => {
    expect(anchorMatches(text, anchor)).toBe(true);
    expect(anchorMatches(text, { ...anchor, start: second + 1, end: second + 1 + quote.length })).toBe(false);
    expect(anchorMatches(text, { ...anchor, end: text.length + 1 })).toBe(false);
    expect(anchorMatches(text, { start: 3, end: 3, quote: '' })).toBe(false);
  });

  it('finds the passage again after edits, choosing the occurrence nearest where it was', () => {
    expect(reanchor(text, anchor)).toEqual({ status: 'exact', start: second, end: second + quote.length });
    const edited = `[속보] ${text}`;
    expect(reanchor(edited, anchor)).toEqual({ status: 'moved', start: second + 5, end: second + 5 + quote.length });
    expect(reanchor(text.replaceAll(quote, 'BNL'), anchor)).toEqual({ status: 'lost' });
  });

  it('counts the body in the plain text shared/editor-text.ts derives', () => {
    const fields = { headline: '제목', deck: '부제', body: editorStateFromParagraphs(['첫 문단', '둘째 문단']) };
    expect(anchorText(fields, 'body')).toBe('첫 문단\n둘째 문단');
    expect(anchorText(fields, 'headline')).toBe('제목');
  });
});

describe('what a submission needs', () => {
  const base: ArticleFields = {
    headline: '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진',
    deck: '',
    section: 'IT/과학',
    body: editorStateFromParagraphs(['과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.']),
    ...DEFAULT_META,
    bylines: [{ name: '김기자', email: '', title: '기자' }],
  };
  const labels = (f: Partial<ArticleFields>) => checkSubmission({ ...base, ...f }).map((p) => `${p.severity}:${p.label}`);
  const photo = (caption: string, credit: string, alt: string) => ({ type: 'photo', version: 1, mediaId: 'c'.repeat(64), caption, credit, alt });

  it('passes a complete story', () => expect(labels({})).toEqual([]));
  it('wants a headline, a section, a byline with a name and a body', () => {
    expect(labels({ headline: '  ', section: '', bylines: [], body: editorStateFromParagraphs(['', ' ']) })).toEqual([
      'error:제목',
      'error:섹션',
      'error:바이라인',
      'error:본문',
    ]);
    expect(labels({ bylines: [{ name: ' ', email: '', title: '' }] })).toEqual(['error:바이라인']);
  });
  it('wants 뉴스출처 on a press-release story only', () => {
    expect(labels({ storyType: 'press_release' })).toEqual(['error:뉴스출처']);
    expect(labels({ storyType: 'press_release', sourceAttribution: '과학기술정보통신부' })).toEqual([]);
  });
  it('wants a caption and a credit on every photo, and warns of missing alt text', () => {
    const body = { root: { type: 'root', children: [...base.body.root.children, photo('설명', '', ''), photo('', '제공', '대체')] } } as ArticleFields['body'];
    expect(labels({ body, leadPhoto: { mediaId: 'd'.repeat(64), caption: '', credit: '', alt: '대체' } })).toEqual([
      'error:사진 1(대표 사진) 설명',
      'error:사진 1(대표 사진) 크레디트',
      'error:사진 2(본문) 크레디트',
      'error:사진 3(본문) 설명',
      'warning:사진 2(본문) 대체 텍스트',
    ]);
  });
  it('lets a photo story be its pictures, but not nothing', () => {
    const empty = editorStateFromParagraphs(['']);
    expect(labels({ storyType: 'photo', body: empty })).toEqual(['error:사진']);
    const pictures = { root: { type: 'root', children: [photo('설명', '제공', '대체')] } } as ArticleFields['body'];
    expect(labels({ storyType: 'photo', body: pictures })).toEqual([]);
  });
});
