import type { GenerateDataKeyRequest, GenerateDataKeyResponse } from "@aws-sdk/client-kms";
import { generateDataKey } from "../data-key.js";
import { base64, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest, encryptionContextKeys } from "../access-requests.js";

/** §7.4: a fresh data key, in plaintext and sealed under the KMS key. */
export const GenerateDataKey: KmsOperation<Validated<GenerateDataKeyRequest, "KeyId">, KmsWire<GenerateDataKeyResponse>> = {
  name: "GenerateDataKey",
  action: "kms:GenerateDataKey",
  access: async (input, cx, keys) => [
    await keyIdRequest("kms:GenerateDataKey", input.KeyId, cx, keys, { context: encryptionContextKeys(input.EncryptionContext) }),
  ],
  async run(input, cx, keys) {
    const dataKey = await generateDataKey(keys, input, cx);
    try {
      return {
        CiphertextBlob: base64(dataKey.blob),
        Plaintext: base64(dataKey.plaintext),
        KeyId: dataKey.keyArn,
        KeyMaterialId: dataKey.keyMaterialId,
      };
    } finally {
      dataKey.plaintext.fill(0);
    }
  },
};
