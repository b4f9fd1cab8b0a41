import type { TrashService } from '../services/trash';

/** How often a running workstation empties the 휴지통 of stories past their 30 days. */
export const TRASH_PURGE_MS = 60 * 60 * 1000;

/**
 * Purges once now (awaited, so a start never shows a story that should be gone) and then every `everyMs`,
 * on an unref'd timer that never keeps the process alive. Returns the stop, which waits for a purge
 * under way so the database is not closed beneath it.
 */
export async function purgeEvery(trash: Pick<TrashService, 'purge'>, everyMs: number, log: (err: unknown) => void): Promise<() => Promise<void>> {
  let running: Promise<unknown> = trash.purge().catch(log);
  await running;
  const timer = setInterval(() => {
    running = trash.purge().catch(log);
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
