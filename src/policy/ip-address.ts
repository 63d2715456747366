/** An address as a number of its family: 32 bits for IPv4, 128 for IPv6. */
export interface IpValue {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export interface IpRange {
  readonly family: 4 | 6;
  readonly network: bigint;
  readonly mask: bigint;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(text: string): bigint | undefined {
  const m = IPV4.exec(text);
  if (m === null) return undefined;
  let value = 0n;
  for (const octet of m.slice(1)) {
    const n = Number(octet);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let body = text;
  let tail: bigint[] = [];
  // An embedded IPv4 address supplies the last two groups (`::ffff:192.0.2.1`).
  const lastColon = body.lastIndexOf(":");
  if (body.includes(".")) {
    const v4 = parseIpv4(body.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [v4 >> 16n, v4 & 0xffffn];
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith("::")) body = body.slice(0, -1);
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const group = (s: string): bigint[] | undefined => {
    if (s === "") return [];
    const out: bigint[] = [];
    for (const g of s.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(BigInt(`0x${g}`));
    }
    return out;
  };
  const head = group(halves[0] ?? "");
  const rest = halves.length === 2 ? group(halves[1] ?? "") : [];
  if (head === undefined || rest === undefined) return undefined;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined;
  const groups = [...head, ...new Array<bigint>(8 - given).fill(0n), ...rest, ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

const MAPPED_V4_PREFIX = 0xffffn << 32n;

/**
 * `aws:SourceIp` as an address. An IPv4-mapped IPv6 address (`::ffff:203.0.113.5`, what node's
 * socket reports on a dual-stack listener) is the IPv4 address it carries.
 */
export function parseIpAddress(text: string): IpValue | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  if (!text.includes(":")) return undefined;
  const v6 = parseIpv6(text);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === MAPPED_V4_PREFIX >> 32n) return { family: 4, value: v6 & 0xffffffffn };
  return { family: 6, value: v6 };
}

/** A policy value of IpAddress/NotIpAddress (§5.2): CIDR, or one address (= /32 or /128). */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf("/");
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const v4 = parseIpv4(addressText);
  const family: 4 | 6 = v4 !== undefined ? 4 : 6;
  const address = v4 ?? (addressText.includes(":") ? parseIpv6(addressText) : undefined);
  if (address === undefined) return undefined;
  const width = family === 4 ? 32 : 128;
  const prefixText = slash === -1 ? String(width) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > width) return undefined;
  const hostBits = BigInt(width - Number(prefixText));
  const all = (1n << BigInt(width)) - 1n;
  const mask = all ^ ((1n << hostBits) - 1n);
  return { family, network: address & mask, mask };
}

export function ipInRange(ip: IpValue, range: IpRange): boolean {
  return ip.family === range.family && (ip.value & range.mask) === range.network;
}
