/**
 * The one shape every converter produces (docx.ts, hwpx.ts, pdf.ts, html.ts): blocks of plain text runs,
 * tables as rows of cell texts, and images as bytes. The press-release analyser reads it, and
 * body.ts turns what it keeps into HTML that goes through the paste sanitiser.
 */

/** A run of text with the marks the body editor can hold. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  href?: string;
}

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'image'; image: number; caption: string; alt: string };

export interface DocumentImage {
  name: string;
  data: Uint8Array;
}

export interface ImportedDocument {
  blocks: Block[];
  images: DocumentImage[];
  /** Repeated page headers and footers (HWPX header/footer controls, PDF lines repeated on every page). */
  pageHeaders: string[];
  pageFooters: string[];
  /** The file's own title property, if it has one. */
  title?: string;
  warnings: string[];
}

export function emptyDocument(): ImportedDocument {
  return { blocks: [], images: [], pageHeaders: [], pageFooters: [], warnings: [] };
}

/** Spaces as a reader sees them: no-break and ideographic spaces count, runs collapse. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

export function runsText(runs: readonly Run[]): string {
  return normaliseSpace(runs.map((r) => r.text).join(''));
}

export function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return runsText(block.runs);
    case 'list':
      return block.items.map(runsText).join('\n');
    case 'table':
      return block.rows.map((r) => r.join(' | ')).join('\n');
    case 'image':
      return block.caption;
  }
}

export const plain = (text: string): Run[] => [{ text }];
