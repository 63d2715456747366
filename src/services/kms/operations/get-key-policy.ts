import type { GetKeyPolicyRequest, GetKeyPolicyResponse } from "@aws-sdk/client-kms";
import { assertPolicyName, currentKeyPolicy, DEFAULT_POLICY_NAME } from "../key-policy.js";
import { keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/** §9.2: key id or ARN only, any key state; the AWS managed key shows its fixed policy (§11). */
export const GetKeyPolicy: KmsOperation<Validated<GetKeyPolicyRequest, "KeyId">, KmsWire<GetKeyPolicyResponse>> = {
  name: "GetKeyPolicy",
  action: "kms:GetKeyPolicy",
  access: async (input, cx, keys) => [await keyIdRequest("kms:GetKeyPolicy", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertPolicyName(input.PolicyName);
    return { Policy: await currentKeyPolicy(keys.storage, key, cx.accountId), PolicyName: DEFAULT_POLICY_NAME };
  },
};
