import type { EncryptRequest, EncryptResponse } from "@aws-sdk/client-kms";
import { assertUsable } from "../key-store.js";
import { dryRunSucceeded } from "../kms-errors.js";
import { base64, keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest, encryptionContextKeys } from "../access-requests.js";

/**
 * §7.1: 1–4096 plaintext bytes (the model checks the decoded length) sealed under the key's current
 * material with the encryption context bound in; KeyId in the response is always the key ARN.
 */
export const Encrypt: KmsOperation<Validated<EncryptRequest, "KeyId" | "Plaintext">, KmsWire<EncryptResponse>> = {
  name: "Encrypt",
  action: "kms:Encrypt",
  access: async (input, cx, keys) => [
    await keyIdRequest("kms:Encrypt", input.KeyId, cx, keys, { context: encryptionContextKeys(input.EncryptionContext) }),
  ],
  async run(input, cx, keys) {
    const scope = keyScope(cx);
    const key = await keys.resolve(input.KeyId, scope);
    assertUsable(key);
    if (input.DryRun === true) throw dryRunSucceeded();
    const blob = keys.encrypt(key, input.Plaintext, scope, input.EncryptionContext ?? {});
    return { CiphertextBlob: base64(blob), KeyId: key.arn, EncryptionAlgorithm: "SYMMETRIC_DEFAULT" };
  },
};
