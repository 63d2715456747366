import type { UpdateKeyDescriptionRequest } from "@aws-sdk/client-kms";
import { changeKey } from "../key-change.js";
import { pendingDeletion } from "../key-store.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/** §5.4: key id or ARN only; the model bounds the text to 0–8192; Enabled or Disabled keys (§4.2). */
export const UpdateKeyDescription: KmsOperation<
  Validated<UpdateKeyDescriptionRequest, "KeyId" | "Description">,
  Record<string, never>
> = {
  name: "UpdateKeyDescription",
  action: "kms:UpdateKeyDescription",
  access: async (input, cx, keys) => [await keyIdRequest("kms:UpdateKeyDescription", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:UpdateKeyDescription", cx.caller.arn);
    if (key.state === "PendingDeletion") throw pendingDeletion(key);
    await changeKey(keys, key, { description: input.Description });
    return {};
  },
};
