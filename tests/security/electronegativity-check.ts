/**
 * `npm run test:security`: Electronegativity (Doyensec's static analyser for Electron apps) over the app
 * as Electron packages it (electron/ for main and preload, renderer/, shared/, package.json), failing on
 * any HIGH or MEDIUM finding that tests/security/electronegativity-accepted.json does not explain, and on
 * any accepted finding that no longer occurs (so the list cannot rot).
 *
 * Electronegativity fetches translations and Electron's release notes from the internet at run time.
 * Neither is reachable from these machines (nor should a test reach out), so its HTTP client is replaced
 * by one that refuses at once: it then uses its bundled English texts. The one check that needs the
 * release notes (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK: "is there a newer Electron with security fixes")
 * is excluded and left to dependency updates.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' };
  confidence: { name: string };
  description: string;
  manualReview?: boolean;
}
interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Issue[];
}
interface Accepted {
  id: string;
  file: string;
  severity: string;
  reason: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));

function offlineHttpClient(): void {
  const gotPath = createRequire(path.join(toolDir, 'package.json')).resolve('got');
  const refuse = Object.assign(() => Promise.reject(new Error('offline: Electronegativity may not reach the network here')), {});
  Object.assign(refuse, { head: refuse, get: refuse, default: refuse });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: refuse } as unknown as NodeJS.Module;
}

async function main(): Promise<number> {
  offlineHttpClient();
  const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<RunResult>;
  const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  const accepted = JSON.parse(readFileSync(path.join(root, 'tests', 'security', 'electronegativity-accepted.json'), 'utf8')) as { findings: Accepted[] };

  // One folder holding the app's parts, so that global checks (CSP, navigation limits, permission
  // handlers) see main process and renderer together, as in the packaged app.
  const app = mkdtempSync(path.join(os.tmpdir(), 'byline-electronegativity-'));
  try {
    for (const part of ['electron', 'renderer', 'shared', 'package.json']) cpSync(path.join(root, part), path.join(app, part), { recursive: true });
    const result = await run({
      input: app,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });

    const failures: string[] = [];
    if (result.atomicChecks < 30 || result.globalChecks < 4) failures.push(`only ${result.atomicChecks} atomic and ${result.globalChecks} global checks ran`);
    for (const e of result.errors.filter((err) => !err.tolerable)) failures.push(`could not parse ${path.relative(app, e.file)}: ${e.message}`);

    const key = (id: string, file: string) => `${id} ${file}`;
    const acceptedKeys = new Map(accepted.findings.map((f) => [key(f.id, f.file), f]));
    const found = new Set<string>();
    console.log(
      `Electronegativity ${readJson(path.join(toolDir, 'package.json')).version}: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, Electron ${electronVersion}`,
    );
    for (const issue of result.issues) {
      const k = key(issue.id, issue.file);
      found.add(k);
      const disposition = acceptedKeys.get(k);
      const serious = issue.severity.name === 'HIGH' || issue.severity.name === 'MEDIUM';
      const verdict = disposition ? `accepted: ${disposition.reason}` : serious ? 'UNEXPLAINED' : 'low/informational, not gating';
      console.log(`  ${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id} ${issue.file}:${issue.location.line} — ${verdict}`);
      if (serious && !disposition) failures.push(`${issue.severity.name} ${issue.id} in ${issue.file}:${issue.location.line}: ${issue.description}`);
    }
    for (const f of accepted.findings)
      if (!found.has(key(f.id, f.file))) failures.push(`accepted finding no longer reported, remove it from the list: ${f.id} ${f.file}`);

    if (failures.length > 0) {
      console.error(`\nElectronegativity: ${failures.length} problem(s)\n${failures.map((f) => `  - ${f}`).join('\n')}`);
      return 1;
    }
    const counts = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']
      .map((s) => `${result.issues.filter((i) => i.severity.name === s).length} ${s.toLowerCase()}`)
      .join(', ');
    console.log(`Electronegativity: ${counts}; every high and medium finding explained`);
    return 0;
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

function readJson(file: string): { version: string } {
  return JSON.parse(readFileSync(file, 'utf8')) as { version: string };
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('Electronegativity could not run:', err);
    process.exit(1);
  },
);
