import { z } from 'zod';
import { Article, ArticleFields, ArticleId, ArticleSummary, Revision, RevisionSummary } from './article';
import type { CallContext } from './call-context';
import { accountMethods } from './contract-accounts';
import { duplicateMethods } from './contract-duplicates';
import { newsroomMethods } from './contract-newsroom';
import { outboxMethods } from './contract-outbox';
import { importMethods } from './contract-import';
import { mediaMethods } from './contract-media';
import { notificationMethods } from './contract-notifications';
import { publishMethods } from './contract-publish';
import { spellingMethods } from './contract-spelling';
import { storageMethods } from './contract-storage';
import { threadMethods } from './contract-threads';
import { trashMethods } from './contract-trash';
import { workflowMethods } from './contract-workflow';
import { SearchQuery, SearchResult } from './search';
import { Settings, SettingsPatch } from './settings';

export { type ApiError, type Result } from './errors';

const Version = z.number().int().min(1);

const BackupInfo = z.object({ name: z.string(), bytes: z.number().int().min(0), createdAt: z.iso.datetime() });
/** A backup's file name only: never a path. */
const BackupName = z
  .string()
  .max(100)
  .regex(/^[\w.-]+$/, '백업 파일 이름만 쓸 수 있습니다');

/** A method: its input and output schemas, and the input field (if any) that carries raw file bytes. */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  binary?: string;
}

/**
 * The one table of what the renderer may ask of the main process. IPC, web mode and both renderer
 * clients are built from it; no other place names a channel.
 */
export const contract = {
  'articles.create': {
    input: z.strictObject({ headline: z.string().max(300).optional(), section: z.string().max(50).optional() }),
    output: Article,
  },
  'articles.get': {
    input: z.strictObject({ id: ArticleId }),
    output: Article,
  },
  'articles.list': {
    input: z.strictObject({
      includeArchived: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
    output: z.object({ items: z.array(ArticleSummary), total: z.number().int().min(0) }),
  },
  'articles.save': {
    input: z.strictObject({ id: ArticleId, baseVersion: Version, fields: ArticleFields }),
    output: Article,
  },
  'articles.archive': {
    input: z.strictObject({ id: ArticleId, baseVersion: Version, archived: z.boolean().default(true) }),
    output: Article,
  },
  'articles.revisions': {
    input: z.strictObject({ id: ArticleId }),
    output: z.array(RevisionSummary),
  },
  'articles.revision': {
    input: z.strictObject({ id: ArticleId, version: Version }),
    output: Revision,
  },
  'search.query': {
    input: SearchQuery,
    output: SearchResult,
  },
  'backup.list': {
    input: z.strictObject({}),
    output: z.array(BackupInfo),
  },
  'backup.create': {
    input: z.strictObject({}),
    output: BackupInfo,
  },
  'backup.restore': {
    input: z.strictObject({ name: BackupName }),
    output: z.object({ restored: BackupInfo, safety: BackupInfo }),
  },
  'settings.get': {
    input: z.strictObject({}),
    output: Settings,
  },
  'settings.set': {
    input: SettingsPatch,
    output: Settings,
  },
  ...mediaMethods,
  ...workflowMethods,
  ...importMethods,
  ...publishMethods,
  ...storageMethods,
  ...newsroomMethods,
  ...outboxMethods,
  ...accountMethods,
  ...duplicateMethods,
  ...trashMethods,
  ...threadMethods,
  ...notificationMethods,
  ...spellingMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The input field that carries raw bytes, for methods that take a file. */
export function binaryFieldOf(method: Method): string | undefined {
  return (contract[method] as MethodSpec).binary;
}

/** The IPC channel of a method. */
export function channelOf(method: Method): string {
  return `byline:${method}`;
}

/** The web-mode route of a method. */
export function routeOf(method: Method): string {
  return `/api/${method}`;
}

/** The shape preload exposes as `window.byline`: one function per method, never throwing. */
export type BylineBridge = { [M in Method]: (input: Input<M>, context?: CallContext) => Promise<import('./errors').Result<Output<M>>> };
