import { XMLParser } from 'fast-xml-parser';
import { refuse } from './limits';

/** An element as fast-xml-parser's ordered mode gives it: one key (the tag) with its children, and ':@' for attributes. */
export type XNode = Record<string, unknown>;

const MAX_XML_DEPTH = 100;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  // Said, not left to the library's default: a hostile file nests elements thousands deep to exhaust the
  // stack of whatever walks the tree. A real HWPX section (tables in tables) stays far below 100.
  maxNestedTags: MAX_XML_DEPTH,
});

/** Parses XML from a document package; a DOCTYPE (entity expansion, external entities) is refused outright. */
export function parseXml(xml: string, label: string): XNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw refuse(`'${label}'의 XML에 허용하지 않는 선언(DOCTYPE)이 있습니다. 손상되었거나 조작된 문서입니다.`);
  try {
    return parser.parse(xml) as XNode[];
  } catch (err) {
    if (err instanceof Error && /nested tags/i.test(err.message)) {
      throw refuse(`'${label}'의 XML이 너무 깊게 중첩되어 있습니다(${MAX_XML_DEPTH}단계 초과). 손상되었거나 조작된 문서입니다.`);
    }
    throw refuse(`'${label}'의 XML을 읽을 수 없습니다. 파일이 손상되었습니다.`);
  }
}

export function tagOf(node: XNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

export function childrenOf(node: XNode): XNode[] {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XNode[]) : [];
}

export function attr(node: XNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const v = attrs?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** Depth-first search for elements with a tag. */
export function findAll(nodes: XNode[], tag: string, out: XNode[] = [], depth = 0): XNode[] {
  if (depth > 200) return out;
  for (const n of nodes) {
    if (tagOf(n) === tag) out.push(n);
    findAll(childrenOf(n), tag, out, depth + 1);
  }
  return out;
}
