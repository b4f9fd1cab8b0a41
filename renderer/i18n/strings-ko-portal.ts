/** 환경설정 > 포털 분류 (renderer/views/settings/PortalCategoriesTable.tsx), in Korean; strings-ko.ts takes them in. */
export const koPortal = {
  portal_title: '포털 분류',
  portal_hint:
    '네이버와 다음은 분류 체계가 서로 달라 섹션마다 두 포털의 분류를 따로 적습니다. HTML 묶음의 기사 정보(JSON-LD), RSS, ninjs에 들어갑니다. 둘 다 비워 두면 섹션 이름을 그대로 씁니다.',
  portal_section: '섹션',
  portal_naver: '네이버 분류',
  portal_daum: '다음 분류',
};
