import type { EditorStateJson, SerializedNodeShape } from './editor-state';

/** Block-level node types: each ends a line in the plain text. */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'code', 'horizontalrule']);

/**
 * Plain text of a body, one line per block, for counts, search and list excerpts. Pure and headless:
 * it walks the serialized JSON rather than loading an editor, so the main process can run it on every save.
 */
export function editorStateToText(state: EditorStateJson): string {
  const lines: string[] = [];
  let current = '';
  const walk = (node: SerializedNodeShape): void => {
    if (node.type === 'linebreak') {
      current += '\n';
      return;
    }
    if (node.type === 'tab') {
      current += '\t';
      return;
    }
    if (typeof node.text === 'string') current += node.text;
    if (node.children) {
      for (const child of node.children) {
        const isBlock = BLOCK_TYPES.has(child.type) || child.type === 'list';
        if (isBlock && current !== '') {
          lines.push(current);
          current = '';
        }
        const linesBefore = lines.length;
        walk(child);
        // A list item holding a nested list has already ended its lines; an empty paragraph still is one.
        if (BLOCK_TYPES.has(child.type) && (current !== '' || lines.length === linesBefore)) {
          lines.push(current);
          current = '';
        }
      }
    }
  };
  walk(state.root as SerializedNodeShape);
  if (current !== '') lines.push(current);
  return lines.join('\n');
}
