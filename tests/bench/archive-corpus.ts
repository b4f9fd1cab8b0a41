/**
 * A deterministic archive of Korean news stories for the search benchmark: sentences from the seed
 * story and the portal page, plus template sentences over newsroom vocabulary. Topics give each
 * query word a realistic share of the archive (a few percent), not every story: the seed's own
 * sentences (quantum science at Brookhaven) go only into stories on that beat, as a real archive
 * would hold them. A few words (정부, 관계자) are in most stories, for the common-word figure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_META, type ArticleFields, type ArticleState } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { DEFAULT_SECTIONS } from '../../shared/sections';
import { seed } from '../fixtures/seed';

const here = path.dirname(fileURLToPath(import.meta.url));

function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  ['양자', '양자컴퓨터', '양자 기술'],
  ['인공지능', '생성형 인공지능', 'AI'],
  ['반도체', '파운드리', '메모리 반도체'],
  ['예산', '예산안', '추가경정예산'],
  ['국회', '본회의', '상임위원회'],
  ['장관', '장관 회의', '국무회의'],
  ['기자회견', '브리핑', '공식 발표'],
  ['부동산', '아파트 가격', '전세 시장'],
  ['금리', '기준금리', '한국은행'],
  ['수출', '무역수지', '수출 실적'],
  ['날씨', '한파', '폭설'],
  ['교육', '대학 입시', '수능'],
  ['의료', '의대 정원', '전공의'],
  ['경찰', '수사', '압수수색'],
  ['법원', '판결', '재판부'],
  ['선거', '지방선거', '여론조사'],
  ['외교', '정상회담', '한미 동맹'],
  ['북한', '미사일 발사', '남북 관계'],
  ['축구', '국가대표', '월드컵 예선'],
  ['야구', '프로야구', '한국시리즈'],
  ['영화', '개봉', '관객 수'],
  ['공연', '뮤지컬', '콘서트'],
  ['관광', '외국인 관광객', '관광 수지'],
  ['환경', '탄소중립', '미세먼지'],
  ['에너지', '원자력 발전', '재생에너지'],
  ['우주', '누리호', '달 탐사'],
  ['브룩헤이븐', '국립연구소', '전자-이온 충돌기'],
  ['스타트업', '벤처 투자', '창업 지원'],
  ['노동', '최저임금', '근로시간'],
  ['복지', '기초연금', '돌봄 서비스'],
  ['교통', '고속철도', '광역버스'],
  ['농업', '쌀값', '스마트팜'],
] as const;

const ORGS = [
  '과학기술정보통신부',
  '기획재정부',
  '산업통상자원부',
  '교육부',
  '보건복지부',
  '국토교통부',
  '환경부',
  '외교부',
  '행정안전부',
  '문화체육관광부',
  '서울시',
  '한국은행',
];
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권'];
const GIVEN = ['민준', '서연', '지훈', '하은', '도윤', '수빈', '예준', '지우', '현우', '서윤', '건우', '유진', '태희', '경훈', '은아'];
/** Who is quoted: ministers among many others, as in a real archive. */
const TITLES = [
  '장관',
  '차관',
  '대변인',
  '위원장',
  '대표',
  '교수',
  '연구원',
  '관계자',
  '시장',
  '의원',
  '청장',
  '원장',
  '회장',
  '사장',
  '국장',
  '과장',
  '소장',
  '이사장',
  '팀장',
  '부장',
];
const PLACES = ['서울', '세종', '부산', '대전', '인천', '광주', '뉴욕', '워싱턴', '도쿄', '베이징'];
const ENDINGS = ['밝혔다', '설명했다', '강조했다', '전했다', '덧붙였다', '논의했다', '발표했다'];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** The beats the seed story and the portal page belong to: only their stories quote those sentences. */
const SEED_BEATS = new Set(['양자', '브룩헤이븐', '우주']);
const PLANS = ['협력 방안', '해결 방안', '지원 방안', '개선 방안', '대응 방안', '보완 방안'];

function realSentences(): string[] {
  const portal = readFileSync(path.join(here, '..', 'fixtures', 'portal-news-page.txt'), 'utf8');
  return [...seed.body, ...portal.split('\n')]
    .flatMap((line) => line.split(/(?<=다\.)\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 30 && /[가-힣]/.test(s) && !/[℃•]/.test(s));
}

export interface GeneratedArticle {
  fields: ArticleFields;
  state: ArticleState;
  createdAt: string;
}

export function createCorpus(corpusSeed: number) {
  const real = realSentences();
  const authors = Array.from({ length: 200 }, (_, i) => SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!);
  const start = Date.UTC(2023, 0, 1);

  function sentence(r: () => number, topic: readonly string[]): string {
    const word = pick(r, topic);
    const org = pick(r, ORGS);
    const person = `${pick(r, authors)} ${pick(r, TITLES)}`;
    const year = 2023 + Math.floor(r() * 3);
    const date = `${year}년 ${1 + Math.floor(r() * 12)}월 ${1 + Math.floor(r() * 28)}일`;
    switch (Math.floor(r() * 6)) {
      case 0:
        return `${org} ${person}은 ${date} ${pick(r, PLACES)}에서 ${word} 관련 현안을 ${pick(r, ENDINGS)}.`;
      case 1:
        return `${word} 분야 투자는 전년보다 ${(r() * 20).toFixed(1)}% 늘어난 ${1 + Math.floor(r() * 9)}조 ${Math.floor(r() * 9)}천억 원 규모로 집계됐다.`;
      case 2:
        return `${person}은 “${word} 문제는 정부와 민간이 함께 풀어야 할 과제”라며 “${pick(r, PLANS)}을 계속 찾겠다”고 ${pick(r, ENDINGS)}.`;
      case 3:
        return `이번 ${word} 발표에는 ${org}와 관련 기관, 업계 관계자 ${10 + Math.floor(r() * 90)}명이 참석했다.`;
      case 4:
        return `${date} 기준 ${word} 관련 민원은 ${100 + Math.floor(r() * 900)}건으로, ${org}는 다음 달 ${pick(r, PLACES)}에서 설명회를 연다.`;
      default:
        return SEED_BEATS.has(topic[0]!) ? pick(r, real) : `${org} ${pick(r, TITLES)}은 ${word} 관련 후속 일정을 ${pick(r, ENDINGS)}.`;
    }
  }

  function story(index: number): GeneratedArticle {
    const r = mulberry32((corpusSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const topic = pick(r, TOPICS);
    const second = pick(r, TOPICS);
    const target = 1500 + Math.floor(r() * 2500);
    const paragraphs: string[] = [];
    let length = 0;
    while (length < target) {
      const sentences = 2 + Math.floor(r() * 3);
      let p = '';
      for (let k = 0; k < sentences && length + p.length < target; k += 1) p += (p ? ' ' : '') + sentence(r, r() < 0.8 ? topic : second);
      if (!p) break;
      paragraphs.push(p);
      length += p.length;
    }
    const pressRelease = r() < 0.3;
    const reporter = pick(r, authors);
    return {
      fields: {
        ...DEFAULT_META,
        headline: `${pick(r, ORGS)}, ${topic[0]} ${pick(r, ['협력 강화', '대책 발표', '현황 점검', '예산 확대', '제도 개선'])} 추진`,
        deck: `${topic[1]} 관련 ${pick(r, ['후속 조치', '세부 계획', '현장 의견'])} 논의`,
        section: DEFAULT_SECTIONS[Math.floor(r() * DEFAULT_SECTIONS.length)]!,
        body: editorStateFromParagraphs(paragraphs),
        storyType: pressRelease ? 'press_release' : 'straight',
        sourceAttribution: pressRelease ? pick(r, ORGS) : '',
        bylines: [{ name: reporter, title: '기자', email: '' }],
        tags: [topic[0], second[0]].filter((t, i, all) => all.indexOf(t) === i),
      },
      state: pick(r, ['draft', 'submitted', 'approved', 'published', 'published'] as const),
      createdAt: new Date(start + index * 15 * 60_000).toISOString(),
    };
  }

  return {
    story,
    vocabulary: {
      twoSyllable: ['양자', '예산', '국회', '장관', '금리', '수출', '경찰', '법원', '외교', '우주'],
      fourSyllable: ['인공지능', '기자회견', '부동산', '브룩헤이븐', '탄소중립', '최저임금', '기초연금', '스타트업'],
      phrases: ['양자 기술', '외국인 관광객', '기준금리', '의대 정원', '원자력 발전', '한미 동맹'],
      /** Words in most stories: the worst case for ranking, reported on its own. */
      common: ['정부', '관계자', '협력 방안'],
      authors,
    },
  };
}
