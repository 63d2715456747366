import { invalidMarker } from "./kms-errors.js";

/**
 * ListKeys and ListAliases markers: the last key id or alias name of the previous page (keyset
 * paging, so a page costs the same whatever the number of keys). Anything else is InvalidMarkerException.
 */
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function keyMarker(marker: string | undefined): string | undefined {
  if (marker === undefined) return undefined;
  if (!KEY_ID.test(marker)) throw invalidMarker();
  return marker;
}

export function aliasMarker(marker: string | undefined): string | undefined {
  if (marker === undefined) return undefined;
  if (!marker.startsWith("alias/")) throw invalidMarker();
  return marker;
}
