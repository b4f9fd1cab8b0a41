/**
 * Removes NUL characters from every string in a parsed payload, in place. No story, caption or name
 * means one (it arrives from a broken PDF or a hostile paste), PostgreSQL cannot store it in text at all,
 * and doing it here, once, keeps both storage engines holding the same text. File bytes are untouched.
 */
export function stripNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replaceAll('\u0000', '') : value) as T;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = stripNul(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = stripNul(record[key]);
  return value;
}
