import { z } from 'zod';

/*
 * Where the portals file each desk section. Naver and Daum keep their own category trees (Naver's 세계,
 * 생활/문화, IT/과학 are Daum's 국제, 문화, IT), and a story is read by both, so a section carries one
 * category per portal rather than one string: every output names both, each marked with its portal
 * (the feed's <category domain="naver">, ninjs subjects rel "naver-category", JSON-LD articleSection).
 * A list, not an object keyed by section: a section name is the newsroom's text, never an object key.
 */

export const PORTALS = ['naver', 'daum'] as const;
export type Portal = (typeof PORTALS)[number];

const Category = z.string().trim().max(30, '포털 분류는 30자까지 쓸 수 있습니다.');

export const PortalCategoryRow = z.strictObject({
  section: z.string().trim().min(1, '섹션 이름을 쓰세요.').max(50),
  naver: Category,
  daum: Category,
});
export type PortalCategoryRow = z.infer<typeof PortalCategoryRow>;

export const PortalSettings = z.strictObject({
  categories: z
    .array(PortalCategoryRow)
    .max(100)
    .refine((rows) => new Set(rows.map((r) => r.section)).size === rows.length, '같은 섹션의 포털 분류가 두 번 있습니다.'),
});
export type PortalSettings = z.infer<typeof PortalSettings>;

/** The default desk sections (shared/sections.ts) as the two portals name them today; editable in 환경설정. */
export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  categories: [
    { section: '정치', naver: '정치', daum: '정치' },
    { section: '경제', naver: '경제', daum: '경제' },
    { section: '사회', naver: '사회', daum: '사회' },
    { section: '국제', naver: '세계', daum: '국제' },
    { section: 'IT/과학', naver: 'IT/과학', daum: 'IT' },
    { section: '문화', naver: '생활/문화', daum: '문화' },
    { section: '연예', naver: '연예', daum: '연예' },
    { section: '스포츠', naver: '스포츠', daum: '스포츠' },
    { section: '오피니언', naver: '오피니언', daum: '' },
  ],
};

/** One portal's category for a story. */
export interface PortalCategory {
  portal: Portal;
  name: string;
}

/** The portal categories of a section, Naver first; none for a section without a row or with empty cells. */
export function portalCategories(settings: PortalSettings | undefined, section: string): PortalCategory[] {
  const row = settings?.categories.find((r) => r.section === section);
  if (!row) return [];
  return PORTALS.flatMap((portal) => (row[portal] ? [{ portal, name: row[portal] }] : []));
}
