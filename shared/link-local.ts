/*
 * Addresses a CMS target may never be: link-local ones (169.254.0.0/16, fe80::/10), where clouds answer
 * with their instance metadata and credentials, and the metadata services' own names and addresses.
 * A publish sends the target's password with every request, so such an address would hand it, and
 * whatever answers, to the machine's cloud account. LAN (10/8, 172.16/12, 192.168/16) and loopback stay
 * allowed: a newsroom's CMS is often on its own network. Pure code: the contract (renderer and main)
 * and the connection-time guard (electron/publish/address-guard.ts) share it.
 */

/** Short enough to reach the settings form whole (a refused field's message is clipped at 120 characters). */
export const LINK_LOCAL_MESSAGE = '링크 로컬·클라우드 메타데이터 주소(169.254.x.x, fe80:: 등)에는 비밀번호를 보내지 않습니다. CMS 사이트 주소를 쓰세요.';

/** Names of cloud metadata services, as resolvers inside those clouds answer them. */
const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
]);

/** Metadata services outside the link-local ranges: Alibaba Cloud (IPv4) and AWS (IPv6). */
const METADATA_V4 = new Set(['100.100.100.200']);
const METADATA_V6 = [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(',');

function ipv4(text: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const bytes = m.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail read, a zone dropped). */
function ipv6(text: string): number[] | undefined {
  let s = text.replace(/%.*$/, '').toLowerCase();
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (tail) {
    const v4 = ipv4(tail[1]!);
    if (!v4) return undefined;
    s = `${s.slice(0, tail.index)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const part = (h: string) => (h === '' ? [] : h.split(':'));
  const head = part(halves[0]!);
  const rest = halves.length === 2 ? part(halves[1]!) : [];
  const fill = 8 - head.length - rest.length;
  if (halves.length === 2 ? fill < 1 : head.length !== 8) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => parseInt(g, 16));
}

function v4Refused(b: readonly number[]): boolean {
  return (b[0] === 169 && b[1] === 254) || METADATA_V4.has(b.join('.'));
}

/** IPv4 carried inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:aabb:ccdd::). */
function embeddedV4(g: readonly number[]): number[] | undefined {
  const bytes = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255];
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (g[5] === 0xffff || (g[5] === 0 && (g[6] !== 0 || g[7]! > 1)))) return bytes(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return bytes(g[6]!, g[7]!);
  if (g[0] === 0x2002) return bytes(g[1]!, g[2]!);
  return undefined;
}

/** Whether an IP address (IPv4 dotted, or IPv6 without brackets) is one a CMS target may not be. Anything else answers false. */
export function isRefusedAddress(address: string): boolean {
  const v4 = ipv4(address);
  if (v4) return v4Refused(v4);
  const g = ipv6(address);
  if (!g) return false;
  if ((g[0]! & 0xffc0) === 0xfe80) return true;
  if (g.join(',') === METADATA_V6) return true;
  const inner = embeddedV4(g);
  return inner !== undefined && v4Refused(inner);
}

/** Whether a URL's hostname (as `new URL()` gives it: IPv6 in brackets) names a refused address or a metadata service. */
export function isRefusedHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '');
  return METADATA_NAMES.has(host) || isRefusedAddress(host);
}
