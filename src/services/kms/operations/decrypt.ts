import type { DecryptRequest, DecryptResponse } from "@aws-sdk/client-kms";
import { keyMaterialId } from "../key-store.js";
import { dryRunSucceeded } from "../kms-errors.js";
import { base64, keyScope, type KmsOperation, type KmsWire } from "../kms-operation.js";
import { openCiphertext } from "../open-ciphertext.js";
import { keyRequest, encryptionContextKeys, requestAlias } from "../access-requests.js";

/** §7.2: the ciphertext names its key; any mismatch of blob or context is a bare InvalidCiphertextException. */
export const Decrypt: KmsOperation<DecryptRequest, KmsWire<DecryptResponse>> = {
  name: "Decrypt",
  action: "kms:Decrypt",
  // The ciphertext names its key (kms.md §7.2); a blob that names none fails before authorisation.
  access: async (input, cx, keys) => {
    if (input.CiphertextBlob === undefined) return [];
    const { key } = await keys.keyOfBlob(input.CiphertextBlob, keyScope(cx));
    const context = { ...encryptionContextKeys(input.EncryptionContext), ...(input.KeyId === undefined ? {} : requestAlias(input.KeyId)) };
    return [keyRequest("kms:Decrypt", key, cx, context)];
  },
  async run(input, cx, keys) {
    const opened = await openCiphertext(keys, input.CiphertextBlob, input.KeyId, input.EncryptionContext, "ciphertextBlob", cx);
    try {
      if (input.DryRun === true) throw dryRunSucceeded();
      return {
        KeyId: opened.key.arn,
        Plaintext: base64(opened.plaintext),
        EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
        KeyMaterialId: keyMaterialId(opened.key, opened.materialVersion),
      };
    } finally {
      opened.plaintext.fill(0);
    }
  },
};
