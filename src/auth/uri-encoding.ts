/**
 * SigV4's UriEncode (sigv4.md §5.2): every byte outside `A-Z a-z 0-9 - _ . ~` becomes `%XX` with
 * uppercase hex; space is `%20`, never `+`.
 *
 * node's HTTP parser hands over the request line and headers as Latin-1 strings, one char per byte
 * received, so a char below 256 is taken as that byte (the client signed the bytes it sent). Only a
 * char above 255, which node never produces, is taken as UTF-8.
 */

const UNRESERVED = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if ((ch >= "A" && ch <= "Z") || (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") || "-_.~".includes(ch)) {
    UNRESERVED[c] = 1;
  }
}

const PERCENT = new Array<string>(256);
for (let b = 0; b < 256; b++) PERCENT[b] = "%" + b.toString(16).toUpperCase().padStart(2, "0");

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

function isUnreservedOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || UNRESERVED[c] !== 1) return false;
  }
  return true;
}

function encodeBytes(bytes: Uint8Array, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    const b = bytes[i] as number;
    out += UNRESERVED[b] === 1 ? String.fromCharCode(b) : (PERCENT[b] as string);
  }
  return out;
}

/** Writes the bytes char `i` of `s` stands for; returns the index of the last char consumed. */
function writeChar(s: string, i: number, bytes: Buffer, at: { n: number }): number {
  const c = s.charCodeAt(i);
  if (c < 256) {
    bytes[at.n++] = c;
    return i;
  }
  let end = i + 1;
  if (c >= 0xd800 && c <= 0xdbff && end < s.length) {
    const next = s.charCodeAt(end);
    if (next >= 0xdc00 && next <= 0xdfff) end++;
  }
  // A lone surrogate becomes U+FFFD's UTF-8, as Buffer writes it.
  at.n += bytes.write(s.slice(i, end), at.n, "utf8");
  return end - 1;
}

/** UriEncode of a path segment (`/` never reaches here). */
export function uriEncode(s: string): string {
  if (isUnreservedOnly(s)) return s;
  const bytes = Buffer.allocUnsafe(s.length * 3);
  const at = { n: 0 };
  for (let i = 0; i < s.length; i++) i = writeChar(s, i, bytes, at);
  return encodeBytes(bytes, at.n);
}

/**
 * The bytes a raw query name or value stands for: `%XX` decoded, anything else (including `+` and a
 * `%` not followed by two hex digits) taken literally.
 */
function decodeToBytes(raw: string): { bytes: Buffer; length: number } {
  const bytes = Buffer.allocUnsafe(raw.length * 3);
  const at = { n: 0 };
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) === 37 /* % */ && i + 2 < raw.length) {
      const hi = hexValue(raw.charCodeAt(i + 1));
      const lo = hexValue(raw.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        bytes[at.n++] = (hi << 4) | lo;
        i += 2;
        continue;
      }
    }
    i = writeChar(raw, i, bytes, at);
  }
  return { bytes, length: at.n };
}

/** A raw query name or value in canonical form: percent-decoded, then UriEncoded (sigv4.md §5.3). */
export function canonicalQueryComponent(raw: string): string {
  if (isUnreservedOnly(raw)) return raw;
  const { bytes, length } = decodeToBytes(raw);
  return encodeBytes(bytes, length);
}

/** A raw query name or value decoded to text (invalid UTF-8 becomes U+FFFD); never throws. */
export function percentDecode(raw: string): string {
  if (isUnreservedOnly(raw)) return raw;
  const { bytes, length } = decodeToBytes(raw);
  return bytes.toString("utf8", 0, length);
}
