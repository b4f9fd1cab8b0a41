import { safeStorage } from 'electron';
import { AppError } from '../../shared/errors';
import type { SecretStore } from '../host/secret-store';

const PREFIX = 'ss1:';

/**
 * Secrets sealed by the operating system's keychain through Electron's safeStorage (Keychain, DPAPI,
 * libsecret or kwallet). Where it has no real keychain — Linux without one falls back to a fixed,
 * public password ('basic_text') — the key-file store is used instead, which at least keeps the key out
 * of the database. A secret sealed either way opens either way, so web mode and the desktop share targets.
 */
export class SafeStorageSecretStore implements SecretStore {
  constructor(private readonly fallback: SecretStore) {}

  private keychainUsable(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }

  seal(plain: string): string {
    if (!this.keychainUsable()) return this.fallback.seal(plain);
    return PREFIX + safeStorage.encryptString(plain).toString('base64');
  }

  open(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) return this.fallback.open(sealed);
    if (!safeStorage.isEncryptionAvailable())
      throw new AppError(
        'STORAGE',
        '운영체제 키체인을 쓸 수 없어 저장된 비밀번호를 풀지 못했습니다. 키체인을 열거나 대상 설정에서 비밀번호를 다시 저장하세요.',
      );
    try {
      return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
    } catch {
      throw new AppError(
        'STORAGE',
        '저장된 비밀번호를 풀 수 없습니다 (다른 사용자나 컴퓨터의 키체인으로 잠겼습니다). 대상 설정에서 비밀번호를 다시 저장하세요.',
      );
    }
  }
}
