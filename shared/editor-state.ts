import { z } from 'zod';

/**
 * A Lexical serialized editor state, checked for shape only: node classes decide the rest when the
 * editor loads it. Unknown node fields pass through so that later node types survive a round trip.
 */
export interface SerializedNodeShape {
  type: string;
  version?: number;
  text?: string;
  children?: SerializedNodeShape[];
  [key: string]: unknown;
}

const NodeShape: z.ZodType<SerializedNodeShape> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1).max(64),
    version: z.number().int().optional(),
    text: z.string().optional(),
    children: z.array(NodeShape).max(100_000).optional(),
  }),
);

export const EditorStateJson = z.object({
  root: z.looseObject({
    type: z.literal('root'),
    children: z.array(NodeShape).max(100_000),
  }),
});
export type EditorStateJson = z.infer<typeof EditorStateJson>;

/** What a blank story's body is: one empty paragraph, as Lexical itself seeds it. */
export function emptyEditorState(): EditorStateJson {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [] }],
    },
  };
}

/** Builds a body from plain paragraphs (fixtures, imports, benchmarks). */
export function editorStateFromParagraphs(paragraphs: readonly string[]): EditorStateJson {
  const state = emptyEditorState();
  state.root.children = paragraphs.map((text) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: text ? [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }] : [],
  }));
  return state;
}
