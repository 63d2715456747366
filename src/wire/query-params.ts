/**
 * The parameters of a Query request (iam-sts.md §1.1): `application/x-www-form-urlencoded` pairs from
 * the query string and, for a form POST, the body; a name in both takes the body's value (unverified).
 * Within one source a repeated name keeps its last value.
 */
export type QueryParams = ReadonlyMap<string, string>;

export function queryParams(queryString: string, form: string | undefined): QueryParams {
  const params = new Map<string, string>();
  addPairs(params, queryString);
  if (form !== undefined) addPairs(params, form);
  return params;
}

/** Form bodies: the SDKs send `application/x-www-form-urlencoded; charset=utf-8`; no type reads as a form too. */
export function isFormContentType(value: string | undefined): boolean {
  return value === undefined || value.toLowerCase().startsWith("application/x-www-form-urlencoded");
}

function addPairs(into: Map<string, string>, text: string): void {
  if (text === "") return;
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    into.set(name, eq < 0 ? "" : decode(pair.slice(eq + 1)));
  }
}

/**
 * `+` is a space in form encoding. As URLSearchParams does, a `%` not followed by two hex digits
 * stays as written and bytes that are not UTF-8 become U+FFFD (what AWS answers is unrecorded).
 */
function decode(s: string): string {
  if (!s.includes("%") && !s.includes("+")) return s;
  const spaced = s.replaceAll("+", " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return lenientDecode(spaced);
  }
}

function lenientDecode(s: string): string {
  const bytes: number[] = [];
  for (const byte of Buffer.from(s, "utf8").values()) bytes.push(byte);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    const hex = b === 0x25 && i + 2 < bytes.length ? String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(b);
    }
  }
  return Buffer.from(out).toString("utf8");
}
