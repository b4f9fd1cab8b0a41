/**
 * Standard spellings (국립국어원 외래어 표기) that news copy uses daily and dictionary-ko lacks.
 * Kept short: names and the newsroom's coined terms belong in its word list, not here.
 */
export const NEWS_WORDS: readonly string[] = ['디렉터', '프로듀서', '매니저', '플랫폼', '인프라', '콘텐츠', '스타트업', '데이터센터'];
