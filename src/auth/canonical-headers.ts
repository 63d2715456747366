import { incompleteSignature, type AuthProtocol } from "../errors/auth-errors.js";

// The whitespace both reference clients collapse in the Latin-1 range node hands over:
// botocore's str.split() and the JS SDK's /\s+/.
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160;
}

/** Trimall (sigv4.md §5.4): strip both ends, collapse inner whitespace runs to one space. */
export function trimAll(value: string): string {
  const n = value.length;
  let clean = n === 0 || (!isSpace(value.charCodeAt(0)) && !isSpace(value.charCodeAt(n - 1)));
  for (let i = 0; clean && i < n; i++) {
    const c = value.charCodeAt(i);
    if (isSpace(c) && (c !== 32 || isSpace(value.charCodeAt(i + 1)))) clean = false;
  }
  if (clean) return value;
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = out.length > 0;
    } else {
      if (pendingSpace) out += " ";
      pendingSpace = false;
      out += value[i];
    }
  }
  return out;
}

/**
 * The CanonicalHeaders block for `signedNames` (already lowercase), each line ending in "\n".
 * Values come from node's rawHeaders because `req.headers` joins duplicates with ", " and drops some
 * (host, user-agent); AWS joins each Trimall-ed occurrence with "," in the order received. Over
 * HTTP/2 `:authority` stands in for an absent `host`.
 */
export function canonicalHeaders(
  signedNames: readonly string[],
  rawHeaders: readonly string[],
  protocol: AuthProtocol,
): string {
  const values = new Array<string | undefined>(signedNames.length);
  let authority: string | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const rawName = rawHeaders[i];
    const rawValue = rawHeaders[i + 1];
    if (typeof rawName !== "string" || typeof rawValue !== "string") continue;
    const name = rawName.toLowerCase();
    const index = signedNames.indexOf(name);
    if (index < 0) {
      if (name === ":authority") authority = trimAll(rawValue);
      continue;
    }
    const value = trimAll(rawValue);
    const previous = values[index];
    values[index] = previous === undefined ? value : previous + "," + value;
  }
  let block = "";
  for (let i = 0; i < signedNames.length; i++) {
    const name = signedNames[i] as string;
    let value = values[i];
    if (value === undefined && name === "host") value = authority;
    if (value === undefined) {
      throw incompleteSignature(protocol, `'${name}' is named as a SignedHeader, but it does not exist in the HTTP request.`);
    }
    block += name + ":" + value + "\n";
  }
  return block;
}
