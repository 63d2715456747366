import type { RotateKeyOnDemandRequest, RotateKeyOnDemandResponse } from "@aws-sdk/client-kms";
import { rotateKey } from "../key-rotation.js";
import { assertUsable } from "../key-store.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/**
 * §7.6: a new current material version at once, at most 25 per key; the automatic schedule is left
 * as it is. The response names the key by ARN, as AWS does.
 */
export const RotateKeyOnDemand: KmsOperation<Validated<RotateKeyOnDemandRequest, "KeyId">, KmsWire<RotateKeyOnDemandResponse>> = {
  name: "RotateKeyOnDemand",
  action: "kms:RotateKeyOnDemand",
  access: async (input, cx, keys) => [await keyIdRequest("kms:RotateKeyOnDemand", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:RotateKeyOnDemand", cx.caller.arn);
    assertUsable(key);
    await rotateKey(keys, key, "ON_DEMAND");
    return { KeyId: key.arn };
  },
};
