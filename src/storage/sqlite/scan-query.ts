import { VERSION_SELECT } from "./version-row.js";
import type { ParameterScan } from "../ports.js";

/**
 * A scan reduced to one index range: `key` between `lower` and `upper`, optionally within one
 * `parent`. Every constraint of a ParameterScan (recursive path, key prefix, keyset position) is a
 * range on the key, so they intersect into a single range here rather than in SQL, where a second
 * bound on the same column would be checked row by row instead of seeking.
 */
export interface ScanRange {
  readonly parent: string | null;
  readonly lower: string;
  readonly lowerInclusive: boolean;
  /** Exclusive; null when the range runs to the end of the region. */
  readonly upper: string | null;
}

/** The statement shape a range needs; each distinct shape is prepared once. */
export function scanShape(range: ScanRange): string {
  return `${range.parent === null ? "all" : "level"}:${range.lowerInclusive ? ">=" : ">"}:${range.upper === null ? "open" : "closed"}`;
}

export function scanSql(range: ScanRange): string {
  // CROSS JOIN pins `parameters` as the outer loop, so ORDER BY walks its index and LIMIT stops early.
  return `SELECT ${VERSION_SELECT} FROM parameters p CROSS JOIN versions v
    ON v.region = p.region AND v.key = p.key AND v.version = p.latest_version
    WHERE p.region = @region
      ${range.parent === null ? "" : "AND p.parent = @parent"}
      AND p.key ${range.lowerInclusive ? ">=" : ">"} @lower
      ${range.upper === null ? "" : "AND p.key < @upper"}
    ORDER BY p.key LIMIT @limit`;
}

/** The range a scan covers, or null when it provably selects nothing. */
export function scanRange(scan: ParameterScan): ScanRange | null {
  let lower = "";
  let lowerInclusive = true;
  let upper: string | null = null;
  const prefixes: string[] = [];
  if (scan.under?.recursive === true) prefixes.push(scan.under.path);
  if (scan.keyPrefix !== undefined) prefixes.push(scan.keyPrefix);
  for (const prefix of prefixes) {
    if (compareKeys(prefix, lower) > 0) {
      lower = prefix;
      lowerInclusive = true;
    }
    const end = prefixEnd(prefix);
    if (end !== null && (upper === null || compareKeys(end, upper) < 0)) upper = end;
  }
  if (scan.afterKey !== undefined && compareKeys(scan.afterKey, lower) >= 0) {
    lower = scan.afterKey;
    lowerInclusive = false;
  }
  if (upper !== null && compareKeys(lower, upper) >= 0) return null;
  const parent = scan.under !== undefined && !scan.under.recursive ? scan.under.path : null;
  return { parent, lower, lowerInclusive, upper };
}

/**
 * The least string greater than every string starting with `prefix` (null if there is none):
 * the prefix with its last code point incremented. Exact for any key, unlike `prefix || char(0x10FFFF)`.
 */
export function prefixEnd(prefix: string): string | null {
  const codePoints = Array.from(prefix);
  while (codePoints.length > 0) {
    const last = codePoints.pop()?.codePointAt(0) ?? 0;
    if (last < 0x10ffff) {
      // Surrogate code points cannot be stored as UTF-8; the next storable one is U+E000.
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
      return codePoints.join("") + String.fromCodePoint(next);
    }
  }
  return null;
}

/** SQLite's BINARY collation: UTF-8 bytes, i.e. code point order (JS `<` compares UTF-16 units). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
