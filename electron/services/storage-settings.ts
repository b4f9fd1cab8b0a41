import type { StorageSaveInput, StorageSource, StorageStatus, StorageTestInput, StorageTestResult } from '../../shared/contract-storage';
import { DEFAULT_STORAGE_SETTINGS, sameAccount, serverLabel, type StorageSettings } from '../../shared/storage-settings';
import type { ProbeOutcome, ProbeTarget } from '../db/postgres/probe';
import { describeServer } from '../db/postgres/pg-database';
import { postgresUrl, sameStorage, storageFromSettings, type StorageChoice, type StoredStorage } from '../host/open-storage';
import type { StorageSettingsStore } from '../host/storage-settings-file';
import type { SecretStore } from '../host/secret-store';

/** Long enough for a server across a VPN, short enough that nobody wonders whether the button worked. */
export const STORAGE_TEST_TIMEOUT_MS = 5_000;

export interface StorageSettingsDeps {
  store: StorageSettingsStore;
  secrets: SecretStore;
  /** What this process opened at start, and why. */
  running: { choice: StorageChoice; source: StorageSource };
  probe: (target: ProbeTarget) => Promise<ProbeOutcome>;
  timeoutMs?: number;
}

/**
 * 저장소 in 환경설정: which engine the next start opens. The PostgreSQL password is sealed on the way in
 * and never leaves the main process again: storage.get says only whether one is stored. Nothing here
 * moves stories between engines; a saved choice applies at the next start.
 */
export class StorageSettingsService {
  constructor(private readonly deps: StorageSettingsDeps) {}

  /** A damaged file reads as nothing saved here, so that saving over it from the settings screen repairs it (the host refuses to start on it). */
  private stored(): StoredStorage | undefined {
    try {
      return this.deps.store.read();
    } catch {
      return undefined;
    }
  }

  get(): StorageStatus {
    const stored = this.stored();
    const { choice, source } = this.deps.running;
    const saved: StorageSettings = stored ? { engine: stored.engine, postgres: stored.postgres } : DEFAULT_STORAGE_SETTINGS;
    return {
      saved,
      hasPassword: stored?.passwordSealed !== undefined,
      running: { engine: choice.engine, server: choice.engine === 'postgres' ? describeServer(choice.url) : null, source },
      // BYLINE_DATABASE_URL will win again at the next start: the saved choice waits for it to go.
      restartPending: source !== 'env' && !this.matchesRunning(stored),
    };
  }

  private matchesRunning(stored: StoredStorage | undefined): boolean {
    try {
      return sameStorage(this.deps.running.choice, storageFromSettings(stored, this.deps.secrets));
    } catch {
      return false;
    }
  }

  save(input: StorageSaveInput): StorageStatus {
    const before = this.stored();
    // The stored password stays with the account it was typed for: a new host, port or user needs it typed again.
    const kept = before && sameAccount(before.postgres, input.postgres) ? before.passwordSealed : undefined;
    const passwordSealed = input.forgetPassword ? undefined : input.password ? this.deps.secrets.seal(input.password) : kept;
    this.deps.store.write({ engine: input.engine, postgres: input.postgres, ...(passwordSealed ? { passwordSealed } : {}) });
    return this.get();
  }

  async test(input: StorageTestInput): Promise<StorageTestResult> {
    const server = serverLabel(input.postgres);
    let password = input.password || undefined;
    if (password === undefined) {
      // Only towards the account it was saved for (see sameAccount): never handed to another server.
      const stored = this.stored();
      const sealed = stored && sameAccount(stored.postgres, input.postgres) ? stored.passwordSealed : undefined;
      try {
        password = sealed ? this.deps.secrets.open(sealed) : undefined;
      } catch (err) {
        return { ok: false, server, message: (err as Error).message };
      }
    }
    const outcome = await this.deps.probe({
      url: postgresUrl(input.postgres, password),
      server,
      ...(input.postgres.schema ? { schema: input.postgres.schema } : {}),
      timeoutMs: this.deps.timeoutMs ?? STORAGE_TEST_TIMEOUT_MS,
    });
    return { ok: outcome.ok, server, message: outcome.message };
  }
}
