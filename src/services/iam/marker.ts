import { invalidMarker } from "../../errors/iam-errors.js";
import type { Positioned } from "../../storage/iam-ports.js";

/** MaxItems default [botocore model]; the model bounds it to 1–1000. */
const DEFAULT_MAX_ITEMS = 100;

/**
 * IAM Markers are opaque to clients: here the base64url of the keyset position of the page's last
 * entry. Anything that does not decode to a position is `Invalid Marker.`.
 */
export function markerPosition(marker: string | undefined): string | undefined {
  if (marker === undefined) return undefined;
  const position = Buffer.from(marker, "base64url").toString("utf8");
  if (position === "" || Buffer.from(position, "utf8").toString("base64url") !== marker) throw invalidMarker();
  return position;
}

export function positionMarker(position: string): string {
  return Buffer.from(position, "utf8").toString("base64url");
}

export function pageSize(maxItems: number | undefined): number {
  return maxItems ?? DEFAULT_MAX_ITEMS;
}

export interface Page<T> {
  readonly items: T[];
  readonly IsTruncated: boolean;
  readonly Marker?: string;
}

/** Cuts a page fetched with `limit + 1` rows: the extra row only tells that there is more. */
export function cutPage<T>(rows: readonly Positioned<T>[], limit: number): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  if (rows.length <= limit || last === undefined) return { items: shown.map((r) => r.record), IsTruncated: false };
  return { items: shown.map((r) => r.record), IsTruncated: true, Marker: positionMarker(last.position) };
}

/** Pages an in-memory list that is small by quota (tags, attached policies, access keys). */
export function pageList<T>(all: readonly T[], position: (item: T) => string, marker: string | undefined, maxItems: number | undefined): Page<T> {
  const after = markerPosition(marker);
  const limit = pageSize(maxItems);
  const rows = all.map((record) => ({ position: position(record), record }));
  const start = after === undefined ? 0 : rows.findIndex((r) => r.position > after);
  return cutPage(start < 0 ? [] : rows.slice(start, start + limit + 1), limit);
}
