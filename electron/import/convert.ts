import type { ImportFormat } from '../../shared/press-release';
import { MAX_IMPORT_BYTES } from '../../shared/press-release';
import type { ImportedDocument } from './document';
import { readDocx } from './docx';
import { htmlToDocument } from './html';
import { readHwp } from './hwp';
import { readHwpx } from './hwpx';
import { refuse } from './limits';
import { readPdf } from './pdf';
import { isCompoundFile, isZip } from './zip';

/**
 * Which format a file is, by its bytes first and its name second: a renamed file is read as what it is.
 * A file named .hwp that is neither an OLE compound file nor HWPX is refused: it is usually a failed
 * download (a web page saved under the attachment's name), not the release.
 */
export function detectFormat(data: Uint8Array, fileName: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  if (head.startsWith('%PDF-')) return 'pdf';
  if (isZip(data)) {
    if (head.includes('mimetypeapplication/hwp+zip') || ext === 'hwpx') return 'hwpx';
    if (ext === 'hwp') throw refuse(`'${fileName}'은(는) 한글 문서가 아닌 압축(zip) 파일입니다. 원본 한글 파일을 다시 받아 가져오세요.`);
    return 'docx';
  }
  if (isCompoundFile(data)) {
    if (ext === 'hwp') return 'hwp';
    if (ext === 'docx' || ext === 'doc') return 'docx';
    return 'hwp';
  }
  if (head.startsWith('HWP Document File')) {
    throw refuse(`'${fileName}'은(는) 한글 97 이전(HWP 3) 형식이라 읽을 수 없습니다. 한글에서 열어 HWPX로 다시 저장한 뒤 가져오세요.`);
  }
  if (ext === 'hwp') {
    const kind = /^\s*(?:\ufeff)?\s*</.test(head) ? '웹 페이지(HTML)' : '알 수 없는 형식의 파일';
    throw refuse(`'${fileName}'은(는) 이름만 .hwp이고 실제로는 ${kind}입니다. 내려받기가 잘못되었을 수 있으니 원본 한글 파일을 다시 받아 가져오세요.`);
  }
  if (/^\s*(?:\ufeff)?\s*<(?:!doctype\s+html|html|head|body|meta|div|p)\b/i.test(head) || ext === 'html' || ext === 'htm') return 'html';
  throw refuse(`'${fileName}'은(는) 가져올 수 있는 문서가 아닙니다. HWP, HWPX, DOCX, PDF, HTML 파일만 보도자료로 가져올 수 있습니다.`);
}

function decodeHtml(data: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 2048));
  const charset = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  // Older ministry pages are still EUC-KR (cp949).
  const label = charset === 'euc-kr' || charset === 'ks_c_5601-1987' || charset === 'cp949' ? 'euc-kr' : 'utf-8';
  return new TextDecoder(label).decode(data);
}

export async function convertDocument(data: Uint8Array, fileName: string): Promise<{ format: ImportFormat; doc: ImportedDocument }> {
  if (data.byteLength === 0) throw refuse(`'${fileName}'은(는) 빈 파일입니다.`);
  if (data.byteLength > MAX_IMPORT_BYTES) throw refuse(`'${fileName}' 파일이 너무 큽니다 (최대 ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
  const format = detectFormat(data, fileName);
  switch (format) {
    case 'hwp':
      return { format, doc: readHwp(data, fileName) };
    case 'docx':
      return { format, doc: await readDocx(data, fileName) };
    case 'hwpx':
      return { format, doc: readHwpx(data, fileName) };
    case 'pdf':
      return { format, doc: await readPdf(data, fileName) };
    case 'html':
      return { format, doc: htmlToDocument(decodeHtml(data), { label: fileName }) };
  }
}
