import { mkdirSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeySecretStore } from '../../electron/host/secret-store';
import type { TargetEnv, TargetOfKind } from '../../electron/publish/target-adapter';
import { TargetRegistry } from '../../electron/publish/targets/registry';
import { PublishTargetInput, PublishTargetKind } from '../../shared/contract-publish';
import { TARGET_KINDS } from '../../shared/publish-targets/index';
import { AppError } from '../../shared/errors';
import { makeTempDir, removeTempDirs } from '../integration/support/temp';

/*
 * The registry of target kinds: every kind the contract allows has its adapter, a kind nobody knows is
 * refused in Korean, each kind's settings checks say what to fix, and a connection test answers
 * (against real HTTP servers on 127.0.0.1 and a real exports folder) without leaking the secret.
 */

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
  removeTempDirs();
});

const NO_RETRY = { timeoutMs: 2_000, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } };

function env(): TargetEnv & { secrets: FileKeySecretStore } {
  const dir = makeTempDir('byline-registry-');
  return {
    secrets: new FileKeySecretStore(path.join(dir, 'secret.key')),
    exportsDir: path.join(dir, 'exports'),
    mediaDir: path.join(dir, 'media'),
    wordpress: NO_RETRY,
    ghost: NO_RETRY,
  };
}

const SETTINGS = {
  wordpress: { url: 'https://news.example/', username: '', takedown: 'draft', correctionPrefix: false },
  ghost: { url: 'https://news.example/', takedown: 'draft', correctionPrefix: false },
  'html-bundle': { url: 'https://news.example/', folder: '', correctionPrefix: false },
} as const;

/** A stored target as the repository hands it over; `settings` overrides the kind's defaults here. */
function target<K extends keyof typeof SETTINGS>(kind: K, extra: { settings?: Record<string, unknown>; secretSealed?: string } = {}): TargetOfKind<K> {
  return {
    id: 1,
    kind,
    name: '대상',
    settings: { ...SETTINGS[kind], ...extra.settings },
    secretSealed: extra.secretSealed ?? null,
    createdAt: '2025-09-24T01:00:00.000Z',
    updatedAt: '2025-09-24T01:00:00.000Z',
  } as unknown as TargetOfKind<K>;
}

/** A real HTTP server answering every request with `status` and `body`. */
async function site(status: number, body: unknown): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('not refused');
}

/** The first message the contract's parse of a save gives, as dispatch would pass it on. */
const refusedBy = (raw: Record<string, unknown>) => {
  const r = PublishTargetInput.safeParse({ name: '대상', ...raw });
  return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the publish target registry', () => {
  it('has an adapter for every kind of the contract, each of its own kind, and no other', () => {
    const registry = new TargetRegistry(env());
    for (const kind of PublishTargetKind.options) expect(registry.adapter(kind).kind).toBe(kind);
    expect(registry.kinds().sort()).toEqual([...PublishTargetKind.options].sort());
  });

  it('refuses a kind it does not know in Korean, naming it cut short, and lists the kinds it has', () => {
    const registry = new TargetRegistry(env());
    const err = refusal(() => registry.adapter('medium'));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('‘medium’ 종류의 출고 대상을 다룰 수 없습니다');
    expect(err.message).toContain('워드프레스, Ghost, HTML 묶음');
    const long = refusal(() => registry.adapter(`x${'<script>'.repeat(50)}`));
    expect(long.details).toEqual({ kind: `x${'<script>'.repeat(50)}`.slice(0, 40) });
    for (const odd of ['', '__proto__', 'constructor', 'toString']) expect(refusal(() => registry.adapter(odd)).code).toBe('VALIDATION');
  });

  it('checks each kind’s settings by its schema with the messages the desk has always had', () => {
    const url = 'https://news.example/';
    expect(refusedBy({ kind: 'wordpress', settings: { url, username: '  ' }, secret: 'abcd efgh' })).toEqual([
      'settings.username: 워드프레스 사용자 이름을 쓰세요.',
    ]);
    expect(refusedBy({ kind: 'wordpress', settings: { url, username: 'desk' }, secret: '  ' })).toEqual(['secret: 워드프레스 애플리케이션 비밀번호를 쓰세요.']);
    expect(PublishTargetInput.parse({ id: 3, kind: 'wordpress', name: '대상', settings: { url, username: ' desk ' } })).toEqual({
      id: 3,
      kind: 'wordpress',
      name: '대상',
      settings: { url, username: 'desk', takedown: 'draft', correctionPrefix: false },
    });
    expect(refusedBy({ kind: 'wordpress', settings: { url, username: 'desk', folder: 'x' } })?.[0]).toMatch(/^settings: /);
    expect(refusedBy({ kind: 'ghost', settings: { url }, secret: 'content-api-key' })?.[0]).toContain(
      'Ghost Admin API 키는 "영문·숫자 24자:영문·숫자 64자" 모양입니다',
    );
    expect(refusedBy({ kind: 'html-bundle', settings: { url, folder: ' ' } })).toEqual(['settings.folder: HTML 묶음을 저장할 폴더 이름을 쓰세요.']);
    expect(refusedBy({ kind: 'html-bundle', settings: { url, folder: 'portal' }, secret: 'x' })).toEqual(['secret: HTML 묶음 대상에는 비밀번호가 없습니다.']);
    expect(refusedBy({ kind: 'html-bundle', settings: { url, folder: 'portal', takedown: 'trash' } })?.[0]).toMatch(/^settings: /);
  });

  it('every kind’s form names each of its settings once, in the order drawn, and its secret only if it has one', () => {
    for (const spec of TARGET_KINDS) {
      const keys = spec.fields.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.filter((k) => k !== 'secret').sort()).toEqual(Object.keys(spec.settings.shape).sort());
      expect(keys.includes('secret')).toBe(spec.secret !== null);
      for (const f of spec.fields) expect(f.label.ko.length * f.label.en.length).toBeGreaterThan(0);
    }
  });
});

describe('a connection test', () => {
  it('a bundle folder is fine under exports, and refused when it is a link elsewhere or not a name', async () => {
    const e = env();
    const bundle = new TargetRegistry(e).adapter('html-bundle');
    expect(await bundle.testConnection(target('html-bundle', { settings: { folder: 'portal' } }))).toMatchObject({ ok: true });
    const elsewhere = makeTempDir('byline-elsewhere-');
    mkdirSync(e.exportsDir, { recursive: true });
    symlinkSync(elsewhere, path.join(e.exportsDir, 'linked'));
    const linked = await bundle.testConnection(target('html-bundle', { settings: { folder: 'linked' } }));
    expect(linked.ok).toBe(false);
    expect(linked.message).toContain('다른 곳을 가리키는 링크입니다');
    expect((await bundle.testConnection(target('html-bundle', { settings: { folder: '..' } }))).ok).toBe(false);
  });

  it('WordPress: an account that may publish passes; a refusal is answered in Korean without the password', async () => {
    const e = env();
    const wp = new TargetRegistry(e).adapter('wordpress');
    const password = 'abcd EFGH ijkl MNOP qrst UVWX';
    await expect(wp.testConnection(target('wordpress', { settings: { username: 'desk' } }))).rejects.toThrow('애플리케이션 비밀번호가 저장되어 있지 않습니다');
    const good = await site(200, { capabilities: { publish_posts: true, upload_files: true, manage_categories: true } });
    expect(await wp.testConnection(target('wordpress', { settings: { url: good, username: 'desk' }, secretSealed: e.secrets.seal(password) }))).toMatchObject({
      ok: true,
    });
    const weak = await site(200, { capabilities: { publish_posts: true } });
    const limited = await wp.testConnection(target('wordpress', { settings: { url: weak, username: 'desk' }, secretSealed: e.secrets.seal(password) }));
    expect(limited).toEqual({ ok: false, message: '이 워드프레스 계정에는 미디어 업로드, 카테고리 관리 권한이 없습니다. 편집자 이상 권한의 계정을 쓰세요.' });
    const denied = await site(401, { code: 'incorrect_password', message: `bad password ${password}` });
    const answer = await wp.testConnection(target('wordpress', { settings: { url: denied, username: 'desk' }, secretSealed: e.secrets.seal(password) }));
    expect(answer.ok).toBe(false);
    expect(answer.message).toContain('워드프레스 로그인에 실패했습니다');
    expect(answer.message).not.toContain(password);
  });

  it('Ghost: a key the site takes passes; a refused key is answered in Korean without the key', async () => {
    const e = env();
    const ghost = new TargetRegistry(e).adapter('ghost');
    const key = `${'a'.repeat(24)}:${'b'.repeat(64)}`;
    await expect(ghost.testConnection(target('ghost'))).rejects.toThrow('Admin API 키가 저장되어 있지 않습니다');
    const good = await site(200, { posts: [] });
    expect(await ghost.testConnection(target('ghost', { settings: { url: good }, secretSealed: e.secrets.seal(key) }))).toMatchObject({ ok: true });
    const denied = await site(401, { errors: [{ type: 'UnauthorizedError', message: `Invalid token ${key}` }] });
    const answer = await ghost.testConnection(target('ghost', { settings: { url: denied }, secretSealed: e.secrets.seal(key) }));
    expect(answer.ok).toBe(false);
    expect(answer.message).toContain('Ghost가 Admin API 키를 받아들이지 않았습니다');
    expect(answer.message).not.toContain('b'.repeat(64));
  });
});
