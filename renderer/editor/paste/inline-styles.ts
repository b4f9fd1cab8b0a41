import { BLOCK_TAGS, readStyle, unwrap, wrapChildren } from './dom';

/**
 * Google Docs, Hangul and copies out of web pages say "bold" as `style="font-weight:700"` rather than
 * with <b>. The sanitiser drops style, so the format is turned into a tag first. It also undoes the
 * opposite: a <b> whose style says normal weight (Docs' wrapper, Word's `<b style="font-weight:normal">`)
 * is not bold.
 */
export function styledRunsToTags(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[style]'))) {
    if (BLOCK_TAGS.has(el.nodeName)) continue;
    const style = readStyle(el);
    const tag = el.nodeName;
    const weight = style.get('font-weight');
    const fontStyle = style.get('font-style');
    const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;

    const wrappers: string[] = [];
    if (weight !== undefined && isBold(weight) && tag !== 'B' && tag !== 'STRONG') wrappers.push('strong');
    if (fontStyle === 'italic' || fontStyle === 'oblique') {
      if (tag !== 'I' && tag !== 'EM') wrappers.push('em');
    }
    // A link's underline is how links look, not a format the reporter chose.
    if (decoration.includes('underline') && tag !== 'U' && !el.closest('a')) wrappers.push('u');
    if (decoration.includes('line-through') && tag !== 'S' && tag !== 'STRIKE' && tag !== 'DEL') wrappers.push('s');

    let inner = el;
    for (const wrapper of wrappers) inner = wrapChildren(inner, wrapper);

    const cancelsOwnTag =
      ((tag === 'B' || tag === 'STRONG') && weight !== undefined && !isBold(weight)) || ((tag === 'I' || tag === 'EM') && fontStyle === 'normal');
    if (cancelsOwnTag) unwrap(el);
  }
}

function isBold(weight: string): boolean {
  if (weight === 'bold' || weight === 'bolder') return true;
  const numeric = Number(weight);
  return Number.isFinite(numeric) && numeric >= 600;
}
