import type { Page } from '@playwright/test';

/**
 * Real photos for browser tests, made in the page with a canvas (Chromium's own JPEG and PNG encoders),
 * with an XMP packet spliced into the JPEG the way cameras and agency tools carry caption and credit.
 */

export interface PhotoSpec {
  width: number;
  height: number;
  /** Drawn into the picture so two photos never share a hash. */
  label: string;
  type?: 'image/jpeg' | 'image/png';
}

export async function makePhoto(page: Page, spec: PhotoSpec): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ({ width, height, label, type }) => {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d')!;
      const grad = g.createLinearGradient(0, 0, width, height);
      grad.addColorStop(0, '#2b4c7e');
      grad.addColorStop(1, '#e0a458');
      g.fillStyle = grad;
      g.fillRect(0, 0, width, height);
      g.fillStyle = '#fff';
      g.font = `${Math.round(height / 6)}px sans-serif`;
      g.fillText(label, width / 10, height / 2);
      const blob = await canvas.convertToBlob({ type, quality: 0.9 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    },
    { ...spec, type: spec.type ?? 'image/jpeg' },
  );
  return Buffer.from(bytes);
}

const XMP_NAMESPACE = 'http://ns.adobe.com/xap/1.0/\0';

/** An XMP packet with IPTC Core's caption (dc:description), creator and Photoshop's credit line. */
export function xmpPacket(fields: { caption: string; credit: string; creator: string }): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(fields.caption)}</rdf:li></rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>${esc(fields.creator)}</rdf:li></rdf:Seq></dc:creator>
   <photoshop:Credit>${esc(fields.credit)}</photoshop:Credit>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Inserts an APP1 XMP segment right after the JPEG's SOI marker. */
export function withXmp(jpeg: Buffer, packet: string): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const payload = Buffer.concat([Buffer.from(XMP_NAMESPACE, 'latin1'), Buffer.from(packet, 'utf8')]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** Drops files on an element the way the system does: dragenter, dragover and drop with a real DataTransfer. */
export async function dropFiles(page: Page, selector: string, files: Array<{ name: string; type: string; bytes: Buffer }>): Promise<void> {
  const transfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      return dt;
    },
    files.map((f) => ({ name: f.name, type: f.type, bytes: [...f.bytes] })),
  );
  const box = await page.locator(selector).first().boundingBox();
  const at = box ? { clientX: box.x + box.width / 2, clientY: box.y + Math.min(box.height / 2, 20) } : {};
  for (const type of ['dragenter', 'dragover', 'drop'])
    await page
      .locator(selector)
      .first()
      .dispatchEvent(type, { dataTransfer: transfer, ...at });
}
