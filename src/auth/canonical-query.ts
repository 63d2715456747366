import { canonicalQueryComponent } from "./uri-encoding.js";

/** One query parameter, name and value already in canonical (decoded, re-encoded) form. */
export interface QueryParam {
  readonly name: string;
  readonly value: string;
}

/**
 * Splits a raw query string (sigv4.md §5.3): pieces on `&`, name and value on the first `=`, a piece
 * without `=` has the value "". Empty pieces are kept as `=` like botocore's `partition('=')`.
 */
export function parseQuery(rawQuery: string): QueryParam[] {
  const params: QueryParam[] = [];
  if (rawQuery === "") return params;
  for (const piece of rawQuery.split("&")) {
    const eq = piece.indexOf("=");
    params.push(
      eq < 0
        ? { name: canonicalQueryComponent(piece), value: "" }
        : { name: canonicalQueryComponent(piece.slice(0, eq)), value: canonicalQueryComponent(piece.slice(eq + 1)) },
    );
  }
  return params;
}

function byNameThenValue(a: QueryParam, b: QueryParam): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  return 0;
}

/**
 * Sorted `name=value` pairs joined with `&`. Canonical components are ASCII, so UTF-16 order is byte
 * order. `excludeName` drops the presigned `X-Amz-Signature`.
 */
export function canonicalQueryString(params: readonly QueryParam[], excludeName?: string): string {
  if (params.length === 0) return "";
  const kept = excludeName === undefined ? params.slice() : params.filter((p) => p.name !== excludeName);
  kept.sort(byNameThenValue);
  let out = "";
  for (let i = 0; i < kept.length; i++) {
    const p = kept[i] as QueryParam;
    out += (i === 0 ? "" : "&") + p.name + "=" + p.value;
  }
  return out;
}
