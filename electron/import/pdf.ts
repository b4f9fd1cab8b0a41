import sharp from 'sharp';
import { extractImages, getDocumentProxy } from 'unpdf';
import { AppError } from '../../shared/errors';
import { emptyDocument, normaliseSpace, type Block, type ImportedDocument } from './document';
import { attachCaptions, CAPTION_LINE } from './html';
import { MAX_PHOTO_PIXELS } from '../../shared/media';
import { LIMITS, refuse } from './limits';
import { refuseOversizedImages } from './pdf-images';

/**
 * PDF through pdf.js (unpdf's build): the text layer's items are grouped into lines by baseline, lines
 * into paragraphs by spacing, font size and the release's markers (□, ㅇ, *, ※, -), lines with wide
 * gaps into table rows. Lines repeated at the top or bottom of every page, and page numbers, are page
 * headers and footers. Embedded photos are taken as pixels and re-encoded as PNG. A PDF without a text
 * layer (a scan) is refused: there is nothing to draft from without OCR.
 */

/**
 * pdf.js's image decoding calls ArrayBuffer.prototype.transferToFixedLength (ES2024: Node 22, Electron's
 * own Node). Under an older Node (this repository's test machines run Node 20) the call fails and every
 * photo is lost, so a copying stand-in is installed only where the method is missing.
 */
const bufferProto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer };
if (typeof bufferProto.transferToFixedLength !== 'function') {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value: function transferToFixedLength(this: ArrayBuffer, length?: number): ArrayBuffer {
      const size = length ?? this.byteLength;
      const copy = new ArrayBuffer(size);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(size, this.byteLength)));
      return copy;
    },
  });
}

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

interface Line {
  y: number;
  size: number;
  left: number;
  right: number;
  cells: string[];
  page: number;
}

const MARKER = /^(?:□|■|◇|◆|○|●|◦|ㅇ|ㆍ|·|\*|※|-\s|–|▶|▷|①|②|③|④|⑤|\d+\.\s|[가-하]\.\s|\(\d+\)|<|\[)/;
const PAGE_NUMBER = /^(?:-\s*\d+\s*-|\d+\s*\/\s*\d+|\d+|page\s*\d+)$/i;
const HANGUL = /[\uac00-\ud7a3]/;

function toLines(items: Item[], page: number): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; items: Item[] }> = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < Math.max(2, item.size * 0.3));
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const items = l.items.sort((a, b) => a.x - b.x);
      const size = Math.max(...items.map((i) => i.size));
      const cells: string[] = [];
      let cell = '';
      let end = items[0]!.x;
      for (const item of items) {
        const gap = item.x - end;
        if (cell && gap > size * 2) {
          cells.push(normaliseSpace(cell));
          cell = '';
        } else if (cell && gap > size * 0.2 && !cell.endsWith(' ')) cell += ' ';
        cell += item.str;
        end = item.x + item.w;
      }
      cells.push(normaliseSpace(cell));
      return { y: l.y, size, left: items[0]!.x, right: end, cells: cells.filter(Boolean), page };
    })
    .filter((l) => l.cells.length > 0);
}

export async function readPdf(data: Uint8Array, fileName: string): Promise<ImportedDocument> {
  refuseOversizedImages(data, fileName);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the buffer over: it gets a copy.
    // No eval for font programs (CVE-2024-4367); text and images need none. An image over the photo
    // pixel cap that pdf-images.ts could not see is dropped by pdf.js undecoded (maxImageSize).
    pdf = await getDocumentProxy(new Uint8Array(data), { stopAtErrors: true, isEvalSupported: false, maxImageSize: MAX_PHOTO_PIXELS } as Parameters<
      typeof getDocumentProxy
    >[1]);
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw refuse(`'${fileName}'은(는) 암호가 걸린 PDF입니다. 암호를 푼 PDF를 받아 다시 가져오세요.`);
    throw refuse(`'${fileName}' PDF를 읽을 수 없습니다. 파일이 손상되었거나 PDF가 아닙니다.`);
  }
  try {
    if (pdf.numPages > LIMITS.pdfPages) throw refuse(`'${fileName}'은(는) ${pdf.numPages}쪽으로 너무 깁니다 (최대 ${LIMITS.pdfPages}쪽).`);
    const doc = emptyDocument();
    const pages: Line[][] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const t = raw.transform as number[];
        items.push({ str: raw.str, x: t[4]!, y: t[5]!, w: raw.width, size: Math.abs(t[3] ?? raw.height) || raw.height || 10 });
        chars += raw.str.length;
      }
      if (chars > LIMITS.textChars) throw refuse(`'${fileName}'의 글이 너무 깁니다.`);
      pages.push(toLines(items, n));
      page.cleanup();
    }
    if (chars === 0 || pages.every((p) => p.length === 0)) {
      throw refuse(`'${fileName}'에는 글자 정보가 없습니다 (스캔한 이미지 PDF). 글자를 고를 수 있는 PDF나 HWPX·DOCX 원본을 받아 가져오세요.`);
    }

    // Page headers and footers: the first/last line of a page when it repeats on other pages, and page numbers.
    const key = (l: Line) => l.cells.join(' ').replace(/\d+/g, '#');
    const count = new Map<string, number>();
    for (const p of pages) for (const l of [p[0], p.at(-1)]) if (l) count.set(key(l), (count.get(key(l)) ?? 0) + 1);
    const repeated = (l: Line) => pages.length > 1 && (count.get(key(l)) ?? 0) >= Math.min(pages.length, 2);
    const headers = new Set<string>();
    const footers = new Set<string>();
    for (const p of pages) {
      while (p.length && (repeated(p.at(-1)!) || PAGE_NUMBER.test(p.at(-1)!.cells.join(' ')))) footers.add(p.pop()!.cells.join(' '));
      while (p.length > 1 && repeated(p[0]!)) headers.add(p.shift()!.cells.join(' '));
    }
    doc.pageHeaders.push(...headers);
    doc.pageFooters.push(...footers);

    const sizes = pages
      .flat()
      .map((l) => l.size)
      .sort((a, b) => a - b);
    const body = sizes[Math.floor(sizes.length / 2)] ?? 10;
    const maxRight = Math.max(...pages.flat().map((l) => l.right));

    for (const p of pages) {
      const pageBlocks: Block[] = [];
      let para: { text: string; last: Line; size: number } | undefined;
      let table: string[][] | undefined;
      const flush = () => {
        if (para) {
          const level = para.size > body * 1.6 ? 1 : para.size > body * 1.15 ? 2 : 0;
          pageBlocks.push(level ? { kind: 'heading', level, runs: [{ text: para.text }] } : { kind: 'paragraph', runs: [{ text: para.text }] });
        }
        para = undefined;
      };
      const flushTable = () => {
        if (table) pageBlocks.push({ kind: 'table', rows: table });
        table = undefined;
      };
      for (const line of p) {
        if (line.cells.length > 1) {
          flush();
          (table ??= []).push(line.cells);
          continue;
        }
        flushTable();
        const text = line.cells[0]!;
        const continues =
          para &&
          Math.abs(para.size - line.size) < 0.5 &&
          para.last.y - line.y < line.size * 1.7 &&
          !MARKER.test(text) &&
          !CAPTION_LINE.test(text) &&
          !CAPTION_LINE.test(para.text);
        if (continues && para) {
          // A line filled to the margin between two Hangul syllables was broken inside a word.
          const full = para.last.right >= maxRight - line.size * 0.8;
          const glue = full && HANGUL.test(para.text.slice(-1)) && HANGUL.test(text[0] ?? '') ? '' : ' ';
          para.text += glue + text;
          para.last = line;
        } else {
          flush();
          para = { text, last: line, size: line.size };
        }
      }
      flush();
      flushTable();

      const images = await extractImages(pdf, p[0]?.page ?? pages.indexOf(p) + 1).catch(() => []);
      for (const img of images) {
        if (doc.images.length >= LIMITS.images) break;
        if (img.width < 16 || img.height < 16) continue;
        let png: Buffer;
        try {
          png = await sharp(Buffer.from(img.data), {
            raw: { width: img.width, height: img.height, channels: img.channels },
            limitInputPixels: MAX_PHOTO_PIXELS,
          })
            .png()
            .toBuffer();
        } catch {
          doc.warnings.push(`${p[0]?.page ?? '?'}쪽의 그림 하나를 읽지 못했습니다.`);
          continue;
        }
        doc.images.push({ name: `pdf-image-${doc.images.length + 1}.png`, data: new Uint8Array(png) });
        const block: Block = { kind: 'image', image: doc.images.length - 1, caption: '', alt: '' };
        // Placed just before the page's caption line when it has one, else at the end of the page.
        const at = pageBlocks.findIndex((b) => b.kind === 'paragraph' && CAPTION_LINE.test(b.runs.map((r) => r.text).join('')));
        if (at >= 0) pageBlocks.splice(at, 0, block);
        else pageBlocks.push(block);
      }
      doc.blocks.push(...pageBlocks);
    }
    attachCaptions(doc.blocks);
    return doc;
  } catch (err) {
    if (err instanceof AppError) throw err;
    // A page pdf.js cannot read (stopAtErrors): the release would come out with holes, so none of it is taken.
    throw refuse(`'${fileName}' PDF의 일부를 읽을 수 없습니다. 파일이 손상되었을 수 있습니다. 원본을 다시 받아 가져오세요.`);
  } finally {
    // The worker-less build frees a document through its loading task (pdf.js 4+) or the proxy (older builds).
    const handle = pdf as unknown as { destroy?: () => Promise<void>; loadingTask?: { destroy(): Promise<void> } };
    await (handle.loadingTask?.destroy() ?? handle.destroy?.())?.catch(() => undefined);
  }
}
