/** The texts an exported photo carries, as IPTC Core writes them into XMP. */
export interface XmpFields {
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An XMP packet with caption (dc:description), creator (dc:creator), copyright (dc:rights) and credit
 * line (photoshop:Credit): the fields a CMS and the portals read from a news photo. Empty fields are
 * left out rather than written empty.
 */
export function xmpPacket(fields: XmpFields): string {
  const alt = (tag: string, text: string) => (text ? `<${tag}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt></${tag}>` : '');
  const body = [
    alt('dc:description', fields.caption),
    fields.creator ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(fields.creator)}</rdf:li></rdf:Seq></dc:creator>` : '',
    alt('dc:rights', fields.copyright),
    fields.credit ? `<photoshop:Credit>${escapeXml(fields.credit)}</photoshop:Credit>` : '',
  ].filter(Boolean);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">',
    ...body,
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
