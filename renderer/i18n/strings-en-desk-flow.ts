import type { koDeskFlow } from './strings-ko-desk-flow';

/** The desk's one-screen decisions, one-action publishing and the editor's credit labels, in English; the keys are Korean's. */
export const enDeskFlow: Record<keyof typeof koDeskFlow, string> = {
  deskFlow_keyHint: 'Keys: S start review · A approve · R return (not while typing)',
  deskFlow_returnReasonNeeded: 'Write the reason, then press Return.',
  deskFlow_defaultTarget: 'Default target',
  deskFlow_publishTargets: 'Publish to',
  deskFlow_publishAll: 'Publish ({n})',
  deskFlow_noTargetPicked: 'Pick at least one target.',
  deskFlow_success: 'Succeeded',
  deskFlow_failure: 'Failed',
  deskFlow_results: 'Results',
  deskFlow_creditLabel: 'Lead credit added on publishing',
  deskFlow_closingLabel: 'Closing lines added on publishing',
  deskFlow_typedCredit: 'The body starts with a credit typed by hand, "{credit}". Publishing adds the credit itself, so it would appear twice.',
  deskFlow_removeTypedCredit: 'Remove',
  deskFlow_batchTargets: 'Publish the batch to',
};
