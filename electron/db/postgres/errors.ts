/**
 * PostgreSQL and network failures as the StorageError a person can act on, in the words database.ts
 * uses for SQLite. Anything else (a constraint, a syntax error) is left as pg raised it: a bug or a rule
 * the service turns into its own error, exactly as with SQLite.
 */
import { StorageError, type StorageReason } from '../storage-error';

const NOTHING_LOST = '이번 변경은 저장되지 않았고, 마지막으로 저장된 버전은 그대로 있습니다.';

/** Socket-level failures: the server is down, unreachable or dropped the connection. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);

/** What node-postgres says, without a code, when a connection dies or cannot be had in time. */
const NETWORK_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection ended unexpectedly/i,
  /Client was closed/i,
];

/** SQLSTATEs: https://www.postgresql.org/docs/current/errcodes-appendix.html */
const SQLSTATE: Record<string, { reason: StorageReason; message: string }> = {
  '53100': { reason: 'FULL', message: `데이터베이스 서버의 디스크가 가득 차 저장하지 못했습니다. 서버 관리자에게 알리세요. ${NOTHING_LOST}` },
  '25006': {
    reason: 'READONLY',
    message: `데이터베이스 서버가 읽기 전용(대기 서버)이라 저장하지 못했습니다. 접속 주소가 주 서버인지 확인하세요. ${NOTHING_LOST}`,
  },
  '58030': { reason: 'IO', message: `데이터베이스 서버의 디스크 읽기·쓰기 오류로 작업을 마치지 못했습니다. 서버 관리자에게 알리세요. ${NOTHING_LOST}` },
  '28P01': { reason: 'UNAVAILABLE', message: '데이터베이스 서버가 사용자 이름이나 비밀번호를 받아들이지 않았습니다. 설정의 접속 주소를 확인하세요.' },
  '28000': {
    reason: 'UNAVAILABLE',
    message: '데이터베이스 서버가 이 컴퓨터의 접속을 허용하지 않았습니다. 서버 관리자에게 접속 허용(pg_hba.conf)을 요청하세요.',
  },
  '3D000': { reason: 'UNAVAILABLE', message: '설정의 접속 주소에 적힌 데이터베이스가 서버에 없습니다. 데이터베이스 이름을 확인하세요.' },
  '53300': { reason: 'UNAVAILABLE', message: `데이터베이스 서버의 동시 접속이 가득 찼습니다. 잠시 뒤 다시 시도하세요. ${NOTHING_LOST}` },
};

const sqlState = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** The connection to the server failed or was lost (not a problem with the statement). */
export function isConnectionFailure(err: unknown): boolean {
  if (err instanceof StorageError) return err.reason === 'UNAVAILABLE';
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  const state = sqlState(err);
  // Class 08: connection exception; 57P01–57P03: the server shut down, crashed or is still starting.
  if (state && (state.startsWith('08') || state === '57P01' || state === '57P02' || state === '57P03')) return true;
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' && NETWORK_MESSAGES.some((m) => m.test(message));
}

/** Two transactions touched the same rows in an order SERIALIZABLE cannot allow, or deadlocked: run it again. */
export function isRetryable(err: unknown): boolean {
  const state = sqlState(err);
  return state === '40001' || state === '40P01';
}

export function unavailable(server: string, cause: unknown, outcomeUnknown = false): StorageError {
  const tail = outcomeUnknown ? '저장이 끝났는지 확인하지 못했습니다. 연결이 돌아오면 기사를 다시 열어 마지막 버전을 확인하세요.' : NOTHING_LOST;
  return new StorageError(
    'UNAVAILABLE',
    `공유 데이터베이스 서버(${server})에 연결할 수 없어 작업을 마치지 못했습니다. 네트워크와 서버 상태를 확인하세요. ${tail}`,
    { cause },
  );
}

/** A failure the person must read, or undefined for one that stays a bug (INTERNAL). */
export function pgStorageFailure(err: unknown, server: string): StorageError | undefined {
  if (err instanceof StorageError) return err;
  const state = sqlState(err);
  const known = state !== undefined && Object.prototype.hasOwnProperty.call(SQLSTATE, state) ? SQLSTATE[state] : undefined;
  if (known) return new StorageError(known.reason, known.message, { cause: err });
  if (isConnectionFailure(err)) return unavailable(server, err);
  return undefined;
}

export function busy(cause: unknown): StorageError {
  return new StorageError('UNAVAILABLE', `다른 컴퓨터의 작업과 계속 겹쳐 저장하지 못했습니다. 잠시 뒤 다시 시도하세요. ${NOTHING_LOST}`, { cause });
}
