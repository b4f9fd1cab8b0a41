import { z } from 'zod';

/**
 * Where stories live, as chosen in 환경설정: this machine's SQLite file (the default for one machine) or
 * the newsroom's shared PostgreSQL. The server is described field by field, as pgAdmin, DBeaver and the
 * DB admin's own notes do (서버 주소, 포트, 데이터베이스, 사용자): a newsroom admin hands those out, not
 * URIs, and separate fields leave no connection string for a password to hide in. The password is not
 * part of this: it travels only into storage.save / storage.test and is kept sealed by the main process.
 */
export const StorageEngine = z.enum(['sqlite', 'postgres']);
export type StorageEngine = z.infer<typeof StorageEngine>;

/**
 * libpq's names. disable: plain TCP (a trusted office network); require: encrypted, the certificate not
 * checked (a self-signed server); verify-full: encrypted and the certificate checked against the host name.
 */
export const SslMode = z.enum(['disable', 'require', 'verify-full']);
export type SslMode = z.infer<typeof SslMode>;

/** The migration runner's rule for schema names (electron/db/postgres/pg-database.ts). */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A DNS name, IPv4 or IPv6 address: nothing that could close the host part of a URL (@ / ? # space). */
const Host = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .max(253)
    .regex(/^[A-Za-z0-9._:-]+$/, '서버 주소에는 영문, 숫자, 점, 하이픈, 콜론만 쓸 수 있습니다 (예: db.newsroom.local, 10.0.0.5)'),
]);
/** PostgreSQL names are at most 63 bytes; '/', '?', '#' and '%' would change the meaning of the address. */
const PgName = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .max(63)
    .regex(/^[^\s/?#%\\@:]+$/, '이름에 공백이나 / ? # % @ : 기호를 쓸 수 없습니다'),
]);

export const PostgresServer = z.strictObject({
  host: Host,
  port: z.number().int().min(1).max(65_535),
  database: PgName,
  user: PgName,
  /** Empty: PostgreSQL's default (public). A newsroom may keep desks or test data apart in schemas. */
  schema: z.union([z.literal(''), z.string().trim().regex(SCHEMA_NAME, '스키마 이름은 영문 소문자, 숫자, 밑줄만 쓸 수 있습니다')]),
  sslmode: SslMode,
});
export type PostgresServer = z.infer<typeof PostgresServer>;

/**
 * The saved choice without the password. The PostgreSQL fields are kept while SQLite is chosen, so that
 * switching back does not mean typing the server in again.
 */
export const StorageSettings = z.strictObject({
  engine: StorageEngine,
  postgres: PostgresServer,
});
export type StorageSettings = z.infer<typeof StorageSettings>;

export const DEFAULT_STORAGE_SETTINGS: StorageSettings = {
  engine: 'sqlite',
  postgres: { host: '', port: 5432, database: 'byline', user: '', schema: '', sslmode: 'require' },
};

/** What a PostgreSQL choice cannot do without (the password may be absent: trust or peer authentication). */
export function missingServerFields(server: PostgresServer): Array<'host' | 'database' | 'user'> {
  return (['host', 'database', 'user'] as const).filter((key) => server[key] === '');
}

/** Write-only: at most what a password manager generates; absent or empty keeps the stored one. */
export const StoragePassword = z.string().max(200);

/** host:port/database as people read it, never the password (the same form as describeServer). */
export function serverLabel(server: Pick<PostgresServer, 'host' | 'port' | 'database'>): string {
  return `${server.host}:${server.port}/${server.database}`;
}

/**
 * Whether a stored password still belongs to the server typed in: it is bound to the account it was
 * given for (host, port, user). Otherwise a changed address would carry the newsroom's password to
 * whatever server was typed, which could ask for it in clear text.
 */
export function sameAccount(a: Pick<PostgresServer, 'host' | 'port' | 'user'>, b: Pick<PostgresServer, 'host' | 'port' | 'user'>): boolean {
  return a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.user === b.user;
}
