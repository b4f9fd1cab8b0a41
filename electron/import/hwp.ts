import { emptyDocument, normaliseSpace, type ImportedDocument } from './document';
import { openHwp, type HwpContainer } from './hwp-container';
import { binItems, ctrlId, Fields, headingStyles, paragraphPieces, readRecords, RecordError, TAG, type BinItem, type HwpRecord } from './hwp-records';
import { attachCaptions } from './html';
import { LIMITS, refuse } from './limits';

/**
 * HWP 5 (the binary Hangul format) into the import document, with what HWPX gives: paragraphs of every
 * section in order, headings from outline/heading styles, tables as rows of cell texts, pictures from
 * BinData with their captions, text boxes' paragraphs, page header/footer controls. Not read: character
 * formatting, footnotes, equations, charts and OLE objects. Encrypted and distribution-locked files are
 * refused in hwp-container.ts.
 */

const IMAGE_EXT = /\.(png|jpe?g|webp|avif|bmp|gif)$/i;
/** Tables in tables, text boxes in cells: deeper than this is not a press release. */
const MAX_DEPTH = 16;
const MAX_TABLE_ROWS = 2_000;
const MAX_TABLE_COLS = 64;
/** 2 cm in HWPUNIT (1/7200 inch). */
const LOGO_HEIGHT = Math.round((2 / 2.54) * 7200);

/** Each list (cell, caption, text box, header) is a LIST_HEADER followed by its paragraphs as siblings. */
function lists(records: readonly HwpRecord[]): { header: HwpRecord; paragraphs: HwpRecord[] }[] {
  const out: { header: HwpRecord; paragraphs: HwpRecord[] }[] = [];
  for (const r of records) {
    if (r.tag === TAG.listHeader) out.push({ header: r, paragraphs: [] });
    else if (r.tag === TAG.paraHeader) out[out.length - 1]?.paragraphs.push(r);
  }
  return out;
}

function findAll(records: readonly HwpRecord[], tag: number, depth = 0, out: HwpRecord[] = []): HwpRecord[] {
  if (depth > MAX_DEPTH * 4) return out;
  for (const r of records) {
    if (r.tag === tag) out.push(r);
    findAll(r.children, tag, depth + 1, out);
  }
  return out;
}

const flatten = (records: readonly HwpRecord[]): HwpRecord[] => records.flatMap((r) => [r, ...flatten(r.children)]);

export function readHwp(data: Uint8Array, fileName: string): ImportedDocument {
  const file: HwpContainer = openHwp(data, fileName);
  const damaged = () => refuse(`'${fileName}'의 내용이 잘려 있거나 손상되어 읽을 수 없습니다. 한글에서 열어 HWPX로 다시 저장한 뒤 가져오세요.`);
  const records = (path: string): HwpRecord[] => {
    const bytes = file.stream(path);
    if (!bytes) throw damaged();
    try {
      return readRecords(bytes);
    } catch (err) {
      if (err instanceof RecordError) throw damaged();
      throw err;
    }
  };
  const docInfo = flatten(records('DocInfo'));
  const bins = binItems(docInfo);
  const levels = headingStyles(docInfo);
  const sections = file.sections();
  if (sections.length === 0) throw refuse(`'${fileName}'에 본문(BodyText)이 없습니다. 손상된 한글 문서입니다.`);

  const doc = emptyDocument();
  let chars = 0;
  let paragraphs = 0;
  const counted = () => {
    if (++paragraphs > LIMITS.hwpParagraphs) throw refuse(`'${fileName}'의 문단이 너무 많습니다. 보도자료가 아닌 것 같습니다.`);
  };

  const pieces = (para: HwpRecord) => {
    const text = para.children.find((r) => r.tag === TAG.paraText);
    const controls = para.children.filter((r) => r.tag === TAG.ctrlHeader);
    return { pieces: text ? paragraphPieces(text.data) : [], controls };
  };

  /** Text of a list's paragraphs (cells, captions, headers), tables and text boxes inside flattened. */
  const listText = (paras: readonly HwpRecord[], depth: number): string => {
    const parts: string[] = [];
    for (const para of paras) {
      counted();
      if (depth > MAX_DEPTH) break;
      const { pieces: list, controls } = pieces(para);
      for (const piece of list) {
        if ('text' in piece) parts.push(piece.text);
        else {
          const ctrl = controls[piece.control];
          const id = ctrl && ctrlId(ctrl);
          if (id === 'tbl ')
            parts.push(
              ' ',
              tableRows(ctrl!, depth + 1)
                .flat()
                .join(' '),
              ' ',
            );
          else if (id === 'gso ' && findAll(ctrl!.children, TAG.picture).length === 0) {
            for (const l of lists(flatten(ctrl!.children))) parts.push(' ', listText(l.paragraphs, depth + 1), ' ');
          }
        }
      }
      parts.push(' ');
    }
    return normaliseSpace(parts.join(''));
  };

  const tableRows = (ctrl: HwpRecord, depth: number): string[][] => {
    const cells: { row: number; col: number; text: string }[] = [];
    for (const { header, paragraphs: paras } of lists(ctrl.children)) {
      const f = new Fields(header.data);
      const col = f.u16(8);
      const row = f.u16(10);
      if (col === undefined || row === undefined || row >= MAX_TABLE_ROWS || col >= MAX_TABLE_COLS) continue;
      cells.push({ row, col, text: listText(paras, depth) });
    }
    const rows: string[][] = [];
    for (const { row, col, text } of cells) {
      while (rows.length <= row) rows.push([]);
      const r = rows[row]!;
      while (r.length <= col) r.push('');
      r[col] = text;
    }
    // Rows a merged cell covers entirely come out empty.
    return rows.filter((r) => r.some(Boolean));
  };

  const image = (item: BinItem | undefined): { name: string; data: Uint8Array } | undefined => {
    if (!item || !IMAGE_EXT.test(item.stream)) return undefined;
    const bytes = file.stream(item.stream, item.compressed ?? file.compressed);
    return bytes && { name: item.stream.slice(item.stream.lastIndexOf('/') + 1), data: bytes };
  };

  const shape = (ctrl: HwpRecord) => {
    const pictures = findAll(ctrl.children, TAG.picture);
    if (pictures.length === 0) {
      if (findAll(ctrl.children, TAG.ole).length) doc.warnings.push('차트나 OLE 개체 하나는 가져오지 못했습니다. 원본에서 확인하세요.');
      // A text box: its paragraphs are the story's, where the box is anchored.
      for (const l of lists(flatten(ctrl.children))) for (const p of l.paragraphs) paragraph(p, 1);
      return;
    }
    // Shown less than 2 cm tall on the page: the ministry's logo, the 정책브리핑 banner or the 공공누리
    // mark, which a reporter would only delete again. The height sits in the object's common properties.
    const height = new Fields(ctrl.data).u32(20) ?? 0;
    if (height > 0 && height < LOGO_HEIGHT) return;
    // The caption is the list directly under the object's control.
    const caption = lists(ctrl.children)
      .map((l) => listText(l.paragraphs, 1))
      .join(' ')
      .replace(/^[▲△]\s*/, '');
    for (const pic of pictures) {
      const id = new Fields(pic.data).u16(71);
      const found = id === undefined ? undefined : image(bins.get(id));
      if (!found) {
        doc.warnings.push(`그림 하나를 읽지 못했습니다${id === undefined ? '' : ` (BinData ${id})`}.`);
        continue;
      }
      if (doc.images.length >= LIMITS.images) return;
      doc.images.push(found);
      doc.blocks.push({ kind: 'image', image: doc.images.length - 1, caption, alt: '' });
    }
  };

  const lines = (text: string, level: number | undefined) => {
    for (const line of text.split('\n')) {
      const t = normaliseSpace(line);
      if (!t) continue;
      chars += t.length;
      if (chars > LIMITS.textChars) throw refuse(`'${fileName}'의 글이 너무 깁니다. 보도자료가 아닌 것 같습니다.`);
      doc.blocks.push(level ? { kind: 'heading', level, runs: [{ text: t }] } : { kind: 'paragraph', runs: [{ text: t }] });
    }
  };

  function paragraph(para: HwpRecord, depth: number): void {
    counted();
    if (depth > MAX_DEPTH) return;
    const level = levels.get(new Fields(para.data).u8(10) ?? -1);
    const { pieces: list, controls } = pieces(para);
    let text = '';
    for (const piece of list) {
      if ('text' in piece) {
        text += piece.text;
        continue;
      }
      const ctrl = controls[piece.control];
      const id = ctrl ? ctrlId(ctrl) : '';
      if (id === 'tbl ' || id === 'gso ') {
        // Text before an object stays before it.
        lines(text, level);
        text = '';
        if (id === 'tbl ') {
          const rows = tableRows(ctrl!, depth + 1);
          if (rows.length) doc.blocks.push({ kind: 'table', rows });
        } else shape(ctrl!);
      } else if (id === 'head' || id === 'foot') {
        const t = lists(ctrl!.children)
          .map((l) => listText(l.paragraphs, depth + 1))
          .join(' ');
        if (t) (id === 'head' ? doc.pageHeaders : doc.pageFooters).push(t);
      }
    }
    lines(text, level);
  }

  if (sections.length > LIMITS.hwpSections) throw refuse(`'${fileName}'의 구역이 너무 많습니다. 보도자료가 아닌 것 같습니다.`);
  for (const section of sections) {
    for (const r of records(section)) if (r.tag === TAG.paraHeader) paragraph(r, 0);
  }
  attachCaptions(doc.blocks);
  return doc;
}
