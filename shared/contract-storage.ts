import { z } from 'zod';
import { missingServerFields, PostgresServer, StorageEngine, StoragePassword, StorageSettings } from './storage-settings';

/**
 * What chose the engine running now: BYLINE_DATABASE_URL (which wins), the saved setting, nothing (SQLite),
 * or 'fallback': the saved server could not be reached at start and the person chose, for this run only,
 * to open this machine's SQLite (to fix the setting, say).
 */
export const StorageSource = z.enum(['env', 'settings', 'default', 'fallback']);
export type StorageSource = z.infer<typeof StorageSource>;

/** The storage setting as the renderer sees it: the password is write-only, said to be stored or not, never shown. */
export const StorageStatus = z.object({
  saved: StorageSettings,
  hasPassword: z.boolean(),
  running: z.object({
    engine: StorageEngine,
    /** host:port/database of the PostgreSQL in use; null on SQLite. */
    server: z.string().nullable(),
    source: StorageSource,
  }),
  /** The saved choice differs from the one running: it applies when Byline starts again. */
  restartPending: z.boolean(),
});
export type StorageStatus = z.infer<typeof StorageStatus>;

const requireServer = (value: { engine?: StorageEngine; postgres: PostgresServer }, ctx: z.RefinementCtx) => {
  if (value.engine === 'sqlite') return;
  for (const key of missingServerFields(value.postgres)) {
    ctx.addIssue({ code: 'custom', path: ['postgres', key], message: '공유 데이터베이스를 쓰려면 서버 주소, 데이터베이스, 사용자를 모두 적으세요' });
  }
};

export const StorageSaveInput = z
  .strictObject({
    engine: StorageEngine,
    postgres: PostgresServer,
    /** Write-only. Absent or empty: keep the stored one. */
    password: StoragePassword.optional(),
    /** Removes the stored password (a server that trusts this machine needs none). */
    forgetPassword: z.boolean().optional(),
  })
  .superRefine(requireServer);
export type StorageSaveInput = z.infer<typeof StorageSaveInput>;

export const StorageTestInput = z
  .strictObject({
    postgres: PostgresServer,
    /** Absent or empty: try the stored one. */
    password: StoragePassword.optional(),
  })
  .superRefine(requireServer);
export type StorageTestInput = z.infer<typeof StorageTestInput>;

/** A connection attempt, said in words (Korean): why it failed, or what was found. */
export const StorageTestResult = z.object({
  ok: z.boolean(),
  server: z.string(),
  message: z.string(),
});
export type StorageTestResult = z.infer<typeof StorageTestResult>;

/**
 * The storage engine (this machine's SQLite or the newsroom's PostgreSQL). A saved choice applies at the
 * next start; switching engines does not move stories between them.
 */
export const storageMethods = {
  'storage.get': {
    input: z.strictObject({}),
    output: StorageStatus,
  },
  'storage.save': {
    input: StorageSaveInput,
    output: StorageStatus,
  },
  /** Tries the server with a short timeout; nothing is saved or created there. */
  'storage.test': {
    input: StorageTestInput,
    output: StorageTestResult,
  },
} as const;
