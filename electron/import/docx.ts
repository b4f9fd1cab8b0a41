import mammoth from 'mammoth';
import type { ImportedDocument } from './document';
import { normaliseSpace } from './document';
import { htmlToDocument } from './html';
import { refuse } from './limits';
import { isCompoundFile, ZipArchive } from './zip';
import { rebuildZip } from './zip-rebuild';

/** Word's caption style (and its Korean name) becomes a class html.ts reads as a photo caption. */
const STYLE_MAP = [
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='캡션'] => p.caption:fresh",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
];

function partText(xml: string): string {
  return normaliseSpace(
    xml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<w:tab\/>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/**
 * DOCX through mammoth (the maintained DOCX → HTML converter), after the archive passed the zip checks
 * (mammoth's own unzip has no limits), from a zip rebuilt of the checked entries only. Page headers and footers, which mammoth leaves out, are read
 * from word/header*.xml and word/footer*.xml for the set-aside panel.
 */
export async function readDocx(data: Uint8Array, fileName: string): Promise<ImportedDocument> {
  if (isCompoundFile(data)) {
    throw refuse(`'${fileName}'은(는) 암호가 걸렸거나 예전 워드(.doc) 형식입니다. 워드에서 암호를 풀고 .docx로 다시 저장해 가져오세요.`);
  }
  const zip = new ZipArchive(data, fileName);
  if (!zip.has('word/document.xml')) throw refuse(`'${fileName}'은(는) 워드 문서(.docx)가 아닙니다 (word/document.xml이 없습니다).`);
  // Every part is inflated here under the limits before mammoth sees the file.
  const headers: string[] = [];
  const footers: string[] = [];
  for (const name of zip.names()) {
    if (/^word\/header\d*\.xml$/.test(name)) headers.push(partText(zip.text(name)));
    else if (/^word\/footer\d*\.xml$/.test(name)) footers.push(partText(zip.text(name)));
    else zip.read(name);
  }
  // mammoth gets a zip of what was just checked, not the file: its unzipper reads names and sizes its own way.
  const checked = rebuildZip(zip.validated());
  const images = new Map<string, { name: string; data: Uint8Array }>();
  let result: { value: string };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          const key = `byline-image:${images.size}`;
          const ext = (image.contentType.split('/')[1] ?? 'bin').replace('jpeg', 'jpg');
          images.set(key, { name: `docx-image-${images.size + 1}.${ext}`, data: new Uint8Array(await image.readAsBuffer()) });
          return { src: key };
        }),
      },
    );
  } catch {
    throw refuse(`'${fileName}' 워드 문서를 읽을 수 없습니다. 파일이 손상되었을 수 있습니다. 워드에서 열어 다시 저장해 보세요.`);
  }
  const doc = htmlToDocument(`<!doctype html><html><body>${result.value}</body></html>`, { image: (src) => images.get(src), label: fileName });
  doc.pageHeaders.push(...headers.filter(Boolean));
  doc.pageFooters.push(...footers.filter(Boolean));
  return doc;
}
