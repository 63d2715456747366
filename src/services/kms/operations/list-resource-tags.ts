import type { ListResourceTagsRequest, ListResourceTagsResponse } from "@aws-sdk/client-kms";
import { invalidMarker } from "../kms-errors.js";
import { MAX_KEY_TAGS } from "../key-tags.js";
import { keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/** AWS: Limit 1–50, default 50 (kms.md §8), inside the model's wider LimitType. */
const MAX_LIMIT = 50;

/**
 * §8: a key's tags in the order they were first set, any key state. A key holds at most 50 tags, so a
 * page is cut from the whole list; the marker is the offset of the next tag.
 */
export const ListResourceTags: KmsOperation<Validated<ListResourceTagsRequest, "KeyId">, KmsWire<ListResourceTagsResponse>> = {
  name: "ListResourceTags",
  action: "kms:ListResourceTags",
  access: async (input, cx, keys) => [await keyIdRequest("kms:ListResourceTags", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const limit = Math.min(input.Limit ?? MAX_LIMIT, MAX_LIMIT);
    const offset = offsetMarker(input.Marker);
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    const tags = await keys.storage.read((tx) => tx.kmsKeyTags(key.region, key.keyId));
    const shown = tags.slice(offset, offset + limit);
    const truncated = tags.length > offset + limit;
    return {
      Tags: shown.map((t) => ({ TagKey: t.key, TagValue: t.value })),
      ...(truncated ? { NextMarker: String(offset + limit) } : {}),
      Truncated: truncated,
    };
  },
};

function offsetMarker(marker: string | undefined): number {
  if (marker === undefined) return 0;
  if (!/^[1-9][0-9]?$/.test(marker) || Number(marker) > MAX_KEY_TAGS) throw invalidMarker();
  return Number(marker);
}
