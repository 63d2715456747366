import type { CancelKeyDeletionRequest, CancelKeyDeletionResponse } from "@aws-sdk/client-kms";
import { KmsFailure } from "../../ports.js";
import { changeKey } from "../key-change.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/** §5.5: a key pending deletion becomes Disabled (not Enabled) and loses its DeletionDate. */
export const CancelKeyDeletion: KmsOperation<Validated<CancelKeyDeletionRequest, "KeyId">, KmsWire<CancelKeyDeletionResponse>> = {
  name: "CancelKeyDeletion",
  action: "kms:CancelKeyDeletion",
  access: async (input, cx, keys) => [await keyIdRequest("kms:CancelKeyDeletion", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:CancelKeyDeletion", cx.caller.arn);
    if (key.state !== "PendingDeletion") {
      throw new KmsFailure("KMSInvalidStateException", `${key.arn} is not pending deletion.`);
    }
    await changeKey(keys, key, { state: "Disabled", deletionDate: null });
    return { KeyId: key.arn };
  },
};
