/** 환경설정 > 저장소 > 뉴스룸 서버에 연결 (renderer/views/settings/NewsroomConnect.tsx), in Korean. */
export const koNewsroom = {
  newsroom_title: '뉴스룸 서버에 연결',
  newsroom_intro:
    '뉴스룸 서버에 연결하면 기사와 사진은 서버에 저장되고, 이 컴퓨터에는 데이터베이스나 출고 대상 비밀번호가 남지 않습니다. 다시 시작하면 서버의 로그인 화면이 나옵니다.',
  newsroom_running: '지금 뉴스룸 서버 {origin}에 연결되어 있습니다.',
  newsroom_saved: '다시 시작하면 뉴스룸 서버 {origin}에 연결합니다.',
  newsroom_savedLeave: '다시 시작하면 이 컴퓨터의 저장소로 엽니다. 서버의 기사는 서버에 그대로 있습니다.',
  newsroom_origin: '서버 주소',
  newsroom_originHint: '관리자가 알려 준 https:// 주소 (예: https://byline.newsroom.kr:8443)',
  newsroom_inspect: '인증서 확인',
  newsroom_inspecting: '서버에 연결하는 중…',
  newsroom_trusted: '공인 인증기관이 보증하는 인증서입니다. 그대로 연결할 수 있습니다.',
  newsroom_untrusted:
    '이 서버의 인증서는 공인 인증기관이 보증하지 않습니다(뉴스룸 자체 인증서). 아래 지문이 서버 관리자가 알려 준 지문과 한 글자도 다르지 않은지 확인하세요.',
  newsroom_fingerprint: '인증서 지문 (SHA-256)',
  newsroom_subject: '발급 대상',
  newsroom_validTo: '만료',
  newsroom_confirm: '관리자가 알려 준 지문과 같습니다',
  newsroom_connect: '연결',
  newsroom_disconnect: '연결 끊기',
};
