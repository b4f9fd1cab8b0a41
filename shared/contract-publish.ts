import { z } from 'zod';
import { ArticleId } from './article';
import { isRefusedHost, LINK_LOCAL_MESSAGE } from './link-local';
import { ProfileId } from './profiles';

const IsoTime = z.iso.datetime();

export const PublishTargetKind = z.enum(['wordpress', 'html-bundle', 'ghost']);
export type PublishTargetKind = z.infer<typeof PublishTargetKind>;

/** What taking a withdrawn story down does on a WordPress or Ghost target: unpublish it (draft) or move it to the site's trash (Ghost: delete it). */
export const PublishTakedown = z.enum(['draft', 'trash']);
export type PublishTakedown = z.infer<typeof PublishTakedown>;

export const PublishTargetId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** An http(s) address without a user name or password in it (credentials travel in headers, never in URLs), never link-local (shared/link-local.ts). */
const WebAddress = z
  .string()
  .trim()
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'http:// 또는 https:// 로 시작하는 주소를 쓰세요 (주소에 계정 정보를 넣지 마세요)')
  .refine((s) => {
    try {
      return !isRefusedHost(new URL(s).hostname);
    } catch {
      return true; // the refinement above already said what is wrong
    }
  }, LINK_LOCAL_MESSAGE);

/** A Ghost Admin API key as Ghost shows it under 설정 → 통합: "<24 hex>:<64 hex>". */
export const GHOST_ADMIN_KEY_PATTERN = /^[0-9a-f]{24}:[0-9a-f]{64}$/;

/** A folder name under the data folder's exports/: a name, never a path. */
const FolderName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.-]+$/, '폴더 이름은 영문, 숫자, 점, 하이픈, 밑줄만 쓸 수 있습니다')
  .refine((s) => s !== '.' && s !== '..', '폴더 이름이 올바르지 않습니다');

/**
 * A publishing target as the renderer sees it. The WordPress application password and the Ghost Admin
 * API key are write-only: a target says whether one is stored, never what it is.
 */
export const PublishTarget = z.object({
  id: PublishTargetId,
  kind: PublishTargetKind,
  name: z.string(),
  /** WordPress, Ghost: the site's address. HTML bundle: the address the bundles will be served from (ninjs hrefs use it). */
  url: z.string(),
  /** WordPress user name; empty for a bundle. */
  username: z.string(),
  /** HTML bundle: the folder under <data>/exports/; empty for WordPress and Ghost. */
  folder: z.string(),
  hasPassword: z.boolean(),
  /** WordPress, Ghost: what a takedown (of a withdrawn story) does; a bundle's folder is always removed. */
  takedown: PublishTakedown,
  /** Whether a corrected story's title goes out as "[정정보도] …" on this target. */
  correctionPrefix: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type PublishTarget = z.infer<typeof PublishTarget>;

export const PublishTargetInput = z
  .strictObject({
    /** Absent: a new target. */
    id: PublishTargetId.optional(),
    kind: PublishTargetKind,
    name: z.string().trim().min(1).max(100),
    url: WebAddress,
    username: z.string().trim().max(100).default(''),
    folder: z.union([z.literal(''), FolderName]).default(''),
    /**
     * Write-only. Absent: keep the stored one. WordPress: the application password (24 characters, shown
     * in groups of four). Ghost: the Admin API key of a Custom Integration.
     */
    password: z.string().min(1).max(200).optional(),
    /** Absent: keep the stored choice ('draft' for a new target). */
    takedown: PublishTakedown.optional(),
    /** Absent: keep the stored choice (off for a new target). */
    correctionPrefix: z.boolean().optional(),
  })
  .superRefine((t, ctx) => {
    // A Content API key or a half-copied key would only fail later, at the first publish, as a 401.
    if (t.kind === 'ghost' && t.password !== undefined && !GHOST_ADMIN_KEY_PATTERN.test(t.password.trim())) {
      ctx.addIssue({
        code: 'custom',
        path: ['password'],
        message:
          'Ghost Admin API 키는 "영문·숫자 24자:영문·숫자 64자" 모양입니다. Ghost 관리 화면 → 설정 → 통합에서 Admin API 키를 통째로 복사해 붙여 넣으세요 (Content API 키가 아닙니다).',
      });
    }
  });
export type PublishTargetInput = z.infer<typeof PublishTargetInput>;

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
  /**
   * Sends the story to the target. For a story in state withdrawn, takes it down there instead (the
   * target's takedown choice; a bundle's folder is removed) and logs a 'withdrawn' attempt.
   */
  'publish.run': {
    input: z.strictObject({ articleId: ArticleId, targetId: PublishTargetId, actorId: ProfileId }),
    output: PublishAttempt,
  },
  /**
   * Takes a withdrawn story down from a target (WordPress, Ghost: the target's choice, draft or trash; HTML
   * bundle: its folder removed), logged as a 'withdrawn' attempt. Only for a story in state withdrawn,
   * only by the editor-in-chief or a desk editor of its section. publish.run on a withdrawn story does the same.
   */
  'publish.takedown': {
    input: z.strictObject({ articleId: ArticleId, targetId: PublishTargetId, actorId: ProfileId }),
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
    input: z.strictObject({ articleIds: z.array(ArticleId).min(1).max(MAX_BATCH_STORIES), targetId: PublishTargetId, actorId: ProfileId }),
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
