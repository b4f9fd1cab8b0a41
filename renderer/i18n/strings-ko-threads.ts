/** Comment threads: replies, resolve and reopen, and @이름 completion (renderer/views/desk/CommentThread.tsx), in Korean. */
export const koThreads = {
  threads_reply: '답글',
  threads_replyLabel: '이 의견에 답글 쓰기 (@로 사람 부르기)',
  threads_replyPost: '답글 달기',
  threads_reopen: '다시 열기',
  threads_reopenedBy: '다시 엶:',
  threads_replies: '답글 {n}개',
  threads_people: '부를 사람',
  threads_mentionHint: '@ 다음에 이름을 쓰면 부를 사람을 고를 수 있습니다. 위아래 화살표로 고르고 Enter.',
};
