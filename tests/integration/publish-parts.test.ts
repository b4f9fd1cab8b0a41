import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceFolder } from '../../electron/publish/bundle-folder';
import { backoffDelay, withRetry } from '../../electron/publish/retry';
import { FileKeySecretStore } from '../../electron/host/secret-store';
import { WordPressError, asciiFileName, koreanMessage } from '../../electron/publish/wordpress';
import { idempotencyKey } from '../../electron/services/publish';
import { makeTempDir, removeTempDirs } from './support/temp';

afterEach(() => removeTempDirs());

describe('secret store (web mode: a 0600 key file and AES-256-GCM)', () => {
  it('seals and opens, never stores the password in clear, and refuses a tampered or foreign secret', () => {
    const dir = makeTempDir('byline-secret-');
    const keyFile = path.join(dir, 'secret.key');
    const store = new FileKeySecretStore(keyFile);
    const password = 'abcd EFGH ijkl MNOP qrst UVWX';
    const sealed = store.seal(password);
    expect(sealed).not.toContain(password);
    expect(store.seal(password)).not.toBe(sealed);
    expect(new FileKeySecretStore(keyFile).open(sealed)).toBe(password);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile)).toHaveLength(32);
    const [v, iv, tag, data] = sealed.split(':');
    const flipped = Buffer.from(data!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => store.open([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow(/다시 저장하세요/);
    expect(() => new FileKeySecretStore(path.join(makeTempDir('byline-secret-'), 'secret.key')).open(sealed)).toThrow(/다시 저장하세요/);
    expect(() => store.open('plain text')).toThrow(/다시 저장하세요/);
  });

  it('tightens a key file others can read', () => {
    const dir = makeTempDir('byline-secret-');
    const keyFile = path.join(dir, 'secret.key');
    new FileKeySecretStore(keyFile).seal('x');
    chmodSync(keyFile, 0o644);
    new FileKeySecretStore(keyFile).seal('y');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });
});

describe('a bundle folder is written whole or not at all', () => {
  const fill = (files: Record<string, string>) => async (staging: string) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(staging, name), text);
  };

  it('makes a missing root, then replaces an earlier folder entirely, leaving no staging or set-aside folder behind', async () => {
    const root = path.join(makeTempDir('byline-bundle-folder-'), 'exports', 'portal');
    const dir = await replaceFolder(root, 'story-1', fill({ 'index.html': 'v1', 'old.txt': 'only in v1' }));
    expect(dir).toBe(path.join(root, 'story-1'));
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('v1');
    await replaceFolder(root, 'story-1', fill({ 'index.html': 'v2' }));
    expect(readdirSync(dir)).toEqual(['index.html']);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('v2');
    expect(readdirSync(root)).toEqual(['story-1']);
  });

  it('replaces a file standing where the folder goes', async () => {
    const root = makeTempDir('byline-bundle-folder-');
    writeFileSync(path.join(root, 'story-1'), 'not a folder');
    await replaceFolder(root, 'story-1', fill({ 'index.html': 'v1' }));
    expect(readFileSync(path.join(root, 'story-1', 'index.html'), 'utf8')).toBe('v1');
    expect(readdirSync(root)).toEqual(['story-1']);
  });

  it('leaves the earlier folder as it was when writing the new one fails', async () => {
    const root = makeTempDir('byline-bundle-folder-');
    mkdirSync(path.join(root, 'story-1'));
    writeFileSync(path.join(root, 'story-1', 'index.html'), 'v1');
    const failing = async (staging: string) => {
      writeFileSync(path.join(staging, 'index.html'), 'half');
      throw new Error('disk full');
    };
    await expect(replaceFolder(root, 'story-1', failing)).rejects.toThrow('disk full');
    expect(readFileSync(path.join(root, 'story-1', 'index.html'), 'utf8')).toBe('v1');
    expect(readdirSync(root)).toEqual(['story-1']);
    await expect(replaceFolder(path.join(root, 'new'), 'story-2', failing)).rejects.toThrow('disk full');
    expect(existsSync(path.join(root, 'new', 'story-2'))).toBe(false);
    expect(readdirSync(path.join(root, 'new'))).toEqual([]);
  });
});

describe('retry with exponential backoff', () => {
  it('doubles the wait up to the cap, with at most 25 % jitter off', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 100, 1_000, () => 1))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(backoffDelay(3, 100, 1_000, () => 0)).toBe(300);
  });

  it('retries what may pass (timeouts, dropped connections, 5xx) and never a 4xx', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const retryable = (e: unknown) => e instanceof WordPressError && e.retryable;
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw new WordPressError('timeout', '느림');
        if (calls === 2) throw new WordPressError('network', '끊김');
        if (calls === 3) throw new WordPressError('http', '500', 500);
        return '성공';
      },
      { attempts: 5, baseDelayMs: 10, maxDelayMs: 100, retryable, sleep },
    );
    expect(value).toBe('성공');
    expect(waits).toHaveLength(3);
    for (const status of [400, 401, 403, 404, 409]) {
      let tries = 0;
      await expect(
        withRetry(
          async () => {
            tries += 1;
            throw new WordPressError('http', String(status), status);
          },
          { attempts: 5, baseDelayMs: 1, maxDelayMs: 1, retryable, sleep },
        ),
      ).rejects.toThrow(String(status));
      expect(tries).toBe(1);
    }
  });
});

describe('WordPress details', () => {
  it('turns Korean file names into ASCII names WordPress keeps', () => {
    const id = 'ab'.repeat(32);
    expect(asciiFileName('현장 사진.jpg', id)).toBe(`photo-${'ab'.repeat(6)}.jpg`);
    expect(asciiFileName('IBM 왓슨 연구소 MOU.JPG', id)).toBe(`IBM-MOU-${'ab'.repeat(6)}.jpg`);
    expect(asciiFileName('Café déjà.png', id)).toBe(`Cafe-deja-${'ab'.repeat(6)}.jpg`);
    for (const name of ['../../etc/passwd', '"; rm -rf', '\r\nX-Injected: 1']) expect(asciiFileName(name, id)).toMatch(/^[A-Za-z0-9_-]+\.jpg$/);
  });

  it('says what a desk editor can do about each refusal, in Korean', () => {
    expect(koreanMessage(401, 'incorrect_password', 'The provided password is an invalid application password.')).toMatch(
      /로그인에 실패했습니다.*애플리케이션 비밀번호/,
    );
    expect(koreanMessage(403, 'rest_cannot_create', 'Sorry')).toMatch(/권한이 없습니다/);
    expect(koreanMessage(404, 'rest_no_route', '')).toMatch(/REST API를 찾을 수 없습니다/);
    expect(koreanMessage(500, undefined, '')).toMatch(/서버 오류.*HTTP 500/);
    expect(koreanMessage(413, undefined, '')).toMatch(/업로드 크기 한도/);
  });

  it('keys a story the same way every time, distinct per story, as a valid slug', () => {
    const a = idempotencyKey('0b9f6c1e-3a2d-4c5b-8e7f-1a2b3c4d5e6f', '');
    expect(a).toBe(idempotencyKey('0b9f6c1e-3a2d-4c5b-8e7f-1a2b3c4d5e6f', ''));
    expect(a).not.toBe(idempotencyKey('0b9f6c1e-3a2d-4c5b-8e7f-1a2b3c4d5e70', ''));
    expect(idempotencyKey('0b9f6c1e-3a2d-4c5b-8e7f-1a2b3c4d5e6f', 'quantum-mou')).toMatch(/^quantum-mou-b[0-9a-f]{15}$/);
    expect(a).toMatch(/^[a-z0-9-]+$/);
  });
});
