/** The newsroom's default desk sections; editable in settings. */
export const DEFAULT_SECTIONS = ['정치', '경제', '사회', '국제', 'IT/과학', '문화', '연예', '스포츠', '오피니언'] as const;
