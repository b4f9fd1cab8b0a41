import { zipSync, strToU8 } from 'fflate';
import PDFDocument from 'pdfkit';
import { AlignmentType, Document, Footer, Header, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { makeImage } from './images';

/**
 * Real press releases for the import tests, made the way ministries make them: a DOCX written by the
 * `docx` package, an HWPX zipped from OWPML XML written here, a PDF drawn by pdfkit with Noto Sans CJK.
 * Each carries the same release (과학기술정보통신부 style, DESIGN.md): the 보도자료 box with 보도시점 and
 * 배포, title, "- … -" subtitle, □/ㅇ/* body, a table, a photo with its caption, the contact table, a
 * 붙임 line, page header and footer.
 */

export const RELEASE = {
  issuer: '과학기술정보통신부',
  pageHeader: '과학기술정보통신부 보도자료',
  pageFooter: '- 1 -',
  embargo: '2026. 2. 10.(화) 12:00',
  embargoIso: '2026-02-10T03:00:00.000Z',
  distribution: '2026. 2. 9.(월) 14:00',
  title: '양자컴퓨터 상용화 5년 앞당긴다',
  subtitle: '과기정통부, 「2030 양자기술 전략」 발표… 5년간 1조 원 투자',
  /** Body paragraphs as the release writes them, markers included. */
  lead: "□ 과학기술정보통신부(장관 배경훈, 이하 '과기정통부')는 2월 10일 정부서울청사에서 「2030 양자기술 전략」을 발표했다.",
  items: [
    'ㅇ 이번 전략은 양자컴퓨터, 양자통신, 양자센서 세 분야의 핵심 기술 확보를 목표로 한다.',
    'ㅇ 정부는 2030년까지 1조 원을 투자해 양자 전문인력 2,500명을 기른다.',
  ],
  note: '* 양자컴퓨터: 양자역학의 중첩과 얽힘을 이용해 계산하는 컴퓨터',
  tableIntro: '□ 연도별 투자 계획은 다음과 같다.',
  table: [
    ['구분', '2025년', '2030년'],
    ['투자(억 원)', '3,000', '10,000'],
    ['전문인력(명)', '500', '2,500'],
  ],
  caption: '배경훈 장관이 10일 양자컴퓨터 시제품을 살펴보고 있다',
  photoCredit: '과학기술정보통신부',
  quote:
    '□ 배경훈 장관은 "양자기술은 인공지능 다음의 국가 경쟁력을 좌우할 전략기술"이라며 "산학연이 함께 세계 최고 수준의 양자컴퓨터를 만들 수 있도록 연구 현장의 목소리를 듣고 제도를 정비하겠다"고 말했다.',
  contact: [
    ['담당 부서', '양자혁신기술개발과', '책임자', '과장 홍길동 (044-202-4930)'],
    ['', '', '담당자', '사무관 김철수 (044-202-4931)'],
  ],
  attachment: '붙임 2030 양자기술 전략 요약본 1부.',
} as const;

/**
 * A ministry masthead ("보 도 자 료", "[보도참고자료]"…) above the times instead of the 보도자료 box, in a
 * box when `box` (a one-cell table; a frame in a PDF), letter-spaced by the PDF's own spacing when
 * `spacing`. Such a release names its issuer in the lead only: no page header.
 */
export interface Masthead {
  text: string;
  box?: boolean;
  spacing?: number;
}

/** What the analyser proposes for the release, whichever format carries it. */
export const RELEASE_PROPOSALS = {
  headline: RELEASE.title,
  deck: RELEASE.subtitle,
  sourceAttribution: RELEASE.issuer,
  embargoAt: RELEASE.embargoIso,
  embargoText: RELEASE.embargo,
};

const timesRow = () => ['보도시점', RELEASE.embargo, '배포', RELEASE.distribution];

export const captionLine = () => `▲ ${RELEASE.caption} (사진=${RELEASE.photoCredit})`;

export function releasePhoto(): Promise<Buffer> {
  return makeImage('png', { width: 320, height: 200, seed: 2026 });
}

// ---- DOCX ----

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)], width: { size: 25, type: WidthType.PERCENTAGE } });
const table = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
  new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })), width: { size: 100, type: WidthType.PERCENTAGE } });

export async function makeDocx(options: { photo?: Buffer; masthead?: Masthead } = {}): Promise<Buffer> {
  const photo = options.photo ?? (await releasePhoto());
  const r = RELEASE;
  const m = options.masthead;
  const top = m
    ? [m.box ? table([[m.text]]) : new Paragraph({ text: m.text, alignment: AlignmentType.CENTER }), table([timesRow()])]
    : [
        table([
          [r.issuer, '보도자료'],
          ['보도시점', r.embargo, '배포', r.distribution],
        ]),
      ];
  const doc = new Document({
    creator: r.issuer,
    title: r.title,
    sections: [
      {
        headers: m ? {} : { default: new Header({ children: [new Paragraph(r.pageHeader)] }) },
        footers: { default: new Footer({ children: [new Paragraph({ text: r.pageFooter, alignment: AlignmentType.CENTER })] }) },
        children: [
          ...top,
          new Paragraph({ text: r.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: `- ${r.subtitle} -`, alignment: AlignmentType.CENTER }),
          new Paragraph(r.lead),
          ...r.items.map((t) => new Paragraph(t)),
          new Paragraph(r.note),
          new Paragraph({ children: [new TextRun({ text: r.tableIntro, bold: true })] }),
          table(r.table),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: photo, transformation: { width: 320, height: 200 } })] }),
          new Paragraph(captionLine()),
          new Paragraph(r.quote),
          table(r.contact),
          new Paragraph(r.attachment),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ---- HWPX (OWPML) ----

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const NS =
  'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"';
let paraId = 0;
const run = (inner: string) => `<hp:run charPrIDRef="0">${inner}</hp:run>`;
const para = (inner: string, style = 0) =>
  `<hp:p id="${(paraId += 1)}" paraPrIDRef="0" styleIDRef="${style}" pageBreak="0" columnBreak="0" merged="0">${inner}</hp:p>`;
const textPara = (text: string, style = 0) => para(run(`<hp:t>${esc(text)}</hp:t>`), style);
const subList = (text: string) => `<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER">${textPara(text)}</hp:subList>`;
const hwpxTable = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
  para(
    run(
      `<hp:tbl id="${(paraId += 1)}" rowCnt="${rows.length}" colCnt="${Math.max(...rows.map((r) => r.length))}" cellSpacing="0" borderFillIDRef="1">` +
        rows
          .map(
            (r, ri) =>
              `<hp:tr>${r.map((c, ci) => `<hp:tc name="" header="0" borderFillIDRef="1">${subList(c)}<hp:cellAddr colAddr="${ci}" rowAddr="${ri}"/><hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>`).join('')}</hp:tr>`,
          )
          .join('') +
        '</hp:tbl>',
    ),
  );

export interface HwpxOptions {
  photo?: Buffer;
  /** Marks the package encrypted the way OWPML's manifest does (ODF-style encryption-data). */
  encrypted?: boolean;
  /** Replace or add entries (corrupt XML, extra files). */
  extra?: Record<string, Uint8Array>;
  masthead?: Masthead;
}

export async function makeHwpx(options: HwpxOptions = {}): Promise<Buffer> {
  const photo = options.photo ?? (await releasePhoto());
  const r = RELEASE;
  const m = options.masthead;
  paraId = 0;
  const pageHeader = m ? '' : `<hp:ctrl><hp:header id="1" applyPageType="BOTH">${subList(r.pageHeader)}</hp:header></hp:ctrl>`;
  const top = m
    ? (m.box ? hwpxTable([[m.text]]) : textPara(m.text)) + hwpxTable([timesRow()])
    : hwpxTable([
        [r.issuer, '보도자료'],
        ['보도시점', r.embargo, '배포', r.distribution],
      ]);
  const section =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hs:sec ${NS}>` +
    para(
      run(
        `<hp:secPr id="" textDirection="HORIZONTAL"/>${pageHeader}` +
          `<hp:ctrl><hp:footer id="2" applyPageType="BOTH">${subList(r.pageFooter)}</hp:footer></hp:ctrl>`,
      ),
    ) +
    top +
    textPara(r.title) +
    textPara(`- ${r.subtitle} -`) +
    textPara(r.lead) +
    r.items.map((t) => textPara(t)).join('') +
    textPara(r.note) +
    textPara(r.tableIntro) +
    hwpxTable(r.table) +
    para(
      run(
        `<hp:pic id="${(paraId += 1)}" zOrder="0" numberingType="PICTURE" textWrap="TOP_AND_BOTTOM"><hp:sz width="24000" height="15000"/>` +
          `<hc:img binaryItemIDRef="image1" bright="0" contrast="0" effect="REAL_PIC" alpha="0"/>` +
          `<hp:caption side="BOTTOM" fullSz="0" width="8504" gap="850" lastWidth="24000">${subList(captionLine())}</hp:caption></hp:pic>`,
      ),
    ) +
    textPara(r.quote) +
    hwpxTable(r.contact) +
    textPara(r.attachment) +
    '</hs:sec>';
  const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hh:head ${NS} version="1.4" secCnt="1"><hh:refList><hh:styles itemCnt="2"><hh:style id="0" type="PARA" name="바탕글" engName="Normal" paraPrIDRef="0" charPrIDRef="0" nextStyleIDRef="0" langID="1042"/><hh:style id="1" type="PARA" name="개요 1" engName="Outline 1" paraPrIDRef="0" charPrIDRef="0" nextStyleIDRef="1" langID="1042"/></hh:styles></hh:refList></hh:head>`;
  const hpf = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/" version="" unique-identifier="" id=""><opf:metadata><opf:title>${esc(r.title)}</opf:title></opf:metadata><opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/><opf:item id="image1" href="BinData/image1.png" media-type="image/png" isEmbeded="1"/><opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/></opf:manifest><opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>`;
  const manifest = options.encrypted
    ? `<?xml version="1.0" encoding="UTF-8"?><odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><odf:file-entry odf:full-path="Contents/section0.xml" odf:media-type="application/xml"><odf:encryption-data odf:checksum-type="SHA1" odf:checksum="AAAA"><odf:algorithm odf:algorithm-name="AES"/></odf:encryption-data></odf:file-entry></odf:manifest>`
    : `<?xml version="1.0" encoding="UTF-8"?><odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`;
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [strToU8('application/hwp+zip'), { level: 0 }],
    'version.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="1" buildNumber="0" os="1" xmlVersion="1.4" application="Hancom Office Hangul" appVersion="12.0.0.0"/>',
    ),
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/></ocf:rootfiles></ocf:container>',
    ),
    'META-INF/manifest.xml': strToU8(manifest),
    'Contents/content.hpf': strToU8(hpf),
    'Contents/header.xml': strToU8(header),
    'Contents/section0.xml': strToU8(section),
    'BinData/image1.png': new Uint8Array(photo),
    ...options.extra,
  };
  return Buffer.from(zipSync(files));
}

// ---- PDF ----

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FONT_NAME = 'NotoSansCJKkr-Regular';

/** Draws pages with pdfkit; `draw` gets the document with the Korean font set. */
export function drawPdf(draw: (doc: PDFKit.PDFDocument) => void | Promise<void>, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    Promise.resolve()
      .then(() => {
        doc.font(FONT, FONT_NAME);
        return draw(doc);
      })
      .then(() => doc.end(), reject);
  });
}

/** The release on two pages, with the page header and page number repeated on each. */
export async function makePdf(options: { photo?: Buffer; masthead?: Masthead } = {}): Promise<Buffer> {
  const photo = options.photo ?? (await releasePhoto());
  const r = RELEASE;
  const m = options.masthead;
  const row = (doc: PDFKit.PDFDocument, cells: readonly string[], xs: readonly number[], size = 11) => {
    const y = doc.y;
    doc.fontSize(size);
    cells.forEach((c, i) => {
      if (c) doc.text(c, xs[i]!, y, { lineBreak: false });
    });
    doc.x = 72;
    doc.y = y + size * 1.8;
  };
  const chrome = (doc: PDFKit.PDFDocument, page: number) => {
    if (!m) doc.fontSize(9).text(r.pageHeader, 72, 40, { lineBreak: false });
    doc.fontSize(9).text(`- ${page} -`, 280, 800, { lineBreak: false });
    doc.x = 72;
    doc.y = 72;
  };
  const paragraph = (doc: PDFKit.PDFDocument, text: string, size = 11) => {
    doc.fontSize(size).text(text, 72, doc.y, { width: 451 });
    doc.moveDown(0.8);
  };
  return drawPdf((doc) => {
    chrome(doc, 1);
    if (m) {
      const y = doc.y;
      doc.fontSize(22).text(m.text, 72, y, { width: 451, align: 'center', characterSpacing: m.spacing ?? 0 });
      if (m.box) doc.rect(200, y - 8, 195, doc.y - y + 12).stroke();
      doc.moveDown(1);
    } else row(doc, [r.issuer, '보도자료'], [72, 350]);
    row(doc, timesRow(), [72, 150, 330, 380]);
    doc.moveDown(1);
    paragraph(doc, r.title, 20);
    paragraph(doc, `- ${r.subtitle} -`, 13);
    paragraph(doc, r.lead);
    for (const t of r.items) paragraph(doc, t);
    paragraph(doc, r.note);
    paragraph(doc, r.tableIntro);
    for (const cells of r.table) row(doc, cells, [72, 250, 400]);
    doc.moveDown(0.5);
    doc.image(photo, 72, doc.y, { width: 240 });
    doc.y += 160;
    paragraph(doc, captionLine(), 10);
    doc.addPage();
    chrome(doc, 2);
    paragraph(doc, r.quote);
    for (const cells of r.contact) row(doc, cells, [72, 150, 300, 360]);
    doc.moveDown(0.5);
    paragraph(doc, r.attachment);
  });
}

/** A "scanned" release: one page that is only a picture, no text layer. */
export async function makeScannedPdf(): Promise<Buffer> {
  const photo = await makeImage('png', { width: 600, height: 800, seed: 7 });
  return drawPdf((doc) => {
    doc.image(photo, 0, 0, { width: 595 });
  });
}

/** A PDF longer than any release: `pages` blank pages with a line of text on the first. */
export function makeLongPdf(pages: number): Promise<Buffer> {
  return drawPdf((doc) => {
    doc.fontSize(12).text('백서 전문');
    for (let i = 1; i < pages; i += 1) doc.addPage();
  });
}

/** A password-protected PDF (pdfkit's RC4/AES encryption with a user password). */
export function makeEncryptedPdf(): Promise<Buffer> {
  return drawPdf(
    (doc) => {
      doc.fontSize(12).text('대외비 보도자료');
    },
    { userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' },
  );
}

/** A saved ministry web page: navigation around an <article> holding the release. */
export function makeHtmlPage(photo: Buffer, masthead?: Masthead): string {
  const r = RELEASE;
  const top = masthead
    ? `${masthead.box ? `<table><tr><td>${esc(masthead.text)}</td></tr></table>` : `<p>${esc(masthead.text)}</p>`}<table><tr>${timesRow()
        .map((c) => `<td>${esc(c)}</td>`)
        .join('')}</tr></table>`
    : `<table><tr><td>${r.issuer}</td><td>보도자료</td></tr><tr><td>보도시점</td><td>${r.embargo}</td><td>배포</td><td>${r.distribution}</td></tr></table>`;
  const rows = (t: ReadonlyArray<ReadonlyArray<string>>) => t.map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>${esc(r.title)} | ${r.issuer}</title><script>alert(1)</script></head>
<body><nav><a href="/">홈</a> <a href="/news">보도자료</a></nav>
<article>
${top}
<h1>${esc(r.title)}</h1><p>- ${esc(r.subtitle)} -</p>
<p onclick="steal()">${esc(r.lead)}</p>
<p>자세한 내용은 <a href="javascript:alert(1)">여기</a>나 <a href="https://www.msit.go.kr/">과기정통부 누리집</a>에서 볼 수 있다.</p>
${r.items.map((t) => `<p>${esc(t)}</p>`).join('')}<p>${esc(r.note)}</p><p><b>${esc(r.tableIntro)}</b></p>
<table>${rows(r.table)}</table>
<figure><img src="data:image/png;base64,${photo.toString('base64')}" alt="양자컴퓨터 시제품"><figcaption>${esc(captionLine())}</figcaption></figure>
<p>${esc(r.quote)}</p><iframe src="https://evil.example/"></iframe>
<table>${rows(r.contact)}</table><p>${esc(r.attachment)}</p>
</article><footer>Copyright 과학기술정보통신부</footer></body></html>`;
}

// ---- Bad input ----

/**
 * A DOCX-shaped zip whose word/document.xml inflates to 64 MB of zeros from ~64 KB. `lie` rewrites the
 * declared size in both headers to 1,000 bytes, so only the inflater's cap can catch it.
 */
export function makeZipBomb(options: { lie?: boolean } = {}): Buffer {
  const zip = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }));
  if (options.lie) {
    for (let i = 0; i < zip.length - 4; i += 1) {
      const sig = zip.readUInt32LE(i);
      const nameAt = sig === 0x04034b50 ? i + 30 : sig === 0x02014b50 ? i + 46 : -1;
      if (nameAt < 0) continue;
      const nameLen = zip.readUInt16LE(sig === 0x04034b50 ? i + 26 : i + 28);
      if (zip.toString('utf8', nameAt, nameAt + nameLen) !== 'word/document.xml') continue;
      zip.writeUInt32LE(1_000, sig === 0x04034b50 ? i + 22 : i + 24);
    }
  }
  return zip;
}

/** A zip that ends where it should not: the central directory is cut off. */
export function makeCorruptZip(): Buffer {
  const zip = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
  return zip.subarray(0, zip.length - 30);
}

/** An OLE compound file header: what an encrypted DOCX and an HWP 5 file both start with. */
export function makeCompoundFile(): Buffer {
  const out = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out);
  out.write('EncryptedPackage', 1024, 'utf16le');
  return out;
}
