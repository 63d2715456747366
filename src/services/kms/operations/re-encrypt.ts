import type { ReEncryptRequest, ReEncryptResponse } from "@aws-sdk/client-kms";
import { assertUsable } from "../key-store.js";
import { dryRunSucceeded } from "../kms-errors.js";
import { base64, keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { openCiphertext } from "../open-ciphertext.js";
import { keyRequest, keyIdRequest, encryptionContextKeys } from "../access-requests.js";

/** §7.3: Decrypt under the source context, then Encrypt under the destination key and context. */
export const ReEncrypt: KmsOperation<Validated<ReEncryptRequest, "DestinationKeyId">, KmsWire<ReEncryptResponse>> = {
  name: "ReEncrypt",
  action: "kms:ReEncryptFrom",
  access: async (input, cx, keys) => {
    const to = await keyIdRequest("kms:ReEncryptTo", input.DestinationKeyId, cx, keys, {
      context: encryptionContextKeys(input.DestinationEncryptionContext),
    });
    if (input.CiphertextBlob === undefined) return [to];
    const { key } = await keys.keyOfBlob(input.CiphertextBlob, keyScope(cx));
    return [keyRequest("kms:ReEncryptFrom", key, cx, encryptionContextKeys(input.SourceEncryptionContext)), to];
  },
  async run(input, cx, keys) {
    const scope = keyScope(cx);
    const source = await openCiphertext(
      keys,
      input.CiphertextBlob,
      input.SourceKeyId,
      input.SourceEncryptionContext,
      "ciphertextBlob",
      cx,
    );
    try {
      const destination = await keys.resolve(input.DestinationKeyId, scope);
      assertUsable(destination);
      if (input.DryRun === true) throw dryRunSucceeded();
      const blob = keys.encrypt(destination, source.plaintext, scope, input.DestinationEncryptionContext ?? {});
      return {
        CiphertextBlob: base64(blob),
        SourceKeyId: source.key.arn,
        KeyId: destination.arn,
        SourceEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
        DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      };
    } finally {
      source.plaintext.fill(0);
    }
  },
};
