import { describe, expect, it } from 'vitest';
import { emptyDocument, type Block, type ImportedDocument } from '../../electron/import/document';
import { analysePressRelease, findEmbargo, findIssuer, parseKoreanDateTime } from '../../electron/import/press-release';

const p = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });
const h = (text: string, level = 1): Block => ({ kind: 'heading', level, runs: [{ text }] });
const doc = (blocks: Block[], extra: Partial<ImportedDocument> = {}): ImportedDocument => ({ ...emptyDocument(), blocks, ...extra });

describe('parseKoreanDateTime: release dates in Asia/Seoul', () => {
  it.each([
    ['2026. 2. 10.(화) 12:00', '2026-02-10T03:00:00.000Z'],
    ['2026.2.10.(화) 12:00', '2026-02-10T03:00:00.000Z'],
    ['2026. 2. 10. (화) 06:00', '2026-02-09T21:00:00.000Z'],
    ['2026년 2월 10일(화) 오후 2시 30분', '2026-02-10T05:30:00.000Z'],
    ['2026년 2월 10일 오전 12시', '2026-02-09T15:00:00.000Z'],
    ['2026-02-10 09:05', '2026-02-10T00:05:00.000Z'],
    ['2026. 2. 10.(화) 조간', '2026-02-09T21:00:00.000Z'],
    ['2026. 2. 10.(화) 석간', '2026-02-10T03:00:00.000Z'],
    ['2025. 12. 31.(수) 23:59', '2025-12-31T14:59:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseKoreanDateTime(text)?.iso).toBe(iso);
  });

  it('says when the line gives a date without a time', () => {
    expect(parseKoreanDateTime('2026. 2. 10.(화)')).toEqual({ iso: '2026-02-09T15:00:00.000Z', timeMissing: true });
  });

  it.each(['배포 시', '즉시', '2026. 13. 1.', '2026. 2. 30. 12:00', '2. 10.(화) 12:00', ''])('refuses %j', (text) => {
    expect(parseKoreanDateTime(text)).toBeUndefined();
  });
});

describe('findEmbargo', () => {
  it('takes 보도시점, not 배포, from a 보도자료 box', () => {
    expect(findEmbargo('보도시점 2026. 2. 10.(화) 12:00 배포 2026. 2. 9.(월) 14:00')).toEqual({
      iso: '2026-02-10T03:00:00.000Z',
      text: '2026. 2. 10.(화) 12:00',
      timeMissing: false,
    });
    expect(findEmbargo('보도일시: 2026. 3. 1.(일) 09:00 / 배포일시: 2026. 2. 28.(토) 10:00')?.iso).toBe('2026-03-01T00:00:00.000Z');
    expect(findEmbargo('엠바고 2026년 2월 10일 오후 3시')?.iso).toBe('2026-02-10T06:00:00.000Z');
  });

  it('proposes no embargo for a release to be reported on distribution', () => {
    expect(findEmbargo('보도시점 : 배포 시')?.iso).toBeNull();
    expect(findEmbargo('보도시점 배포 즉시')?.iso).toBeNull();
  });

  it('finds nothing in a line without a 보도시점', () => {
    expect(findEmbargo('배포 2026. 2. 9.(월) 14:00')).toBeUndefined();
  });
});

describe('findIssuer', () => {
  it.each([
    ['과학기술정보통신부 보도자료', '과학기술정보통신부'],
    ['중소벤처기업부 창업정책과', '중소벤처기업부'],
    ['담당 부서 서울특별시 기후환경본부', '서울특별시'],
    ['한국전력공사 홍보실', '한국전력공사'],
    ['식품의약품안전처', '식품의약품안전처'],
  ])('%s → %s', (text, issuer) => {
    expect(findIssuer(text)).toBe(issuer);
  });

  it('finds nothing in an ordinary sentence', () => {
    expect(findIssuer('양자컴퓨터 상용화 5년 앞당긴다')).toBeUndefined();
  });
});

describe('analysePressRelease', () => {
  const release = doc(
    [
      p('보도자료'),
      p('보도시점: 2026. 2. 10.(화) 12:00 / 배포: 2026. 2. 9.(월) 14:00'),
      p('과학기술정보통신부'),
      p('양자컴퓨터 상용화 5년 앞당긴다'),
      p('- 과기정통부, 「2030 양자기술 전략」 발표 -'),
      p('- 5년간 1조 원 투자 -'),
      p('□ 과학기술정보통신부는 10일 전략을 발표했다.'),
      p('ㅇ 첫째 항목'),
      p('ㅇ 둘째 항목'),
      p('* 주석은 그대로 둔다'),
      {
        kind: 'table',
        rows: [
          ['구분', '2025년'],
          ['투자', '3,000'],
        ],
      },
      { kind: 'image', image: 0, caption: '장관이 시제품을 보고 있다', alt: '' },
      p('담당 부서: 양자혁신기술개발과 과장 홍길동 (044-202-4930)'),
      p('붙임 1. 전략 요약본'),
      p('2. 참고 자료'),
    ],
    { pageHeaders: ['과학기술정보통신부'], pageFooters: ['- 1 -'] },
  );
  const a = analysePressRelease(release);

  it('proposes the title, the "- … -" subtitle lines, the issuer and the embargo', () => {
    expect(a.proposals).toEqual({
      headline: '양자컴퓨터 상용화 5년 앞당긴다',
      deck: '과기정통부, 「2030 양자기술 전략」 발표\n5년간 1조 원 투자',
      sourceAttribution: '과학기술정보통신부',
      embargoAt: '2026-02-10T03:00:00.000Z',
      embargoText: '2026. 2. 10.(화) 12:00',
    });
    expect(a.warnings).toEqual([]);
  });

  it('keeps the body in order: □ paragraphs without the box, ㅇ items as a list, notes, tables and photos', () => {
    expect(a.body).toEqual([
      p('과학기술정보통신부는 10일 전략을 발표했다.'),
      { kind: 'list', ordered: false, items: [[{ text: '첫째 항목' }], [{ text: '둘째 항목' }]] },
      p('* 주석은 그대로 둔다'),
      {
        kind: 'table',
        rows: [
          ['구분', '2025년'],
          ['투자', '3,000'],
        ],
      },
      { kind: 'image', image: 0, caption: '장관이 시제품을 보고 있다', alt: '' },
    ]);
  });

  it('sets aside the 보도자료 box, embargo line, letterhead, contact line, 붙임 list, page header and footer', () => {
    expect(a.setAside).toEqual([
      { kind: 'page_header', text: '과학기술정보통신부' },
      { kind: 'page_footer', text: '- 1 -' },
      { kind: 'header', text: '보도자료' },
      { kind: 'embargo', text: '보도시점: 2026. 2. 10.(화) 12:00 / 배포: 2026. 2. 9.(월) 14:00' },
      { kind: 'contact', text: '담당 부서: 양자혁신기술개발과 과장 홍길동 (044-202-4930)' },
      { kind: 'attachment', text: '붙임 1. 전략 요약본' },
      { kind: 'attachment', text: '2. 참고 자료' },
      { kind: 'header', text: '과학기술정보통신부' },
    ]);
  });

  it('reads the issuer from a contact table when the header does not name it', () => {
    const r = analysePressRelease(
      doc([
        h('새 배터리 기준 마련'),
        p('□ 기준을 발표했다.'),
        { kind: 'table', rows: [['담당 부서', '산업통상자원부 배터리전략과', '담당자', '사무관 이영희']] },
      ]),
    );
    expect(r.proposals.sourceAttribution).toBe('산업통상자원부');
    expect(r.setAside.map((s) => s.kind)).toEqual(['contact']);
    expect(r.proposals.embargoAt).toBeNull();
  });

  it('warns when it finds no title, no issuer, or an embargo without a time', () => {
    const r = analysePressRelease(doc([p('보도시점 2026. 2. 10.(화)'), p('□ 내용만 있다.')]));
    expect(r.proposals.headline).toBe('');
    expect(r.proposals.embargoAt).toBe('2026-02-09T15:00:00.000Z');
    expect(r.warnings.join('\n')).toMatch(/제목을 찾지 못했습니다/);
    expect(r.warnings.join('\n')).toMatch(/뉴스출처/);
    expect(r.warnings.join('\n')).toMatch(/시각이 없어/);
  });

  it('falls back to the file title when the document has no title paragraph', () => {
    expect(analysePressRelease(doc([p('□ 본문')], { title: '파일 제목' })).proposals.headline).toBe('파일 제목');
  });
  it('takes a masthead only above the title: a 참고자료 heading in the body and a title ending in 참고자료 stay', () => {
    const r = analysePressRelease(
      doc([p('[ 보 도 참 고 자 료 ]'), p('2026년 예산안 참고자료'), p('□ 기획재정부는 10일 예산안을 발표했다.'), h('< 참 고 자 료 >', 2), p('ㅇ 세부 내역')]),
    );
    expect(r.proposals.headline).toBe('2026년 예산안 참고자료');
    expect(r.proposals.sourceAttribution).toBe('기획재정부');
    expect(r.setAside).toEqual([{ kind: 'header', text: '[ 보 도 참 고 자 료 ]' }]);
    expect(r.body.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'list']);
  });

  it('with items as prose, turns ㅇ/○/◦ items into paragraphs and keeps - sub-points a list', () => {
    const r = analysePressRelease(doc([p('제목'), p('ㅇ 첫째 항목'), p('- 세부 사항'), p('○ 둘째 항목'), p('◦ 셋째 항목')]), { items: 'prose' });
    expect(r.body).toEqual([p('첫째 항목'), { kind: 'list', ordered: false, items: [[{ text: '세부 사항' }]] }, p('둘째 항목'), p('셋째 항목')]);
  });

  it('keeps a box at the top that holds more than the masthead, the issuer and the times', () => {
    const box: Block = { kind: 'table', rows: [['보 도 자 료'], ['양자컴퓨터 상용화 5년 앞당긴다']] };
    const r = analysePressRelease(doc([box, p('□ 본문')]));
    expect(r.body[0]).toEqual(box);
  });

  it('reads a title box under the masthead as headline and deck, its subtitle opened by a dash only (농림축산식품부)', () => {
    const masthead: Block = { kind: 'table', rows: [['', '동정자료', '']] };
    const title: Block = { kind: 'table', rows: [['펫푸드 수출 지원 본격 추진'], ['- 차관 생산공장 방문']] };
    const figures: Block = { kind: 'table', rows: [['구분'], ['2023년']] };
    const r = analysePressRelease(doc([masthead, title, p('□ 본문'), figures]));
    expect([r.proposals.headline, r.proposals.deck]).toEqual(['펫푸드 수출 지원 본격 추진', '차관 생산공장 방문']);
    expect(r.setAside.map((s) => [s.kind, s.text.trim()])).toEqual([['header', '| 동정자료 |']]);
    // Only at the top: a one-column table in the body stays a table.
    expect(r.body).toEqual([p('본문'), figures]);
  });
});
