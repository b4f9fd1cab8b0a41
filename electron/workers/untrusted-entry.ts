import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker running untrusted.worker.ts, from wherever this code runs:
 * - bundled (Electron: electron/glue/vite.main.config.ts builds the worker as a second entry,
 *   untrusted-worker.cjs, into the same folder as main.cjs and its chunks; Electron reads a worker's
 *   files from app.asar since v17, electron/electron#33216);
 * - from source under tsx (web mode, tests, benches), where the worker registers tsx's loader
 *   itself before importing the .ts entry: a worker does not inherit the parent's loader hooks.
 */
// The CommonJS bundle has __filename (and no import.meta); tsx's ESM has import.meta.url only.
const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
const fromSource = here.endsWith('.ts');

/** The tsx loader a worker registers (tsx's ESM api; its "require" build is what resolve() finds). */
function tsxApi(): string {
  return pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
}

const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => { (api.register ?? api.default.register)(); return import(workerData.entry); });
`;

export function spawnUntrustedWorker(resourceLimits: ResourceLimits): Worker {
  if (fromSource) {
    const entry = pathToFileURL(path.join(path.dirname(here), 'untrusted.worker.ts')).href;
    return new Worker(BOOT, { eval: true, workerData: { tsx: tsxApi(), entry }, resourceLimits, stdout: false, stderr: false });
  }
  return new Worker(path.join(path.dirname(here), 'untrusted-worker.cjs'), { resourceLimits });
}
