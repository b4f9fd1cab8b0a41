/** 알림: the bell, its panel and desktop notifications (views/notifications/), in Korean; strings-ko.ts takes them in. */
export const koNotifications = {
  notify_title: '알림',
  notify_bell: '알림 {n}건 안 읽음',
  notify_empty: '새 알림이 없습니다.',
  notify_readAll: '모두 읽음',
  notify_desktop: '데스크톱 알림 받기',
  notify_desktopDenied: '브라우저가 알림을 막았습니다. 브라우저 설정에서 이 주소의 알림을 허용하세요.',
  notify_desktopUnsupported: '이 환경에서는 데스크톱 알림을 쓸 수 없습니다.',
  notify_more: '이전 알림 더 보기',
  notify_kind_returned: '{who} 님이 기사를 반려했습니다',
  notify_kind_approved: '{who} 님이 기사를 승인했습니다',
  notify_kind_published: '{who} 님이 기사를 출고했습니다',
  notify_kind_corrected: '{who} 님이 기사를 정정합니다',
  notify_kind_commented: '{who} 님이 기사에 의견을 달았습니다',
  notify_kind_mentioned: '{who} 님이 의견에서 나를 언급했습니다',
  notify_kind_lock_taken: '{who} 님이 검토 잠금을 가져갔습니다',
  notify_pickProfile: '프로필을 고르면 알림을 볼 수 있습니다.',
};
