import { z } from 'zod';

/**
 * Where 출고 sends a story without asking: the newsroom's default targets, by id. A target deleted
 * since is skipped where the list is read (the ids are not a foreign key; settings outlive targets).
 */
export const PublishDefaults = z.object({
  targetIds: z
    .array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER))
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: '같은 출고 대상이 두 번 들어 있습니다.' }),
});
export type PublishDefaults = z.infer<typeof PublishDefaults>;

export const DEFAULT_PUBLISH_DEFAULTS: PublishDefaults = { targetIds: [] };

/** The default targets that still exist, in the order the targets are listed. */
export function defaultTargetIds(defaults: PublishDefaults, targets: ReadonlyArray<{ id: number }>): number[] {
  const wanted = new Set(defaults.targetIds);
  return targets.filter((t) => wanted.has(t.id)).map((t) => t.id);
}

/** The defaults with one target in or out. */
export function withDefaultTarget(defaults: PublishDefaults, targetId: number, on: boolean): PublishDefaults {
  const rest = defaults.targetIds.filter((id) => id !== targetId);
  return { targetIds: on ? [...rest, targetId] : rest };
}
