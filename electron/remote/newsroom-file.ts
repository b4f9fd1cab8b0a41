import { readFileSync, rmSync } from 'node:fs';
import { writeOwnerOnlyFileSync } from '../db/owner-only';
import path from 'node:path';
import { z } from 'zod';
import { StorageError } from '../db/storage-error';
import type { NewsroomChoice } from './newsroom-choice';

export const NEWSROOM_FILE_NAME = 'newsroom.json';

const Saved = z.strictObject({ origin: z.string().max(300), fingerprint: z.string().max(200).nullable() });
export type SavedNewsroom = z.infer<typeof Saved>;

/**
 * <data>/newsroom.json: the newsroom server this workstation joins at start, and the certificate
 * fingerprint the person confirmed for it. Read before anything opens, so never in a database; written
 * whole (temporary file, fsync, rename), readable by its owner only.
 */
export function newsroomFile(dataDir: string) {
  const file = path.join(dataDir, NEWSROOM_FILE_NAME);
  return {
    read(): SavedNewsroom | undefined {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      let parsed: ReturnType<typeof Saved.safeParse> | undefined;
      try {
        parsed = Saved.safeParse(JSON.parse(text));
      } catch {
        parsed = undefined;
      }
      // Said, not ignored: opening this computer's empty storage instead would make the newsroom's stories seem gone.
      if (!parsed?.success) throw new StorageError('CORRUPT', `뉴스룸 서버 설정 파일(${file})을 읽을 수 없습니다. 파일을 지우고 환경설정에서 다시 연결하세요.`);
      return parsed.data;
    },
    write(value: SavedNewsroom): void {
      writeOwnerOnlyFileSync(file, `${JSON.stringify(Saved.parse(value), null, 2)}\n`);
    },
    remove(): void {
      rmSync(file, { force: true });
    },
  };
}
export type NewsroomFile = ReturnType<typeof newsroomFile>;

export const choiceOf = (saved: SavedNewsroom): NewsroomChoice => ({ origin: saved.origin, trust: saved.fingerprint ? { pin: saved.fingerprint } : {} });
