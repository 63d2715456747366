import type { DisableKeyRotationRequest } from "@aws-sdk/client-kms";
import { changeKey } from "../key-change.js";
import { assertUsable } from "../key-store.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/** §7.6: turns automatic rotation off; material made so far stays. Key states as for EnableKeyRotation (§4.2). */
export const DisableKeyRotation: KmsOperation<Validated<DisableKeyRotationRequest, "KeyId">, Record<string, never>> = {
  name: "DisableKeyRotation",
  action: "kms:DisableKeyRotation",
  access: async (input, cx, keys) => [await keyIdRequest("kms:DisableKeyRotation", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:DisableKeyRotation", cx.caller.arn);
    assertUsable(key);
    if (key.rotation !== undefined) await changeKey(keys, key, { rotation: null });
    return {};
  },
};
