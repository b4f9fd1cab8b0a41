import { readFileSync, rmSync } from 'node:fs';
import { writeOwnerOnlyFileSync } from '../db/owner-only';
import path from 'node:path';
import { z } from 'zod';
import type { SecretStore } from '../host/secret-store';

export const SESSION_FILE_NAME = 'newsroom-session.json';

const Stored = z.strictObject({ origin: z.string().max(300), tokenSealed: z.string().min(1).max(2_000) });

/**
 * The workstation's one session with its newsroom server, kept sealed in <data>/newsroom-session.json so a
 * restart (or a crash) does not sign the person out; the server's idle and absolute lifetimes still end
 * it. A session for another server (the address was changed) is not this one's and is forgotten.
 */
export class SessionKeeper {
  private token: string | undefined;
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly origin: string,
    private readonly secrets: SecretStore,
  ) {
    this.file = path.join(dataDir, SESSION_FILE_NAME);
    this.token = this.read();
  }

  current(): string | undefined {
    return this.token;
  }

  keep(token: string): void {
    this.token = token;
    writeOwnerOnlyFileSync(this.file, JSON.stringify({ origin: this.origin, tokenSealed: this.secrets.seal(token) }));
  }

  forget(): void {
    this.token = undefined;
    rmSync(this.file, { force: true });
  }

  private read(): string | undefined {
    try {
      const stored = Stored.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (!stored.success || stored.data.origin !== this.origin) return undefined;
      return this.secrets.open(stored.data.tokenSealed);
    } catch {
      // Missing, damaged, or sealed with a key this machine no longer has: the person signs in again.
      return undefined;
    }
  }
}
