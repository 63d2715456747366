import type { ListKeysRequest, ListKeysResponse } from "@aws-sdk/client-kms";
import { keyMarker } from "../paging-marker.js";
import type { KmsOperation, KmsWire } from "../kms-operation.js";
import { anyKeyRequest } from "../access-requests.js";

const DEFAULT_LIMIT = 100;

/** §5.3: every key of the region, AWS managed and pending deletion included, in key id order. */
export const ListKeys: KmsOperation<ListKeysRequest, KmsWire<ListKeysResponse>> = {
  name: "ListKeys",
  action: "kms:ListKeys",
  access: async (_input, cx) => [anyKeyRequest("kms:ListKeys", cx)],
  async run(input, cx, keys) {
    const limit = input.Limit ?? DEFAULT_LIMIT;
    const after = keyMarker(input.Marker);
    const page = await keys.storage.read((tx) => tx.listKmsKeys(cx.region, after, limit + 1));
    const shown = page.slice(0, limit);
    const truncated = page.length > limit;
    return {
      Keys: shown.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })),
      ...(truncated ? { NextMarker: shown.at(-1)?.keyId ?? "" } : {}),
      Truncated: truncated,
    };
  },
};
