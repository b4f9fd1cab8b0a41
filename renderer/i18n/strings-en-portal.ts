import type { koPortal } from './strings-ko-portal';

/** 환경설정 > 포털 분류 in English, the same keys as strings-ko-portal.ts. */
export const enPortal: Record<keyof typeof koPortal, string> = {
  portal_title: 'Portal categories',
  portal_hint:
    'Naver and Daum file news under different category trees, so each section names one category per portal. They go into the HTML bundle’s JSON-LD, the RSS feed and ninjs. Leave both empty to use the section’s own name.',
  portal_section: 'Section',
  portal_naver: 'Naver category',
  portal_daum: 'Daum category',
};
