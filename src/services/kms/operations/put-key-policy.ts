import type { PutKeyPolicyRequest } from "@aws-sdk/client-kms";
import { assertPolicyName } from "../key-policy.js";
import { checkKeyPolicy } from "../key-policy-check.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type Validated } from "../kms-operation.js";
import { keyDoesNotExist } from "../key-reference.js";
import { keyIdRequest } from "../access-requests.js";

/**
 * §9.2: key id or ARN only, any key state; the document is validated (lockout check unless bypassed)
 * and stored as given, and gates every later use of the key (this node at once, others within a
 * second). The AWS managed key's policy grants nobody kms:PutKeyPolicy (§11).
 */
export const PutKeyPolicy: KmsOperation<Validated<PutKeyPolicyRequest, "KeyId" | "Policy">, Record<string, never>> = {
  name: "PutKeyPolicy",
  action: "kms:PutKeyPolicy",
  access: async (input, cx, keys) => [await keyIdRequest("kms:PutKeyPolicy", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertPolicyName(input.PolicyName);
    assertCustomerManaged(key, "kms:PutKeyPolicy", cx.caller.arn);
    checkKeyPolicy(input.Policy, {
      keyArn: key.arn,
      account: cx.accountId,
      callerArn: cx.caller.arn,
      bypassLockoutSafetyCheck: input.BypassPolicyLockoutSafetyCheck === true,
    });
    // Deleted meanwhile (a due deletion): the key is gone as far as the caller can tell.
    if (!(await keys.storage.write((tx) => tx.putKmsKeyPolicy(key.region, key.keyId, input.Policy)))) {
      throw keyDoesNotExist(key.arn);
    }
    keys.forgetPolicy(key.region, key.keyId);
    return {};
  },
};
