/**
 * 연결 시험: one connection to a newsroom server, with a short timeout, that reads and creates nothing,
 * and a failure said in words a newsroom admin can act on (refused, unknown host, wrong password, no
 * such database, timeout, TLS). The start-up refusal uses the same words.
 */
import pg from 'pg';
import { StorageError } from '../storage-error';
import { pgStorageFailure } from './errors';

export interface ProbeTarget {
  /** The connection string, password included: it goes to pg only, never into a message. */
  url: string;
  /** host:port/database, for messages. */
  server: string;
  schema?: string;
  timeoutMs: number;
}

export type ProbeOutcome = { ok: true; message: string } | { ok: false; message: string };

const codeOf = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

const TLS_CERT_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Why a connection to `server` failed, in Korean; `secret` (the password) is cut out of anything quoted. */
export function describeConnectFailure(err: unknown, server: string, secret?: string): string {
  // openPgDatabase hands back its StorageError with pg's error as the cause: classify by the cause.
  const raw = err instanceof StorageError && err.cause !== undefined ? err.cause : err;
  const code = codeOf(raw);
  const host = server.replace(/:\d+\/.*$/, '');
  const message = (raw as { message?: unknown } | null)?.message;
  const text = typeof message === 'string' ? message : String(raw);
  if (code === 'ECONNREFUSED') return `서버(${server})가 연결을 거부했습니다. 서버 주소와 포트가 맞는지, PostgreSQL이 실행 중인지 확인하세요.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `서버 주소 '${host}'을(를) 찾을 수 없습니다. 주소의 철자와 네트워크(사내망, VPN) 연결을 확인하세요.`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return `서버(${server})까지 가는 네트워크 경로가 없습니다. 사내망이나 VPN에 연결되어 있는지 확인하세요.`;
  if (code === 'ETIMEDOUT' || /timeout/i.test(text))
    return `서버(${server})가 제시간에 응답하지 않았습니다. 방화벽이 포트를 막고 있지 않은지, 서버 주소가 맞는지 확인하세요.`;
  if (code === '28P01') return `서버(${server})가 사용자 이름이나 비밀번호를 받아들이지 않았습니다. 비밀번호를 다시 입력하세요.`;
  if (code && TLS_CERT_CODES.has(code))
    return `서버(${server})의 인증서를 확인할 수 없습니다. 사내 인증서라면 암호화를 '암호화(인증서 확인 안 함)'로 두거나 서버 관리자에게 문의하세요.`;
  if (/does not support SSL/i.test(text))
    return `서버(${server})가 암호화(SSL) 연결을 지원하지 않습니다. 사내망이라면 암호화를 '사용 안 함'으로 바꾸거나 서버 관리자에게 문의하세요.`;
  if (/no encryption|SSL off/i.test(text) && code === '28000') return `서버(${server})가 암호화하지 않은 연결을 받지 않습니다. 암호화를 켜세요.`;
  // The rest (no such database, not allowed by pg_hba.conf, server full, too old) in errors.ts's words.
  const known = raw instanceof StorageError ? raw : pgStorageFailure(raw, server);
  if (known && !/^공유 데이터베이스 서버\(/.test(known.message)) return known.message;
  const quoted = secret ? text.split(secret).join('***') : text;
  return `서버(${server})에 연결하지 못했습니다: ${quoted.slice(0, 300)}`;
}

/** The password in a connection string (to keep it out of messages), or undefined. */
export function passwordOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** Connects once, reports the server's version and whether Byline's tables are there yet. */
export async function probePostgres(target: ProbeTarget): Promise<ProbeOutcome> {
  const client = new pg.Client({
    connectionString: target.url,
    connectionTimeoutMillis: target.timeoutMs,
    // A server that accepts the connection and then says nothing is a timeout too.
    query_timeout: target.timeoutMs,
    application_name: 'byline (연결 시험)',
  });
  // A connection the server drops after the answer must not become an uncaught 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const version = (await client.query<{ v: string; n: string }>("SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n"))
      .rows[0];
    if (Number(version?.n ?? 0) < 130000)
      return { ok: false, message: `서버(${target.server})의 PostgreSQL ${version?.v ?? '?'}은(는) 너무 오래되었습니다. 13 이상이 필요합니다.` };
    const schema = target.schema ?? 'public';
    const tables = (
      await client.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'articles'", [schema])
    ).rows[0];
    const found = Number(tables?.n ?? 0) > 0;
    const where = target.schema ? `스키마 ${target.schema}` : '데이터베이스';
    const head = `연결했습니다 (PostgreSQL ${version?.v ?? ''}).`;
    if (!found) return { ok: true, message: `${head} 이 ${where}는 아직 비어 있어, 다음에 시작할 때 바이라인의 표를 만듭니다.` };
    // A user without read rights on the table still connected: the count is a courtesy, not the test.
    const stories = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${pg.escapeIdentifier(schema)}.articles`).then(
      (r) => Number(r.rows[0]?.n ?? 0),
      () => undefined,
    );
    return {
      ok: true,
      message:
        stories === undefined
          ? `${head} 이 ${where}에 바이라인의 표가 있습니다.`
          : `${head} 이 ${where}에 바이라인 기사 ${stories.toLocaleString('ko-KR')}건이 있습니다.`,
    };
  } catch (err) {
    return { ok: false, message: describeConnectFailure(err, target.server, passwordOf(target.url)) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
