/** 송고 취소, the 휴지통 and 사본 만들기 (views/desk/TrashQueue.tsx, the workflow bar), in Korean; strings-ko.ts takes them in. */
export const koTrash = {
  queue_trash: '휴지통',
  action_recall: '송고 취소',
  action_discard: '휴지통으로',
  action_restore: '휴지통에서 되살림',
  trash_recall: '송고 취소',
  trash_discard: '휴지통으로',
  trash_discardConfirm: '이 기사를 휴지통으로 옮길까요? 30일 안에는 되살릴 수 있고, 그 뒤에는 영구히 지워집니다.',
  trash_restore: '되살리기',
  copy_make: '사본 만들기',
  trash_inTrash: '휴지통에 있는 기사입니다.',
  trash_discardedBy: '버린 사람',
  trash_purgeAt: '영구 삭제 예정',
  trash_empty: '휴지통이 비어 있습니다.',
  trash_help: '버린 기사는 30일 동안 여기 있다가 영구히 지워집니다. 출고된 적이 있는 기사는 버릴 수 없습니다(철회하세요).',
  trash_more: '{n}건 더 있습니다.',
};
