import type { ArticleWorkflow } from '../../../shared/contract-workflow';
import type { Profile } from '../../../shared/profiles';
import { coversSection, TRANSITIONS } from '../../../shared/workflow';

/**
 * Why a desk editor sees no desk move (검토 시작, 승인, 반려, 출고…) on a story that is waiting for one:
 * its section is not theirs. Null when the section is theirs, the story waits for no desk move, or the
 * profile is not a desk editor (a reporter expects none; the editor-in-chief covers every section).
 */
export function sectionRefusal(actor: Profile | null, status: ArticleWorkflow | null): { section: string; mine: string } | null {
  if (!actor || !status || actor.role !== 'desk' || coversSection(actor, status.section)) return null;
  const waitsForDesk = Object.values(TRANSITIONS).some((t) => t.relation === 'desk' && t.roles.includes('desk') && t.from.includes(status.state));
  return waitsForDesk ? { section: status.section, mine: actor.sections.join(', ') } : null;
}
