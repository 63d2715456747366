import type { UntagResourceRequest } from "@aws-sdk/client-kms";
import { pendingDeletion } from "../key-store.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/** §8: removes the named tags (absent ones are ignored); Enabled or Disabled keys (§4.2). */
export const UntagResource: KmsOperation<Validated<UntagResourceRequest, "KeyId" | "TagKeys">, Record<string, never>> = {
  name: "UntagResource",
  action: "kms:UntagResource",
  access: async (input, cx, keys) => [
    await keyIdRequest("kms:UntagResource", input.KeyId, cx, keys, { keyOnly: true, context: { "aws:TagKeys": input.TagKeys } }),
  ],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:UntagResource", cx.caller.arn);
    if (key.state === "PendingDeletion") throw pendingDeletion(key);
    await keys.storage.write((tx) => tx.removeKmsKeyTags(key.region, key.keyId, input.TagKeys));
    return {};
  },
};
