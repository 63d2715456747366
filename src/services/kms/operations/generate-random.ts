import { randomBytes } from "node:crypto";
import type { GenerateRandomRequest, GenerateRandomResponse } from "@aws-sdk/client-kms";
import { unsupported, validation } from "../kms-errors.js";
import { base64, type KmsOperation, type KmsWire } from "../kms-operation.js";
import { anyKeyRequest } from "../access-requests.js";

/** §7.5: 1–1024 CSPRNG bytes (the model checks the range; a missing count has its own text). */
export const GenerateRandom: KmsOperation<GenerateRandomRequest, KmsWire<GenerateRandomResponse>> = {
  name: "GenerateRandom",
  action: "kms:GenerateRandom",
  access: async (_input, cx) => [anyKeyRequest("kms:GenerateRandom", cx)],
  async run(input) {
    if (input.NumberOfBytes === undefined) throw validation("NumberOfBytes is required.");
    if (input.CustomKeyStoreId !== undefined) throw unsupported("Custom key stores are not supported.");
    return { Plaintext: base64(randomBytes(input.NumberOfBytes)) };
  },
};
