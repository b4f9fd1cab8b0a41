import type { WorkflowEvent } from '../../../shared/contract-workflow';

/** Two versions of a story to compare; `after` null means the story as it stands now. */
export interface ReviewPair {
  before: number | null;
  after: number | null;
  /** Why this pair: the last return and the filing after it, or the filing alone. */
  kind: 'returned' | 'submitted' | 'none';
  returned?: number;
  resubmitted?: number;
}

/**
 * What the desk compares by default. After a return and a fix, the filed version is the fixed one, so
 * "filed against now" shows nothing the reporter changed; the desk wants what it returned against what
 * came back (and what it edited since). Hence: the version the story had at the last return before the
 * last filing, when there is one; else the last filing; then the story as it stands.
 */
export function defaultPair(events: readonly WorkflowEvent[], submittedVersion: number | null): ReviewPair {
  const lastSubmit = events.findLastIndex((e) => e.action === 'submit');
  const lastReturn = lastSubmit < 0 ? -1 : events.slice(0, lastSubmit).findLastIndex((e) => e.action === 'return');
  if (lastReturn >= 0) {
    const returned = events[lastReturn]!.version;
    return { before: returned, after: null, kind: 'returned', returned, resubmitted: events[lastSubmit]!.version };
  }
  const submitted = submittedVersion ?? (lastSubmit >= 0 ? events[lastSubmit]!.version : null);
  return submitted === null ? { before: null, after: null, kind: 'none' } : { before: submitted, after: null, kind: 'submitted' };
}

/** The moves made at each version, for naming versions in the picker (v5 · 반려). */
export function movesByVersion(events: readonly WorkflowEvent[]): Map<number, WorkflowEvent['action'][]> {
  const out = new Map<number, WorkflowEvent['action'][]>();
  for (const e of events) out.set(e.version, [...(out.get(e.version) ?? []), e.action]);
  return out;
}
