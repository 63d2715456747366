import type { CreateKeyRequest, CreateKeyResponse } from "@aws-sdk/client-kms";
import { keyMetadata } from "../key-metadata.js";
import { checkKeyPolicy } from "../key-policy-check.js";
import { assertTagRoom, requestTags } from "../key-tags.js";
import { unsupported, validation } from "../kms-errors.js";
import { keyScope, type KmsOperation, type KmsWire } from "../kms-operation.js";
import { anyKeyRequest, kmsRequestTags } from "../access-requests.js";

/**
 * §5.1: symmetric ENCRYPT_DECRYPT keys with AWS_KMS origin only; anything else is out of scope (§14),
 * after AWS's own check that a non-symmetric spec names its KeyUsage.
 */
export const CreateKey: KmsOperation<CreateKeyRequest, KmsWire<CreateKeyResponse>> = {
  name: "CreateKey",
  action: "kms:CreateKey",
  access: async (input, cx) => [anyKeyRequest("kms:CreateKey", cx, kmsRequestTags(input.Tags))],
  async run(input, cx, keys) {
    const spec = input.KeySpec ?? input.CustomerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
    if (spec !== "SYMMETRIC_DEFAULT" && input.KeyUsage === undefined) {
      throw validation("You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    }
    if (spec !== "SYMMETRIC_DEFAULT") throw unsupported(`KeySpec ${spec} is not supported.`);
    if (input.KeyUsage !== undefined && input.KeyUsage !== "ENCRYPT_DECRYPT") {
      throw unsupported(`KeyUsage ${input.KeyUsage} is not supported.`);
    }
    if (input.Origin !== undefined && input.Origin !== "AWS_KMS") throw unsupported(`Origin ${input.Origin} is not supported.`);
    if (input.MultiRegion === true) throw unsupported("Multi-Region keys are not supported.");
    if (input.CustomKeyStoreId !== undefined || input.XksKeyId !== undefined) {
      throw unsupported("Custom key stores are not supported.");
    }
    const tags = requestTags(input.Tags ?? []);
    assertTagRoom([], tags);
    const key = keys.newKey(keyScope(cx), { keyManager: "CUSTOMER", description: input.Description ?? "" });
    // No Policy: the default key policy, shown by GetKeyPolicy without being stored (§9.1).
    const { Policy: policy } = input;
    if (policy !== undefined) {
      checkKeyPolicy(policy, {
        keyArn: key.arn,
        account: cx.accountId,
        callerArn: cx.caller.arn,
        bypassLockoutSafetyCheck: input.BypassPolicyLockoutSafetyCheck === true,
      });
    }
    await keys.storage.write(async (tx) => {
      await tx.insertKmsKey(key);
      if (policy !== undefined) await tx.putKmsKeyPolicy(key.region, key.keyId, policy);
      await tx.putKmsKeyTags(key.region, key.keyId, tags);
    });
    return { KeyMetadata: keyMetadata(key, cx.accountId) };
  },
};
