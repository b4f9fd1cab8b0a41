/**
 * A passage around the first occurrence of any of `terms` in `text`, with every occurrence inside
 * it marked. Plain offsets, not HTML: the renderer draws the marks, nothing is parsed.
 */
export function makeSnippet(text: string, terms: readonly string[], width = 120): { snippet: string; highlights: Array<[number, number]> } {
  const needles = terms.map((t) => t.toLowerCase()).filter(Boolean);
  const lower = text.toLowerCase();
  let first = -1;
  for (const n of needles) {
    const at = lower.indexOf(n);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  const start = first <= width / 3 ? 0 : first - Math.floor(width / 3);
  const end = Math.min(text.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const body = text.slice(start, end).replace(/\n+/g, ' ');
  const snippet = prefix + body + suffix;
  const highlights: Array<[number, number]> = [];
  const lowerBody = body.toLowerCase();
  for (const n of needles) {
    for (let i = lowerBody.indexOf(n); i !== -1; i = lowerBody.indexOf(n, i + n.length)) highlights.push([prefix.length + i, prefix.length + i + n.length]);
  }
  highlights.sort((a, b) => a[0] - b[0]);
  // Overlapping marks (장관 inside 부장관 when both are searched) merge into one.
  const merged: Array<[number, number]> = [];
  for (const h of highlights) {
    const last = merged.at(-1);
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push([h[0], h[1]]);
  }
  return { snippet, highlights: merged };
}
