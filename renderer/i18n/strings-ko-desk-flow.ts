/** The desk's one-screen decisions, one-action 출고 and the editor's credit labels (issue 21), in Korean. */
export const koDeskFlow = {
  deskFlow_keyHint: '단축키: S 검토 시작 · A 승인 · R 반려 (입력 중에는 동작하지 않음)',
  deskFlow_returnReasonNeeded: '반려 사유를 적은 뒤 반려하기를 누르세요.',
  deskFlow_defaultTarget: '기본 출고 대상',
  deskFlow_publishTargets: '출고할 곳',
  deskFlow_publishAll: '출고하기 ({n}곳)',
  deskFlow_noTargetPicked: '출고할 곳을 하나 이상 고르세요.',
  deskFlow_success: '성공',
  deskFlow_failure: '실패',
  deskFlow_results: '출고 결과',
  deskFlow_creditLabel: '자동으로 붙는 머리 크레디트',
  deskFlow_closingLabel: '자동으로 붙는 끝줄',
  deskFlow_typedCredit: '본문 첫머리에 직접 적은 크레디트 "{credit}"가 있습니다. 출고할 때 크레디트가 자동으로 붙으니 두 번 나옵니다.',
  deskFlow_removeTypedCredit: '지우기',
  deskFlow_batchTargets: '일괄 출고할 곳',
};
