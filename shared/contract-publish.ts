import { z } from 'zod';
import { ArticleId } from './article';
import { PublishTargetId, PublishTargetInput } from './publish-targets/index';

const IsoTime = z.iso.datetime();

export { PublishTakedown, PublishTargetId, PublishTargetInput, PublishTargetKind } from './publish-targets/index';

/**
 * A publishing target as the renderer sees it: its kind's settings document, never its secret (the
 * WordPress application password, the Ghost Admin API key), only whether one is stored. A stored target
 * this build cannot read (a kind it does not know, settings its kind's schema refuses) is still listed,
 * with `problem` saying why in Korean and empty settings, so the desk can see it and save it again.
 */
export const PublishTarget = z.object({
  id: PublishTargetId,
  kind: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  hasSecret: z.boolean(),
  problem: z.string().nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type PublishTarget = z.infer<typeof PublishTarget>;

/** Why a 연결 시험 failed: 주소 오류, 인증 실패, 권한 부족, 시간 초과, TLS 오류, or an answer that makes no sense. */
export const CheckReason = z.enum(['address', 'auth', 'rights', 'timeout', 'tls', 'answer']);
export type CheckReason = z.infer<typeof CheckReason>;

/** A connection test's answer: a refusal by the site is an answer too, in Korean and without any credential. */
export const TargetCheck = z.object({ ok: z.boolean(), message: z.string(), reason: CheckReason.optional() });
export type TargetCheck = z.infer<typeof TargetCheck>;

/** 'withdrawn': a withdrawn story taken down (WordPress or Ghost post set to draft or trashed/deleted, bundle folder removed). */
export const PublishResult = z.enum(['published', 'updated', 'scheduled', 'exported', 'failed', 'withdrawn']);
export type PublishResult = z.infer<typeof PublishResult>;

/** One publishing attempt, as the per-story log keeps it. */
export const PublishAttempt = z.object({
  id: z.number().int().min(1),
  articleId: ArticleId,
  targetId: PublishTargetId,
  targetName: z.string(),
  /** The story version that was sent. */
  version: z.number().int().min(1),
  at: IsoTime,
  result: PublishResult,
  remoteId: z.string().nullable(),
  remoteUrl: z.string().nullable(),
  /** For a failure: what went wrong, in Korean, without any credential. */
  error: z.string().nullable(),
  /** Requests tried, retries included. */
  tries: z.number().int().min(0),
});
export type PublishAttempt = z.infer<typeof PublishAttempt>;

/** More than a day's output of a large agency; a bigger job is split by the desk. */
export const MAX_BATCH_STORIES = 1_000;

export const PublishBatchId = z.string().regex(/^[\w-]{8,64}$/);

export const PublishBatchState = z.enum(['running', 'finished', 'cancelled']);
export type PublishBatchState = z.infer<typeof PublishBatchState>;

/** Where a batch of stories being published stands: after each story, and once at the end. */
export const PublishProgress = z.object({
  batchId: PublishBatchId,
  targetId: PublishTargetId,
  state: PublishBatchState,
  total: z.number().int().min(0),
  done: z.number().int().min(0),
  succeeded: z.number().int().min(0),
  failed: z.number().int().min(0),
  /** The story just finished and its attempt, or its refusal when the service would not try it. */
  last: z
    .object({
      articleId: ArticleId,
      headline: z.string(),
      attempt: PublishAttempt.nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type PublishProgress = z.infer<typeof PublishProgress>;

/** Publishing: targets (WordPress sites, Ghost sites, HTML bundle folders), a run per story and target, and the per-story log. */
export const publishMethods = {
  'publish.targets': {
    input: z.strictObject({}),
    output: z.array(PublishTarget),
  },
  'publish.saveTarget': {
    input: PublishTargetInput,
    output: PublishTarget,
  },
  /** Whether a saved target can be reached with what is stored for it: the site and account it answers as, or why not. Nothing is published. */
  'publish.testTarget': {
    input: z.strictObject({ targetId: PublishTargetId }),
    output: TargetCheck,
  },
  /**
   * Sends the story to the target. For a story in state withdrawn, takes it down there instead (the
   * target's takedown choice; a bundle's folder is removed) and logs a 'withdrawn' attempt.
   */
  /**
   * 연결 시험 of a target as typed, before it is saved: the address, the credentials and their rights,
   * answered in Korean. Without a typed secret, an edited target's stored one is used while the address
   * (and user) it was typed for stay the same. Nothing is published or stored.
   */
  'publish.checkTarget': {
    input: PublishTargetInput,
    output: TargetCheck,
  },
  'publish.run': {
    input: z.strictObject({ articleId: ArticleId, targetId: PublishTargetId }),
    output: PublishAttempt,
  },
  /**
   * Takes a withdrawn story down from a target (WordPress, Ghost: the target's choice, draft or trash; HTML
   * bundle: its folder removed), logged as a 'withdrawn' attempt. Only for a story in state withdrawn,
   * only by the editor-in-chief or a desk editor of its section. publish.run on a withdrawn story does the same.
   */
  'publish.takedown': {
    input: z.strictObject({ articleId: ArticleId, targetId: PublishTargetId }),
    output: PublishAttempt,
  },
  'publish.log': {
    input: z.strictObject({ articleId: ArticleId }),
    output: z.array(PublishAttempt),
  },
  /**
   * Publishes many stories to one target, one after another, each as publish.run would. Answers at once;
   * progress arrives as 'publish.progress' events after each story and once at the end.
   */
  'publish.batch': {
    input: z.strictObject({ articleIds: z.array(ArticleId).min(1).max(MAX_BATCH_STORIES), targetId: PublishTargetId }),
    output: PublishProgress,
  },
  /** Stops a batch before its next story; the story already being sent finishes and is logged. */
  'publish.cancel': {
    input: z.strictObject({ batchId: PublishBatchId }),
    output: PublishProgress,
  },
  /** Batches still running, for a window that opens while one is under way. */
  'publish.batches': {
    input: z.strictObject({}),
    output: z.array(PublishProgress),
  },
} as const;
