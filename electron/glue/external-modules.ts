import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Packages the main-process bundle leaves to node_modules: native ones (sqlite3, sharp) and ones that
 * do not survive bundling (jsdom reads its own files at run time; mammoth and unpdf load workers and
 * data files). Forge's Vite plugin packages only .vite/, so forge.config.ts copies these, with every
 * package they depend on, into the app (electron/forge#3738).
 */
export const EXTERNAL_MODULES = ['sqlite3', 'sharp', 'jsdom', 'mammoth', 'unpdf'];

/** `names` and everything they depend on at run time, as installed in `nodeModules` (npm's flat layout). */
export function withDependencies(names: readonly string[], nodeModules = path.resolve('node_modules')): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const manifest = path.join(nodeModules, name, 'package.json');
    if (!existsSync(manifest)) return; // an optional dependency for another platform
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  for (const name of names) visit(name);
  return [...seen].sort();
}
