import { mkdirSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredTarget } from '../../electron/db/publish-repo';
import { FileKeySecretStore } from '../../electron/host/secret-store';
import type { TargetEnv } from '../../electron/publish/target-adapter';
import { TargetRegistry } from '../../electron/publish/targets/registry';
import { PublishTargetInput, PublishTargetKind } from '../../shared/contract-publish';
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

function target(kind: string, extra: Partial<StoredTarget> = {}): StoredTarget {
  return {
    id: 1,
    kind: kind as StoredTarget['kind'],
    name: '대상',
    url: 'https://news.example/',
    username: '',
    folder: '',
    hasPassword: false,
    secretSealed: null,
    takedown: 'draft',
    correctionPrefix: false,
    createdAt: '2025-09-24T01:00:00.000Z',
    updatedAt: '2025-09-24T01:00:00.000Z',
    ...extra,
  };
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

const input = (raw: Record<string, unknown>) => PublishTargetInput.parse({ name: '대상', url: 'https://news.example/', ...raw });

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

  it('checks each kind’s settings with the messages the desk has always had', () => {
    const registry = new TargetRegistry(env());
    const wp = registry.adapter('wordpress');
    expect(refusal(() => wp.validate(input({ kind: 'wordpress', username: '  ', password: 'abcd efgh' }))).message).toBe('워드프레스 사용자 이름을 쓰세요.');
    expect(refusal(() => wp.validate(input({ kind: 'wordpress', username: 'desk' }))).message).toBe('워드프레스 애플리케이션 비밀번호를 쓰세요.');
    expect(wp.validate(input({ id: 3, kind: 'wordpress', username: ' desk ', folder: 'ignored' }))).toEqual({ username: 'desk', folder: '' });

    const ghost = registry.adapter('ghost');
    expect(refusal(() => ghost.validate(input({ kind: 'ghost' }))).message).toBe(
      'Ghost Admin API 키를 쓰세요 (Ghost 관리 화면 → 설정 → 통합 → 사용자 지정 통합).',
    );
    expect(ghost.validate(input({ id: 3, kind: 'ghost', username: 'x' }))).toEqual({ username: '', folder: '' });

    const bundle = registry.adapter('html-bundle');
    expect(refusal(() => bundle.validate(input({ kind: 'html-bundle' }))).message).toBe('HTML 묶음을 저장할 폴더 이름을 쓰세요.');
    expect(refusal(() => bundle.validate(input({ kind: 'html-bundle', folder: 'portal', password: 'x' }))).message).toBe(
      'HTML 묶음 대상에는 비밀번호가 없습니다.',
    );
    expect(bundle.validate(input({ kind: 'html-bundle', folder: 'portal', username: 'x' }))).toEqual({ username: '', folder: 'portal' });
  });
});

describe('a connection test', () => {
  it('a bundle folder is fine under exports, and refused when it is a link elsewhere or not a name', async () => {
    const e = env();
    const bundle = new TargetRegistry(e).adapter('html-bundle');
    expect(await bundle.testConnection(target('html-bundle', { folder: 'portal' }))).toMatchObject({ ok: true });
    const elsewhere = makeTempDir('byline-elsewhere-');
    mkdirSync(e.exportsDir, { recursive: true });
    symlinkSync(elsewhere, path.join(e.exportsDir, 'linked'));
    const linked = await bundle.testConnection(target('html-bundle', { folder: 'linked' }));
    expect(linked.ok).toBe(false);
    expect(linked.message).toContain('다른 곳을 가리키는 링크입니다');
    expect((await bundle.testConnection(target('html-bundle', { folder: '..' }))).ok).toBe(false);
  });

  it('WordPress: an account that may publish passes; a refusal is answered in Korean without the password', async () => {
    const e = env();
    const wp = new TargetRegistry(e).adapter('wordpress');
    const password = 'abcd EFGH ijkl MNOP qrst UVWX';
    await expect(wp.testConnection(target('wordpress', { username: 'desk' }))).rejects.toThrow('애플리케이션 비밀번호가 저장되어 있지 않습니다');
    const good = await site(200, { capabilities: { publish_posts: true, upload_files: true, manage_categories: true } });
    expect(await wp.testConnection(target('wordpress', { url: good, username: 'desk', secretSealed: e.secrets.seal(password) }))).toMatchObject({ ok: true });
    const weak = await site(200, { capabilities: { publish_posts: true } });
    const limited = await wp.testConnection(target('wordpress', { url: weak, username: 'desk', secretSealed: e.secrets.seal(password) }));
    expect(limited).toEqual({ ok: false, message: '이 워드프레스 계정에는 미디어 업로드, 카테고리 관리 권한이 없습니다. 편집자 이상 권한의 계정을 쓰세요.' });
    const denied = await site(401, { code: 'incorrect_password', message: `bad password ${password}` });
    const answer = await wp.testConnection(target('wordpress', { url: denied, username: 'desk', secretSealed: e.secrets.seal(password) }));
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
    expect(await ghost.testConnection(target('ghost', { url: good, secretSealed: e.secrets.seal(key) }))).toMatchObject({ ok: true });
    const denied = await site(401, { errors: [{ type: 'UnauthorizedError', message: `Invalid token ${key}` }] });
    const answer = await ghost.testConnection(target('ghost', { url: denied, secretSealed: e.secrets.seal(key) }));
    expect(answer.ok).toBe(false);
    expect(answer.message).toContain('Ghost가 Admin API 키를 받아들이지 않았습니다');
    expect(answer.message).not.toContain('b'.repeat(64));
  });
});
