import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { AppError } from '../../shared/errors';

/**
 * Seals secrets (CMS passwords) for storage at rest. The Electron glue may implement it with
 * safeStorage; under plain Node (web mode, tests, batch jobs) `FileKeySecretStore` is used.
 */
export interface SecretStore {
  seal(plain: string): string;
  open(sealed: string): string;
}

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/**
 * AES-256-GCM under a random key kept in a file of its own in the data folder, readable by its owner
 * only (mode 0600). The key never enters the database, so a copied database or backup alone does not
 * give the passwords away.
 */
export class FileKeySecretStore implements SecretStore {
  private key: Buffer | undefined;

  constructor(private readonly keyFile: string) {}

  private loadKey(): Buffer {
    if (this.key) return this.key;
    let fd: number;
    try {
      fd = openSync(this.keyFile, 'wx', 0o600);
      const key = randomBytes(KEY_BYTES);
      writeSync(fd, key);
      closeSync(fd);
      this.key = key;
      return key;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    fd = openSync(this.keyFile, 'r');
    try {
      // A key file someone else can read is tightened, not trusted as it is.
      if ((fstatSync(fd).mode & 0o077) !== 0) chmodSync(this.keyFile, 0o600);
    } finally {
      closeSync(fd);
    }
    const key = readFileSync(this.keyFile);
    if (key.length !== KEY_BYTES) throw new AppError('STORAGE', '비밀번호 암호화 키 파일이 손상되었습니다. 대상 설정에서 비밀번호를 다시 저장하세요.');
    this.key = key;
    return key;
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.loadKey(), iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || data === undefined)
      throw new AppError('STORAGE', '저장된 비밀번호를 읽을 수 없습니다. 대상 설정에서 비밀번호를 다시 저장하세요.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.loadKey(), Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new AppError('STORAGE', '저장된 비밀번호를 풀 수 없습니다 (키 파일이 바뀌었습니다). 대상 설정에서 비밀번호를 다시 저장하세요.');
    }
  }
}
