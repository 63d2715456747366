import type { DisableKeyRequest } from "@aws-sdk/client-kms";
import { changeKey } from "../key-change.js";
import { pendingDeletion } from "../key-store.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/** §5.4: key id or ARN only; a no-op on a disabled key; refused while pending deletion. */
export const DisableKey: KmsOperation<Validated<DisableKeyRequest, "KeyId">, Record<string, never>> = {
  name: "DisableKey",
  action: "kms:DisableKey",
  access: async (input, cx, keys) => [await keyIdRequest("kms:DisableKey", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:DisableKey", cx.caller.arn);
    if (key.state === "PendingDeletion") throw pendingDeletion(key);
    if (key.state !== "Disabled") await changeKey(keys, key, { state: "Disabled" });
    return {};
  },
};
