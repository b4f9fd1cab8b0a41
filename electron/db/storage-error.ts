import { AppError } from '../../shared/errors';

export type StorageReason = 'CORRUPT' | 'TOO_NEW' | 'UNAVAILABLE' | 'FULL' | 'READONLY' | 'IO';

/** Storage failures a person must read: the file is damaged or from a newer Byline, the disk is full or read-only. */
export class StorageError extends AppError {
  constructor(
    readonly reason: StorageReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('STORAGE', message, { reason });
    this.name = 'StorageError';
    // Kept for the log only: the cause never crosses the contract (toApiError sends code, message, details).
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** Every save is one transaction: when one fails, none of it is stored and the version before it stays. */
const NOTHING_LOST = '이번 변경은 저장되지 않았고, 마지막으로 저장된 버전은 그대로 있습니다.';

const STORAGE_FAILURES: Record<string, { reason: StorageReason; message: string }> = {
  SQLITE_FULL: { reason: 'FULL', message: `디스크 공간이 부족해 저장하지 못했습니다. 공간을 확보한 뒤 다시 저장하세요. ${NOTHING_LOST}` },
  ENOSPC: { reason: 'FULL', message: `디스크 공간이 부족해 작업을 마치지 못했습니다. 공간을 확보한 뒤 다시 시도하세요. ${NOTHING_LOST}` },
  EDQUOT: { reason: 'FULL', message: `디스크 할당량을 넘어 작업을 마치지 못했습니다. 공간을 확보한 뒤 다시 시도하세요. ${NOTHING_LOST}` },
  SQLITE_READONLY: {
    reason: 'READONLY',
    message: `데이터 폴더가 읽기 전용이라 저장하지 못했습니다. 폴더 권한과 디스크 연결 상태를 확인하세요. ${NOTHING_LOST}`,
  },
  EROFS: { reason: 'READONLY', message: `데이터 폴더가 읽기 전용이라 작업을 마치지 못했습니다. 폴더 권한과 디스크 연결 상태를 확인하세요. ${NOTHING_LOST}` },
  EACCES: { reason: 'READONLY', message: `데이터 폴더에 쓸 권한이 없어 작업을 마치지 못했습니다. 폴더 권한을 확인하세요. ${NOTHING_LOST}` },
  EPERM: { reason: 'READONLY', message: `데이터 폴더에 쓸 권한이 없어 작업을 마치지 못했습니다. 폴더 권한을 확인하세요. ${NOTHING_LOST}` },
  SQLITE_CANTOPEN: {
    reason: 'UNAVAILABLE',
    message: `데이터베이스 파일을 열 수 없어 작업을 마치지 못했습니다. 데이터 폴더가 그대로 있고 쓸 수 있는지 확인하세요. ${NOTHING_LOST}`,
  },
  SQLITE_IOERR: { reason: 'IO', message: `디스크 읽기·쓰기 오류로 작업을 마치지 못했습니다. 디스크 상태를 확인하세요. ${NOTHING_LOST}` },
  EIO: { reason: 'IO', message: `디스크 읽기·쓰기 오류로 작업을 마치지 못했습니다. 디스크 상태를 확인하세요. ${NOTHING_LOST}` },
};

/**
 * A failure of the disk under the database (full, read-only, gone, failing) as the StorageError a
 * reporter can act on; undefined for anything else, which stays a bug (INTERNAL). sqlite3 reports
 * SQLITE_* codes, file operations (backups) Node's errno codes.
 */
export function storageFailure(err: unknown): StorageError | undefined {
  if (err instanceof StorageError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' && Object.prototype.hasOwnProperty.call(STORAGE_FAILURES, code) ? STORAGE_FAILURES[code] : undefined;
  return known ? new StorageError(known.reason, known.message, { cause: err }) : undefined;
}
