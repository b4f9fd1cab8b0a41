import type { ArticleState } from '../../shared/article';
import type { QueueCounts, QueueItem } from '../../shared/contract-workflow';
import { AppError } from '../../shared/errors';
import type { Profile } from '../../shared/profiles';
import type { DeskQueueName, QueueSort } from '../../shared/workflow';
import { unknownProfile } from './workflow-facts';
import type { WorkflowStore } from './workflow-store';

/* The desk's queue listings and counts: read-only, so they need only the store. */

export interface QueueInput {
  actorId?: string;
  queue: DeskQueueName;
  section?: string;
  coveredOnly: boolean;
  state?: ArticleState;
  sort: QueueSort;
  limit: number;
  offset: number;
}

export class WorkflowQueues {
  constructor(private readonly store: WorkflowStore) {}

  private async filter(input: {
    actorId?: string;
    section?: string;
    coveredOnly: boolean;
  }): Promise<{ actor?: Profile; section?: string; sections?: readonly string[] }> {
    const actor = input.actorId === undefined ? undefined : await this.store.read.profile(input.actorId);
    if (input.actorId !== undefined && !actor) throw unknownProfile();
    if (input.coveredOnly && !actor) throw new AppError('VALIDATION', '내 섹션만 보려면 프로필을 골라야 합니다.');
    // The editor-in-chief covers every section.
    const sections = input.coveredOnly && actor && actor.role !== 'chief' ? actor.sections : undefined;
    return { actor, section: input.section, sections };
  }

  async queue(input: QueueInput): Promise<{ items: QueueItem[]; total: number; counts: QueueCounts }> {
    const f = await this.filter(input);
    if (input.queue === 'mine' && !f.actor) throw new AppError('VALIDATION', '내 기사 목록은 프로필을 고른 뒤 볼 수 있습니다.');
    const page = await this.store.read.queue({
      queue: input.queue,
      state: input.state,
      section: f.section,
      sections: f.sections,
      ownerId: input.queue === 'mine' ? f.actor!.id : undefined,
      sort: input.sort,
      limit: input.limit,
      offset: input.offset,
    });
    return { ...page, counts: await this.store.read.counts({ section: f.section, sections: f.sections }, f.actor?.id) };
  }

  async counts(input: { actorId?: string; section?: string; coveredOnly: boolean }): Promise<QueueCounts> {
    const f = await this.filter(input);
    return this.store.read.counts({ section: f.section, sections: f.sections }, f.actor?.id);
  }
}
