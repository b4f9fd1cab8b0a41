/** The near-duplicate finding's words (renderer/views/duplicates/), in Korean; strings-ko.ts takes them in. */
export const koDuplicates = {
  dup_heading: '같은 보도자료로 쓴 기사가 있습니다',
  dup_headingImported: '같은 보도자료를 이미 가져온 기사가 있습니다',
  dup_reporter: '{name} 기자',
  dup_imported: '보도자료 가져옴',
  dup_similarity: '본문 {percent}% 일치',
  dup_untitled: '(제목 없음)',
  dup_help: '제목을 누르면 그 기사를 엽니다.',
  dup_failed: '중복 기사를 확인하지 못했습니다',
};
