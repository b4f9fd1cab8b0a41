import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * The real path of `file` when it lies inside the real `root`, else undefined (missing, or reached
 * through a link or `..` that leads elsewhere). Paths are joined from checked names, but a folder under
 * the data folder can still be swapped for a link by hand or by another program: asked at each use.
 */
export async function realInside(root: string, file: string): Promise<string | undefined> {
  const [base, real] = await Promise.all([realpath(root).catch(() => undefined), realpath(file).catch(() => undefined)]);
  if (!base || !real) return undefined;
  return real.startsWith(base + path.sep) ? real : undefined;
}
