import type { ListKeyPoliciesRequest, ListKeyPoliciesResponse } from "@aws-sdk/client-kms";
import { DEFAULT_POLICY_NAME } from "../key-policy.js";
import { invalidMarker } from "../kms-errors.js";
import { keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/** §9.2: every key has exactly the `default` policy, so there is never a second page to mark. */
export const ListKeyPolicies: KmsOperation<Validated<ListKeyPoliciesRequest, "KeyId">, KmsWire<ListKeyPoliciesResponse>> = {
  name: "ListKeyPolicies",
  action: "kms:ListKeyPolicies",
  access: async (input, cx, keys) => [await keyIdRequest("kms:ListKeyPolicies", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    if (input.Marker !== undefined) throw invalidMarker();
    return { PolicyNames: [DEFAULT_POLICY_NAME], Truncated: false };
  },
};
