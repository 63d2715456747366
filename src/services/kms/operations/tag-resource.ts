import type { TagResourceRequest } from "@aws-sdk/client-kms";
import { pendingDeletion } from "../key-store.js";
import { assertTagRoom, requestTags } from "../key-tags.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type Validated } from "../kms-operation.js";
import { keyIdRequest, kmsRequestTags } from "../access-requests.js";

/**
 * §8: adds or overwrites tags; key id or ARN only; Enabled or Disabled keys (§4.2). The quota is
 * checked inside the write, so two concurrent requests cannot together pass 50.
 */
export const TagResource: KmsOperation<Validated<TagResourceRequest, "KeyId" | "Tags">, Record<string, never>> = {
  name: "TagResource",
  action: "kms:TagResource",
  access: async (input, cx, keys) => [
    await keyIdRequest("kms:TagResource", input.KeyId, cx, keys, { keyOnly: true, context: kmsRequestTags(input.Tags) }),
  ],
  async run(input, cx, keys) {
    const tags = requestTags(input.Tags);
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:TagResource", cx.caller.arn);
    if (key.state === "PendingDeletion") throw pendingDeletion(key);
    await keys.storage.write(async (tx) => {
      assertTagRoom(await tx.kmsKeyTags(key.region, key.keyId), tags);
      await tx.putKmsKeyTags(key.region, key.keyId, tags);
    });
    return {};
  },
};
