/** 환경설정 > 블로그 게시물 (renderer/views/settings/PostSettingsFields.tsx), in Korean; strings-ko.ts takes them in. */
export const koPosts = {
  posts_title: '워드프레스·고스트 게시물',
  posts_slugRule: '게시물 주소',
  posts_slugDateWords: '날짜와 제목의 로마자 (2026-12-07-yangja-gisul-hyeomnyeok)',
  posts_slugStoryNumber: '기사 번호 (byline-b…)',
  posts_slugHint: '주소는 처음 출고할 때 정해지고, 정정해도 바뀌지 않습니다. 기자가 직접 적은 주소가 있으면 그것을 씁니다.',
  posts_bylineInContent: '사이트에 기자 계정이 있어도 본문 끝에 바이라인을 적기',
};
