import { createHash } from 'node:crypto';
import path from 'node:path';
import Conf from 'conf';
import { startBackend, type Backend } from '../../../electron/host/bootstrap';
import type { StorageChoice } from '../../../electron/host/open-storage';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../../electron/host/settings-conf';
import type { Settings } from '../../../shared/settings';

/**
 * Which engine the integration tests run on: SQLite by default; with BYLINE_TEST_ENGINE=postgres (and
 * BYLINE_TEST_PG naming a server, see tests/peers/postgres-up.sh) the same tests run on PostgreSQL.
 * The schema is named after the data folder, so a test that restarts the backend on the same folder
 * finds its stories again, as it would in its SQLite file. The test cluster is thrown away whole.
 */
export const TEST_ENGINE = process.env.BYLINE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export function testStorage(dataDir: string): StorageChoice {
  if (TEST_ENGINE === 'sqlite') return { engine: 'sqlite' };
  const url = process.env.BYLINE_TEST_PG;
  if (!url) throw new Error('BYLINE_TEST_ENGINE=postgres needs BYLINE_TEST_PG: run tests/peers/postgres-up.sh');
  const schema = `it_${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)}`;
  return { engine: 'postgres', url, schema };
}

/**
 * Starts the backend exactly as electron/web/cli.ts does: conf-backed settings in `dataDir`, on the test engine;
 * `more` adds what electron/server/cli.ts adds (its 사용자 관리).
 */
export async function startTestBackend(
  dataDir: string,
  storage: StorageChoice = testStorage(dataDir),
  more: Pick<Parameters<typeof startBackend>[0], 'accounts' | 'now'> = {},
): Promise<{ backend: Backend; warning?: string; storage: StorageChoice }> {
  const { conf, warning } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
  const backend = await startBackend({ dataDir, settingsStore: confSettingsStore(conf), storage, ...more });
  return { backend, warning, storage };
}
