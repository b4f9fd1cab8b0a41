import { emptyDocument, normaliseSpace, type ImportedDocument } from './document';
import { attachCaptions } from './html';
import { LIMITS, refuse } from './limits';
import { attr, childrenOf, findAll, parseXml, tagOf, type XNode } from './xml';
import { isZip, ZipArchive } from './zip';

/**
 * HWPX (OWPML, KS X 6101): a zip of XML. Read here: paragraphs of every section in order, headings from
 * outline/heading styles in header.xml, tables (as rows of cell texts), pictures from BinData with their
 * captions, and page header/footer controls. Not read: character formatting, footnotes' placement,
 * drawing objects, equations. An encrypted package (manifest encryption-data) is refused.
 */

const IMAGE_EXT = /\.(png|jpe?g|webp|avif|bmp|gif)$/i;

function headingLevels(zip: ZipArchive, label: string): Map<string, number> {
  const levels = new Map<string, number>();
  if (!zip.has('Contents/header.xml')) return levels;
  for (const style of findAll(parseXml(zip.text('Contents/header.xml'), label), 'style')) {
    const id = attr(style, 'id');
    const name = `${attr(style, 'name') ?? ''} ${attr(style, 'engName') ?? ''}`;
    const m = /(?:개요|Outline|제목|Heading)\s*(\d)/i.exec(name);
    if (id !== undefined && m) levels.set(id, Math.min(6, Number(m[1])));
  }
  return levels;
}

export function readHwpx(data: Uint8Array, fileName: string): ImportedDocument {
  if (!isZip(data)) throw refuse(`'${fileName}'은(는) HWPX 문서가 아닙니다 (압축 구조가 없습니다). 한글에서 HWPX로 다시 저장해 가져오세요.`);
  const zip = new ZipArchive(data, fileName);
  const mimetype = zip.has('mimetype') ? zip.text('mimetype').trim() : '';
  if (mimetype && mimetype !== 'application/hwp+zip') throw refuse(`'${fileName}'은(는) HWPX 문서가 아닙니다 (형식: ${mimetype.slice(0, 60)}).`);
  if (zip.has('META-INF/manifest.xml') && /encryption-data/i.test(zip.text('META-INF/manifest.xml'))) {
    throw refuse(`'${fileName}'은(는) 암호가 걸린 한글 문서입니다. 한글에서 암호를 해제하고 다시 저장한 뒤 가져오세요.`);
  }
  const sections = zip
    .names()
    .map((n) => ({ n, m: /^Contents\/section(\d+)\.xml$/.exec(n) }))
    .filter((x) => x.m)
    .sort((a, b) => Number(a.m![1]) - Number(b.m![1]))
    .map((x) => x.n);
  if (sections.length === 0) throw refuse(`'${fileName}'에 본문(Contents/section0.xml)이 없습니다. 손상된 HWPX 문서입니다.`);

  // Picture ids to BinData files, from the package's manifest (content.hpf); BinData/<id>.* as a fallback.
  const binById = new Map<string, string>();
  if (zip.has('Contents/content.hpf')) {
    for (const item of findAll(parseXml(zip.text('Contents/content.hpf'), fileName), 'item')) {
      const id = attr(item, 'id');
      const href = attr(item, 'href');
      if (id && href) binById.set(id, href.startsWith('Contents/') || href.startsWith('BinData/') ? href : `Contents/${href}`);
    }
  }
  const binFile = (id: string): string | undefined => {
    const listed = binById.get(id);
    if (listed && zip.has(listed)) return listed;
    return zip.names().find((n) => n.startsWith('BinData/') && n.slice('BinData/'.length).replace(/\.[^.]+$/, '') === id);
  };

  const levels = headingLevels(zip, fileName);
  const doc = emptyDocument();
  let chars = 0;

  /** Text of paragraphs under a node (cells, captions, headers), tables inside flattened. */
  const textOf = (nodes: XNode[]): string => {
    const parts: string[] = [];
    const visit = (list: XNode[], depth: number) => {
      if (depth > 100) return;
      for (const n of list) {
        const tag = tagOf(n);
        if (tag === '#text') parts.push(String(n['#text']));
        else if (tag === 'tab' || tag === 'lineBreak') parts.push(' ');
        else if (tag === 'p') {
          parts.push(' ');
          visit(childrenOf(n), depth + 1);
        } else if (tag === 't' || tag === 'run' || tag === 'subList' || tag === 'tbl' || tag === 'tr' || tag === 'tc') visit(childrenOf(n), depth + 1);
      }
    };
    visit(nodes, 0);
    return normaliseSpace(parts.join(''));
  };

  const table = (tbl: XNode) => {
    const rows: string[][] = [];
    for (const tr of childrenOf(tbl).filter((n) => tagOf(n) === 'tr')) {
      rows.push(
        childrenOf(tr)
          .filter((n) => tagOf(n) === 'tc')
          .map((tc) => textOf(childrenOf(tc))),
      );
    }
    if (rows.some((r) => r.some(Boolean))) doc.blocks.push({ kind: 'table', rows });
  };

  const picture = (pic: XNode) => {
    const img = findAll([pic], 'img')[0];
    const ref = img && attr(img, 'binaryItemIDRef');
    const caption = findAll([pic], 'caption')[0];
    const captionText = caption ? textOf(childrenOf(caption)).replace(/^[▲△]\s*/, '') : '';
    const file = ref ? binFile(ref) : undefined;
    if (!file || !IMAGE_EXT.test(file)) {
      doc.warnings.push(`그림 하나를 읽지 못했습니다${ref ? ` (${ref})` : ''}.`);
      return;
    }
    if (doc.images.length >= LIMITS.images) return;
    doc.images.push({ name: file.slice(file.lastIndexOf('/') + 1), data: zip.read(file) });
    doc.blocks.push({ kind: 'image', image: doc.images.length - 1, caption: captionText, alt: '' });
  };

  const paragraph = (p: XNode) => {
    const parts: string[] = [];
    const visitRun = (nodes: XNode[]) => {
      for (const n of nodes) {
        const tag = tagOf(n);
        if (tag === 't') {
          for (const c of childrenOf(n)) {
            const ct = tagOf(c);
            if (ct === '#text') parts.push(String(c['#text']));
            else if (ct === 'tab') parts.push(' ');
            else if (ct === 'lineBreak') parts.push('\n');
          }
        } else if (tag === 'tbl') table(n);
        else if (tag === 'pic') picture(n);
        else if (tag === 'ctrl') {
          for (const c of childrenOf(n)) {
            const ct = tagOf(c);
            if (ct === 'header') doc.pageHeaders.push(textOf(childrenOf(c)));
            else if (ct === 'footer') doc.pageFooters.push(textOf(childrenOf(c)));
          }
        } else if (tag === 'run') visitRun(childrenOf(n));
      }
    };
    visitRun(childrenOf(p));
    const level = levels.get(attr(p, 'styleIDRef') ?? '');
    for (const line of parts.join('').split('\n')) {
      const text = normaliseSpace(line);
      if (!text) continue;
      chars += text.length;
      if (chars > LIMITS.textChars) throw refuse(`'${fileName}'의 글이 너무 깁니다. 보도자료가 아닌 것 같습니다.`);
      doc.blocks.push(level ? { kind: 'heading', level, runs: [{ text }] } : { kind: 'paragraph', runs: [{ text }] });
    }
  };

  for (const section of sections) {
    const root = parseXml(zip.text(section), fileName);
    const sec = root.find((n) => tagOf(n) === 'sec');
    if (!sec) throw refuse(`'${fileName}'의 본문 구조를 읽을 수 없습니다. 손상된 HWPX 문서입니다.`);
    for (const n of childrenOf(sec)) if (tagOf(n) === 'p') paragraph(n);
  }
  doc.pageHeaders = doc.pageHeaders.filter(Boolean);
  doc.pageFooters = doc.pageFooters.filter(Boolean);
  attachCaptions(doc.blocks);
  return doc;
}
