const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/** Links in stories may point only at the web or an e-mail address: no javascript:, data:, file: or app:. */
export function isSafeUrl(raw: string): boolean {
  try {
    return ALLOWED.has(new URL(raw.trim()).protocol);
  } catch {
    return false;
  }
}
