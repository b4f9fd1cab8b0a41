// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { expectOnlyBodyMarkup, pasteFixture, texts } from './support/clipboard';

describe('pasting HTML exported by Hangul (HWP)', () => {
  const root = pasteFixture('hwp');

  it('keeps only the body markup', () => {
    expectOnlyBodyMarkup(root);
    expect(root.innerHTML).not.toMatch(/HStyle|font-family|휴먼명조/);
  });

  it('keeps every paragraph, drops the &nbsp; indentation but keeps the press-release markers', () => {
    expect(texts(root, ':scope > p')).toEqual([
      '과기정통부 배경훈 장관, 한미 양자기술-대형과학 기반시설(인프라) 협력 가속화 추진',
      '- 미국 에너지부 산하 브룩헤이븐 국립연구소 방문 -',
      '□ 과학기술정보통신부(장관 배경훈, 이하 ‘과기정통부’)는 블랙록과의 협력 양해각서 체결을 계기로 현지시간 9월 22일부터 23일까지 미국 뉴욕을 방문했다고 밝혔다.',
      'ㅇ 9월 23일(현지시간), 배경훈 장관은 뉴욕 IBM 왓슨 연구소를 방문해 양자과학기술 산업 육성을 위한 협력 양해각서(MOU)를 체결했다.',
      '* 주요 협력 내용: 양자 기반시설 구축, 연구개발 및 산업 활용, 전문인력 양성',
      '향후 계획',
      'ㅇ 이행약정(IA)과 정부 간 협력의향서(SOI) 체결을 논의 중이다.',
      '담당 부서',
      '양자혁신기술개발과',
      '[뉴스출처 : 과학기술정보통신부]',
    ]);
    for (const p of Array.from(root.querySelectorAll('p'))) expect(p.textContent).not.toMatch(/^\s/);
  });

  it('reads Hangul’s quoted font-weight, font-style and text-decoration', () => {
    expect(texts(root, 'strong')).toEqual(['□ 과학기술정보통신부', '담당 부서']);
    expect(texts(root, 'em')).toEqual(['양자과학기술 산업 육성']);
    expect(texts(root, 'u')).toEqual(['향후 계획']);
  });
});
