/** 맞춤법 in the editor (renderer/views/spelling/), in Korean. */
export const koSpelling = {
  sp_title: '맞춤법',
  sp_found: '곳',
  sp_on: '맞춤법 검사',
  sp_loading: '사전을 읽는 중…',
  sp_ignore: '무시',
  sp_add: '뉴스룸 사전에 추가',
  sp_noSuggestion: '고칠 말을 찾지 못했습니다',
  sp_menu: '맞춤법 제안',
  sp_headline: '제목',
  sp_deck: '부제',
  sp_body: '본문',
  sp_caption: '사진 설명',
  sp_added: '뉴스룸 사전에 넣었습니다: {word}',
};
