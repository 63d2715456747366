import type {
  GenerateDataKeyWithoutPlaintextRequest,
  GenerateDataKeyWithoutPlaintextResponse,
} from "@aws-sdk/client-kms";
import { generateDataKey } from "../data-key.js";
import { base64, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest, encryptionContextKeys } from "../access-requests.js";

/** §7.4: as GenerateDataKey, but only the sealed copy leaves the server. */
export const GenerateDataKeyWithoutPlaintext: KmsOperation<
  Validated<GenerateDataKeyWithoutPlaintextRequest, "KeyId">,
  KmsWire<GenerateDataKeyWithoutPlaintextResponse>
> = {
  name: "GenerateDataKeyWithoutPlaintext",
  action: "kms:GenerateDataKeyWithoutPlaintext",
  access: async (input, cx, keys) => [
    await keyIdRequest("kms:GenerateDataKeyWithoutPlaintext", input.KeyId, cx, keys, { context: encryptionContextKeys(input.EncryptionContext) }),
  ],
  async run(input, cx, keys) {
    const dataKey = await generateDataKey(keys, input, cx);
    dataKey.plaintext.fill(0);
    return { CiphertextBlob: base64(dataKey.blob), KeyId: dataKey.keyArn, KeyMaterialId: dataKey.keyMaterialId };
  },
};
